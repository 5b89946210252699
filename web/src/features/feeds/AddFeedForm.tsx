import { Button, Checkbox, Group, Stack, Text, TextInput, Title } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { post } from '../../api/client';
import { useWorkspace } from '../../session/workspace';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { fieldError } from '../../ui/errors';
import { notifySuccess } from '../../ui/notify';
import { postsKey, serverMessage, useChannels } from '../posts/api';
import { feedsKey, feedsPath, type Feed } from './api';

/** Not a word to translate: the shape of an address. */
const EXAMPLE_URL = 'https://example.com/feed.xml';
const FORM_FIELDS = ['url', 'channelIds'];

/** Address and channels of a new feed; the server reads it once and says plainly when it is not a feed. */
export function AddFeedForm() {
  const { t } = useTranslation();
  const ws = useWorkspace();
  const qc = useQueryClient();
  const channels = useChannels(ws.id);
  const usable = (channels.data ?? []).filter((c) => c.status !== 'disconnected');
  const [url, setUrl] = useState('');
  const [channelIds, setChannelIds] = useState<string[]>([]);
  const [missing, setMissing] = useState<{ url?: string; channels?: string }>({});

  const add = useMutation({
    mutationFn: () => post<Feed>(feedsPath(ws.id), { url: url.trim(), channelIds }),
    onSuccess: async (feed) => {
      setUrl('');
      notifySuccess(t('feeds.added', { title: feed.title }));
      await Promise.all([qc.invalidateQueries({ queryKey: feedsKey(ws.id) }), qc.invalidateQueries({ queryKey: postsKey(ws.id) })]);
    },
  });

  // a complaint about the address or the channels is shown under that field, anything else above the button
  const besideField = FORM_FIELDS.some((f) => fieldError(add.error, f));

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const problems = { url: url.trim() ? undefined : t('feeds.urlRequired'), channels: channelIds.length ? undefined : t('feeds.channelsRequired') };
    setMissing(problems);
    if (!problems.url && !problems.channels) add.mutate();
  };

  return (
    <form onSubmit={submit} noValidate aria-labelledby="add-feed-title">
      <Stack gap="sm">
        <Title order={2} size="h4" id="add-feed-title">
          {t('feeds.addTitle')}
        </Title>
        <TextInput
          label={t('feeds.url')}
          description={t('feeds.urlHelp')}
          placeholder={EXAMPLE_URL}
          type="url"
          value={url}
          onChange={(e) => setUrl(e.currentTarget.value)}
          error={fieldError(add.error, 'url', missing.url)}
          withAsterisk
          maxLength={2000}
        />
        {usable.length === 0 && channels.isSuccess ? (
          <Text c="dimmed" size="sm">
            {t('feeds.noChannels')}
          </Text>
        ) : (
          <Checkbox.Group label={t('feeds.channels')} description={t('feeds.channelsHelp')} withAsterisk value={channelIds} onChange={setChannelIds} error={fieldError(add.error, 'channelIds', missing.channels)}>
            <Group gap="md" mt={6}>
              {usable.map((c) => (
                <Checkbox key={c.id} value={c.id} label={c.name} />
              ))}
            </Group>
          </Checkbox.Group>
        )}
        {add.error && !besideField && <ErrorAlert error={add.error} overrides={serverMessage(add.error)} shownFields={FORM_FIELDS} />}
        <Group>
          <Button type="submit" loading={add.isPending} leftSection={<IconPlus size={16} aria-hidden />} disabled={usable.length === 0}>
            {t('feeds.add')}
          </Button>
          {add.isPending && (
            <Text size="sm" c="dimmed" role="status">
              {t('feeds.checking')}
            </Text>
          )}
        </Group>
      </Stack>
    </form>
  );
}
