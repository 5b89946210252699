import { useTranslation } from 'react-i18next';
import { useWorkspace } from '../../session/workspace';
import { PageHeader } from '../../ui/PageHeader';
import { MediaLibrary } from './MediaLibrary';

/** /w/:workspaceId/media — every image and video of the workspace. */
export default function MediaLibraryPage() {
  const { t } = useTranslation();
  const ws = useWorkspace();
  return (
    <>
      <PageHeader title={t('media.title')} description={t('media.intro')} />
      <MediaLibrary workspaceId={ws.id} canWrite={ws.can('media.write')} />
    </>
  );
}
