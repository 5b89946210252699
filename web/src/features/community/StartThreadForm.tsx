import { Button, Group, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { IconPlus, IconShieldCheck } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { post } from '../../api/client';
import { useWorkspace, wsPath } from '../../session/workspace';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { fieldError } from '../../ui/errors';
import { notifySuccess } from '../../ui/notify';
import { communityKey, communityPath, type Thread } from './api';

/** A thread started by staff (announcements, staff-only spaces): under one's name, with the badge. */
export function StartThreadForm({ spaceId }: { spaceId: string }) {
  const { t } = useTranslation();
  const ws = useWorkspace();
  const qc = useQueryClient();
  const navigate = useNavigate();
  const [open, setOpen] = useState(false);
  const [title, setTitle] = useState('');
  const [body, setBody] = useState('');
  const [missing, setMissing] = useState<{ title?: string; body?: string }>({});

  const start = useMutation({
    mutationFn: () => post<Thread>(communityPath(ws.id, `/spaces/${spaceId}/threads`), { title: title.trim(), body: body.trim() }),
    onSuccess: async (th) => {
      notifySuccess(t('community.startThread.started'));
      await qc.invalidateQueries({ queryKey: communityKey(ws.id) });
      void navigate(wsPath(ws.id, `community/spaces/${spaceId}/threads/${th.id}`));
    },
  });

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const problems = { title: title.trim().length >= 3 ? undefined : t('community.startThread.titleShort'), body: body.trim() ? undefined : t('community.reply.empty') };
    setMissing(problems);
    if (!problems.title && !problems.body) start.mutate();
  };

  return (
    <Stack gap="xs">
      {!open && (
        <Button variant="light" leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setOpen(true)} style={{ alignSelf: 'flex-start' }}>
          {t('community.startThread.open')}
        </Button>
      )}
      {open && (
        <form onSubmit={submit} noValidate aria-label={t('community.startThread.open')}>
          <Stack gap="xs">
            <TextInput data-autofocus autoFocus label={t('community.startThread.title')} value={title} onChange={(e) => setTitle(e.currentTarget.value)} error={fieldError(start.error, 'title', missing.title)} withAsterisk maxLength={200} />
            <Textarea label={t('community.startThread.body')} description={t('community.markdownHelp')} value={body} onChange={(e) => setBody(e.currentTarget.value)} error={fieldError(start.error, 'body', missing.body)} withAsterisk autosize minRows={4} maxRows={14} maxLength={20000} />
            {start.error && <ErrorAlert error={start.error} shownFields={['title', 'body']} />}
            <Group gap="sm">
              <Button type="submit" loading={start.isPending}>
                {t('community.startThread.submit')}
              </Button>
              <Button variant="default" onClick={() => setOpen(false)}>
                {t('common.cancel')}
              </Button>
              <Text size="xs" c="dimmed">
                <IconShieldCheck size={12} aria-hidden style={{ verticalAlign: 'middle' }} /> {t('community.reply.staffNote')}
              </Text>
            </Group>
          </Stack>
        </form>
      )}
    </Stack>
  );
}
