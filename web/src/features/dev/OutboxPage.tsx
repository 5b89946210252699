import { Alert, Anchor, Button, Card, Group, Stack, Text, Title } from '@mantine/core';
import { IconMailOff, IconRefresh } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { Fragment } from 'react';
import { useTranslation } from 'react-i18next';
import { get, isApiError } from '../../api/client';
import type { OutboxEmail } from '../../api/types';
import { EmptyNote } from '../../ui/EmptyNote';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { formatDateTime } from '../../ui/format';
import { Loading } from '../../ui/Loading';
import { PageHeader } from '../../ui/PageHeader';
import { PublicLayout } from '../../ui/PublicLayout';

const URL_RE = /(https?:\/\/[^\s<>"')\]]+)/g;

/** Plain-text body with its links made clickable (reset and invitation links). */
function LinkifiedText({ text }: { text: string }) {
  const parts = text.split(URL_RE);
  return (
    <pre className="tandem-pre">
      {parts.map((part, i) =>
        i % 2 === 1 ? (
          <Anchor key={i} href={part}>
            {part}
          </Anchor>
        ) : (
          <Fragment key={i}>{part}</Fragment>
        ),
      )}
    </pre>
  );
}

/** /dev/outbox — the emails the server would have sent, when no SMTP server is configured. */
export default function OutboxPage() {
  const { t } = useTranslation();
  const outbox = useQuery({
    queryKey: ['dev-outbox'],
    queryFn: () => get<{ emails: OutboxEmail[] }>('/api/dev/outbox').then((r) => r.emails),
    refetchInterval: 5000,
  });
  const smtp = isApiError(outbox.error) && outbox.error.status === 404;
  const emails = [...(outbox.data ?? [])].sort((a, b) => b.createdAt.localeCompare(a.createdAt));

  return (
    <PublicLayout size="md">
      <PageHeader title={t('outbox.title')} description={t('outbox.intro')} />
      <Group mb="md">
        <Button variant="default" leftSection={<IconRefresh size={16} aria-hidden />} onClick={() => void outbox.refetch()} loading={outbox.isFetching}>
          {t('common.refresh')}
        </Button>
      </Group>
      {outbox.isPending && <Loading />}
      {smtp && (
        <Alert color="blue" icon={<IconMailOff aria-hidden />}>
          {t('outbox.smtp')}
        </Alert>
      )}
      {outbox.error && !smtp && <ErrorAlert error={outbox.error} />}
      {outbox.data && emails.length === 0 && <EmptyNote icon={<IconMailOff />} title={t('outbox.empty')} order={2} />}
      <Stack component="ol" style={{ listStyle: 'none', padding: 0 }}>
        {emails.map((m) => (
          <Card component="li" key={m.id} withBorder padding="lg" data-testid="outbox-email">
            <Title order={2} size="h4">
              {m.subject}
            </Title>
            <Text size="sm" c="dimmed" mt={4}>
              {`${t('outbox.to')}: ${m.to} · ${t('outbox.date')}: ${formatDateTime(m.createdAt)}`}
            </Text>
            <Card.Section withBorder inheritPadding py="sm" mt="sm">
              <LinkifiedText text={m.text} />
            </Card.Section>
          </Card>
        ))}
      </Stack>
    </PublicLayout>
  );
}
