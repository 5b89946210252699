import { ActionIcon, Button, Group, Paper, Stack, Text, Textarea, Title } from '@mantine/core';
import { IconTrash } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useWorkspace } from '../../session/workspace';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { formatDateTime } from '../../ui/format';
import { Loading } from '../../ui/Loading';
import { useConfirmedMutation } from '../../ui/useConfirmedMutation';
import { useMembers } from '../settings/team/api';
import { COMMENT_MAX, commentsKey, deleteComment, useAddComment, useComments, type Comment } from './api';
import { handleOf, insertMention, typedMention } from './mentions';

/**
 * The team's discussion of a post: comments oldest first (plain text, as typed), a box to add one
 * with @mention suggestions, and delete for one's own (owners and marketing managers: any).
 */
export function PostComments({ workspaceId, postId }: { workspaceId: string; postId: string }) {
  const { t } = useTranslation();
  const ws = useWorkspace();
  const qc = useQueryClient();
  const comments = useComments(workspaceId, postId);
  const canWrite = ws.can('comments.write');
  const remove = useConfirmedMutation<Comment>({
    mutationFn: (c) => deleteComment(workspaceId, postId, c.id),
    onSuccess: () => qc.invalidateQueries({ queryKey: commentsKey(workspaceId, postId) }),
  });

  return (
    <Stack gap="sm" component="section" aria-labelledby="post-comments-title" data-testid="post-comments">
      <Title order={2} size="h4" id="post-comments-title">
        {t('collaboration.comments.title')}
      </Title>
      {comments.isPending && <Loading />}
      {comments.error && <ErrorAlert error={comments.error} />}
      {comments.data?.length === 0 && (
        <Text c="dimmed" size="sm">
          {t('collaboration.comments.empty')}
        </Text>
      )}
      {comments.data && comments.data.length > 0 && (
        <Stack gap="xs" component="ol" m={0} p={0} style={{ listStyle: 'none' }}>
          {comments.data.map((c) => (
            <li key={c.id}>
              <Paper withBorder p="sm" radius="md" data-testid="comment">
                <Group justify="space-between" wrap="nowrap" align="flex-start">
                  <Text size="sm">
                    <Text span fw={600}>
                      {c.author?.name ?? t('collaboration.comments.formerMember')}
                    </Text>{' '}
                    <Text span c="dimmed" size="xs">
                      {formatDateTime(c.createdAt)}
                    </Text>
                  </Text>
                  {c.canDelete && (
                    <ActionIcon variant="subtle" color="red" aria-label={t('collaboration.comments.delete')} onClick={() => remove.ask(c)}>
                      <IconTrash size={16} aria-hidden />
                    </ActionIcon>
                  )}
                </Group>
                {/* rendered as text, exactly as typed: React escapes it, pre-wrap keeps the lines */}
                <Text size="sm" mt={4} style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
                  {c.body}
                </Text>
              </Paper>
            </li>
          ))}
        </Stack>
      )}
      {canWrite && <AddComment workspaceId={workspaceId} postId={postId} />}
      <ConfirmDialog
        {...remove.dialog}
        title={t('collaboration.comments.deleteTitle')}
        message={t('collaboration.comments.deleteMessage')}
        confirmLabel={t('collaboration.comments.delete')}
      />
    </Stack>
  );
}

function AddComment({ workspaceId, postId }: { workspaceId: string; postId: string }) {
  const { t } = useTranslation();
  const add = useAddComment(workspaceId, postId);
  const members = useMembers(workspaceId);
  const [text, setText] = useState('');
  const [caret, setCaret] = useState(0);
  const ref = useRef<HTMLTextAreaElement>(null);
  const typing = typedMention(text, caret);
  const suggestions = typing
    ? (members.data ?? [])
        .map((m) => ({ userId: m.userId, name: m.name, handle: handleOf(m.email) }))
        .filter((m) => m.handle.startsWith(typing.query) || m.name.toLowerCase().startsWith(typing.query))
        .slice(0, 5)
    : [];
  const tooLong = text.length > COMMENT_MAX;

  const pick = (handle: string) => {
    if (!typing) return;
    const next = insertMention(text, caret, typing.start, handle);
    setText(next.text);
    setCaret(next.caret);
    requestAnimationFrame(() => {
      ref.current?.focus();
      ref.current?.setSelectionRange(next.caret, next.caret);
    });
  };

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!text.trim() || tooLong) return;
    add.mutate(text, { onSuccess: () => setText('') });
  };

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="xs">
        <Textarea
          ref={ref}
          label={t('collaboration.comments.label')}
          description={t('collaboration.comments.hint')}
          value={text}
          autosize
          minRows={2}
          maxRows={10}
          onChange={(e) => {
            setText(e.currentTarget.value);
            setCaret(e.currentTarget.selectionStart ?? e.currentTarget.value.length);
          }}
          onSelect={(e) => setCaret(e.currentTarget.selectionStart ?? 0)}
          error={tooLong ? t('collaboration.comments.tooLong', { max: COMMENT_MAX, count: text.length }) : undefined}
        />
        {suggestions.length > 0 && (
          <Group gap="xs" role="group" aria-label={t('collaboration.comments.suggestions')}>
            {suggestions.map((m) => (
              <Button key={m.userId} size="compact-sm" variant="light" onClick={() => pick(m.handle)}>
                {t('collaboration.comments.mention', { name: m.name, handle: m.handle })}
              </Button>
            ))}
          </Group>
        )}
        {add.error && <ErrorAlert error={add.error} shownFields={[]} />}
        <Group justify="space-between">
          <Text size="xs" c={tooLong ? 'red' : 'dimmed'}>
            {t('collaboration.comments.counter', { count: text.length, max: COMMENT_MAX })}
          </Text>
          <Button type="submit" loading={add.isPending} disabled={!text.trim() || tooLong}>
            {t('collaboration.comments.send')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
