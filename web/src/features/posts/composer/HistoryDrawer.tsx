import { Badge, Button, Drawer, Group, Stack, Text } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { post as postReq } from '../../../api/client';
import { ErrorAlert } from '../../../ui/ErrorAlert';
import { formatDateTime } from '../../../ui/format';
import { Loading } from '../../../ui/Loading';
import { notifySuccess } from '../../../ui/notify';
import { postKey, useRevisions, type Post } from '../api';

interface Props {
  wid: string;
  post: Post;
  opened: boolean;
  canRestore: boolean;
  memberName: (userId: string | null) => string;
  onClose: () => void;
}

/** Every saved version of the post, newest first; an older one can be restored as a new version. */
export function HistoryDrawer({ wid, post, opened, canRestore, memberName, onClose }: Props) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const revisions = useRevisions(wid, post.id, opened);
  const restore = useMutation({
    mutationFn: (version: number) => postReq<Post>(`/api/workspaces/${wid}/posts/${post.id}/revisions/${version}/restore`, {}),
    onSuccess: async (p, version) => {
      qc.setQueryData(postKey(wid, p.id), p);
      await qc.invalidateQueries({ queryKey: postKey(wid, p.id) });
      notifySuccess(t('composer.history.restored', { version }));
      onClose();
    },
  });
  return (
    <Drawer opened={opened} onClose={onClose} position="right" title={t('composer.history.title')} size="md">
      {revisions.isPending && <Loading />}
      {revisions.error && <ErrorAlert error={revisions.error} />}
      {restore.error && <ErrorAlert error={restore.error} />}
      <Stack gap="md">
        {revisions.data?.map((r) => (
          <Stack key={r.version} gap={4} data-testid={`revision-${r.version}`}>
            <Group gap="xs">
              <Badge variant="light">{t('composer.history.version', { version: r.version })}</Badge>
              {r.version === post.version && <Badge color="teal">{t('composer.history.current')}</Badge>}
              <Text size="xs" c="dimmed">
                {t('composer.history.by', { who: memberName(r.editedBy), when: formatDateTime(r.createdAt) })}
              </Text>
            </Group>
            <Text size="sm" style={{ whiteSpace: 'pre-wrap' }} lineClamp={4}>
              {r.text || t('posts.emptyText')}
            </Text>
            {canRestore && r.version !== post.version && (
              <Button size="xs" variant="default" w="fit-content" loading={restore.isPending && restore.variables === r.version} onClick={() => restore.mutate(r.version)}>
                {t('composer.history.restore', { version: r.version })}
              </Button>
            )}
          </Stack>
        ))}
      </Stack>
    </Drawer>
  );
}
