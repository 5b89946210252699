import { Button, Group, Stack, Text, Textarea } from '@mantine/core';
import { IconShieldCheck } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { post } from '../../api/client';
import { useWorkspace } from '../../session/workspace';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { fieldError } from '../../ui/errors';
import { notifySuccess } from '../../ui/notify';
import { communityKey, communityPath, type Post } from './api';

/** A reply in the thread under the user's own name, with the staff badge. */
export function StaffReplyForm({ threadId }: { threadId: string }) {
  const { t } = useTranslation();
  const ws = useWorkspace();
  const qc = useQueryClient();
  const [body, setBody] = useState('');
  const [empty, setEmpty] = useState(false);

  const send = useMutation({
    mutationFn: () => post<Post>(communityPath(ws.id, `/threads/${threadId}/replies`), { body: body.trim() }),
    onSuccess: async () => {
      setBody('');
      notifySuccess(t('community.reply.sent'));
      await qc.invalidateQueries({ queryKey: communityKey(ws.id) });
    },
  });

  const submit = (e: FormEvent) => {
    e.preventDefault();
    setEmpty(!body.trim());
    if (body.trim()) send.mutate();
  };

  return (
    <form onSubmit={submit} noValidate aria-label={t('community.reply.title')}>
      <Stack gap="xs">
        <Textarea
          label={t('community.reply.label')}
          description={t('community.markdownHelp')}
          value={body}
          onChange={(e) => setBody(e.currentTarget.value)}
          error={fieldError(send.error, 'body', empty ? t('community.reply.empty') : null)}
          autosize
          minRows={3}
          maxRows={14}
          maxLength={20000}
        />
        {send.error && <ErrorAlert error={send.error} shownFields={['body']} overrides={{ CONFLICT: t('community.reply.threadPending') }} />}
        <Group gap="sm">
          <Button type="submit" loading={send.isPending}>
            {t('community.reply.send')}
          </Button>
          <Text size="xs" c="dimmed">
            <IconShieldCheck size={12} aria-hidden style={{ verticalAlign: 'middle' }} /> {t('community.reply.staffNote')}
          </Text>
        </Group>
      </Stack>
    </form>
  );
}
