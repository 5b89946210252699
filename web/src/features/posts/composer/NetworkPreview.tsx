import { Avatar, Box, Card, Group, Image, SimpleGrid, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Channel, Post } from '../api';
import type { PartDraft } from './draft';
import { RichText } from './RichText';

interface Props {
  channel: Channel;
  parts: PartDraft[];
  firstComment: string | null;
  linkPreview: Post['linkPreview'];
  thumbUrl: (assetId: string) => string;
}

/** How the post will look on the channel's network: the account, each part of a thread, the first comment as a reply. */
export function NetworkPreview({ channel, parts, firstComment, linkPreview, thumbUrl }: Props) {
  const { t } = useTranslation();
  const items = [...parts.map((p) => ({ ...p, reply: false })), ...(firstComment ? [{ text: firstComment, media: [], reply: true }] : [])];
  return (
    <Card withBorder padding="sm" data-testid={`preview-${channel.id}`} aria-label={t('composer.previewOf', { channel: channel.name })}>
      <Text size="xs" c="dimmed" mb={6}>
        {t('composer.previewOn', { network: channel.network })}
      </Text>
      <Stack gap="sm">
        {items.map((p, i) => (
          <Group key={i} align="flex-start" wrap="nowrap" gap="sm" pl={p.reply ? 'lg' : 0}>
            <Avatar color={channel.color} radius="xl" size={p.reply ? 'sm' : 'md'}>
              {channel.name.slice(0, 1).toUpperCase()}
            </Avatar>
            <Box style={{ minWidth: 0, flex: 1 }}>
              <Group gap={6}>
                <Text size="sm" fw={700}>
                  {channel.name}
                </Text>
                <Text size="sm" c="dimmed">
                  @{channel.accountHandle}
                </Text>
                {p.reply && (
                  <Text size="xs" c="dimmed">
                    · {t('composer.firstCommentBadge')}
                  </Text>
                )}
              </Group>
              <RichText text={p.text} />
              {p.media.length > 0 && (
                <SimpleGrid cols={Math.min(p.media.length, 2)} spacing={4} mt={6}>
                  {p.media.map((m) => (
                    <Image key={m.assetId} src={thumbUrl(m.assetId)} radius="sm" h={90} fit="cover" alt="" />
                  ))}
                </SimpleGrid>
              )}
              {i === 0 && p.media.length === 0 && linkPreview && (
                <Card withBorder padding="xs" mt={6}>
                  <Text size="xs" c="dimmed">
                    {new URL(linkPreview.url).hostname}
                  </Text>
                  <Text size="sm" fw={600}>
                    {linkPreview.title}
                  </Text>
                  <Text size="xs" lineClamp={2}>
                    {linkPreview.description}
                  </Text>
                </Card>
              )}
            </Box>
          </Group>
        ))}
      </Stack>
    </Card>
  );
}
