import { Text } from '@mantine/core';
import { Fragment, type ReactNode } from 'react';
import { extractEntities } from '../../../../../shared/text';

/** Post text as the network would show it: hashtags, mentions and links highlighted. */
export function RichText({ text }: { text: string }) {
  const { hashtags, mentions, urls } = extractEntities(text);
  const spans = [...hashtags, ...mentions, ...urls].sort((a, b) => a.start - b.start);
  const out: ReactNode[] = [];
  let at = 0;
  spans.forEach((s, i) => {
    if (s.start < at) return;
    out.push(<Fragment key={`t${i}`}>{text.slice(at, s.start)}</Fragment>);
    out.push(
      <Text key={`e${i}`} span c="blue">
        {text.slice(s.start, s.end)}
      </Text>,
    );
    at = s.end;
  });
  out.push(<Fragment key="end">{text.slice(at)}</Fragment>);
  return (
    <Text size="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
      {out}
    </Text>
  );
}
