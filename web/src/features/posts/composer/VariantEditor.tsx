import { ActionIcon, Button, Group, NativeSelect, SegmentedControl, Stack, Switch, Text, Textarea } from '@mantine/core';
import { IconTrash } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Channel, Network } from '../api';
import { ChannelCounter } from '../ChannelCounter';
import type { Draft, PartDraft, VariantDraft } from './draft';
import { variantOf } from './draft';

interface Props {
  draft: Draft;
  channel: Channel;
  network: Network | undefined;
  readOnly: boolean;
  onChange: (v: VariantDraft) => void;
  mediaField: (value: PartDraft['media'], onChange: (m: PartDraft['media']) => void) => ReactNode;
}

const MAX_PARTS = 25;

/** One channel's own version: its text or thread, its first comment, and the network's options. */
export function VariantEditor({ draft, channel, network, readOnly, onChange, mediaField }: Props) {
  const { t, i18n } = useTranslation();
  const v = variantOf(draft, channel.id);
  const set = (patch: Partial<VariantDraft>) => onChange({ ...v, ...patch });
  const setPart = (i: number, p: Partial<PartDraft>) => set({ parts: v.parts.map((x, j) => (j === i ? { ...x, ...p } : x)) });
  const commentMode = v.firstComment === null ? 'base' : v.firstComment === '' ? 'none' : 'own';
  const languageName = (code: string) => (code === 'auto' ? t('composer.options.auto') : (new Intl.DisplayNames([i18n.language], { type: 'language' }).of(code) ?? code));
  // Options come from the server's connectors: one this build has no words for shows its key.
  const words = t('composer.options', { returnObjects: true }) as unknown as Record<string, string | Record<string, string>>;
  const label = (key: string) => (typeof words[key] === 'string' ? words[key] : key);
  const choice = (key: string, c: string) => {
    const group = words[`${key}Choices`];
    return typeof group === 'object' ? (group[c] ?? c) : c;
  };

  return (
    <Stack gap="sm">
      <Switch
        label={t('composer.customize', { channel: channel.name })}
        checked={v.custom}
        disabled={readOnly}
        onChange={(e) => set({ custom: e.currentTarget.checked, parts: e.currentTarget.checked ? [{ text: draft.text, media: draft.media }] : v.parts })}
      />
      {v.custom &&
        v.parts.map((p, i) => (
          <Stack key={i} gap={4}>
            <Group justify="space-between">
              <Text size="sm" fw={500}>
                {v.parts.length > 1 ? t('composer.partN', { n: i + 1, of: v.parts.length }) : t('composer.ownText')}
              </Text>
              {v.parts.length > 1 && !readOnly && (
                <ActionIcon variant="subtle" color="red" aria-label={t('composer.removePart', { n: i + 1 })} onClick={() => set({ parts: v.parts.filter((_, j) => j !== i) })}>
                  <IconTrash size={16} />
                </ActionIcon>
              )}
            </Group>
            <Textarea aria-label={t('composer.partText', { n: i + 1, channel: channel.name })} autosize minRows={3} maxLength={10_000} value={p.text} readOnly={readOnly} onChange={(e) => setPart(i, { text: e.currentTarget.value })} />
            <ChannelCounter channel={channel} text={p.text} />
            {mediaField(p.media, (media) => setPart(i, { media }))}
          </Stack>
        ))}
      {v.custom && network?.threads && !readOnly && v.parts.length < MAX_PARTS && (
        <Button variant="light" size="xs" w="fit-content" onClick={() => set({ parts: [...v.parts, { text: '', media: [] }] })}>
          {t('composer.addPart')}
        </Button>
      )}
      {network?.firstComment && (
        <Stack gap={4}>
          <Text size="sm" fw={500}>
            {t('composer.firstComment')}
          </Text>
          <SegmentedControl
            disabled={readOnly}
            value={commentMode}
            onChange={(m) => set({ firstComment: m === 'base' ? null : m === 'none' ? '' : (v.firstComment ?? draft.firstComment) || ' ' })}
            data={[
              { value: 'base', label: t('composer.commentBase') },
              { value: 'own', label: t('composer.commentOwn') },
              { value: 'none', label: t('composer.commentNone') },
            ]}
          />
          {commentMode === 'own' && <Textarea aria-label={t('composer.firstCommentFor', { channel: channel.name })} autosize minRows={2} value={v.firstComment ?? ''} readOnly={readOnly} onChange={(e) => set({ firstComment: e.currentTarget.value })} />}
        </Stack>
      )}
      {(network?.options ?? []).map((o) =>
        o.kind === 'boolean' ? (
          <Switch key={o.key} label={label(o.key)} disabled={readOnly} checked={Boolean(v.options[o.key] ?? o.default)} onChange={(e) => set({ options: { ...v.options, [o.key]: e.currentTarget.checked } })} />
        ) : (
          <NativeSelect
            key={o.key}
            label={label(o.key)}
            disabled={readOnly}
            value={String(v.options[o.key] ?? o.default)}
            onChange={(e) => set({ options: { ...v.options, [o.key]: e.currentTarget.value } })}
            data={o.choices.map((c) => ({ value: c, label: o.key === 'language' ? languageName(c) : choice(o.key, c) }))}
          />
        ),
      )}
    </Stack>
  );
}
