import type { DateSelectArg, DatesSetArg, EventClickArg, EventContentArg, EventDropArg, EventMountArg } from '@fullcalendar/core';
import esLocale from '@fullcalendar/core/locales/es';
import itLocale from '@fullcalendar/core/locales/it';
import dayGridPlugin from '@fullcalendar/daygrid';
import interactionPlugin from '@fullcalendar/interaction';
import listPlugin from '@fullcalendar/list';
import luxon3Plugin from '@fullcalendar/luxon3';
import FullCalendar from '@fullcalendar/react';
import timeGridPlugin from '@fullcalendar/timegrid';
import { Alert, Box, Button, Group, Loader, Stack } from '@mantine/core';
import { IconList, IconPlus, IconTags } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import type { TFunction } from 'i18next';
import { Info } from 'luxon';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { useWorkspace, wsPath } from '../../session/workspace';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { PageHeader } from '../../ui/PageHeader';
import { useMembers } from '../settings/team/api';
import { postsKey, useChannels } from '../posts/api';
import { browserTimeZone } from '../workspaces/TimeZoneSelect';
import { useCalendarPosts, useCampaigns, useWorkspaceDetail, type CalendarFilters as Filters, type VisibleRange } from './api';
import { CalendarFilters } from './CalendarFilters';
import { CampaignsManager } from './CampaignsManager';
import { canMove, newPostInstant, selectionStart, toEvent, type ColorBy, type PostEventProps } from './events';
import { Legend } from './Legend';
import { useReschedule } from './useReschedule';
import { useStoredState } from './useStoredState';
import './calendar.css';

const VIEWS = ['dayGridMonth', 'timeGridWeek', 'timeGridDay', 'listWeek'] as const;
const NO_FILTERS: Filters = { channelId: null, campaignId: null, status: null, authorId: null };

/** The editorial calendar: posts by planned time in month, week, day and list views. */
export default function CalendarPage() {
  const { t, i18n } = useTranslation();
  const ws = useWorkspace();
  const navigate = useNavigate();
  // ?date=YYYY-MM-DD opens the calendar on that day (links from elsewhere, e.g. a post's planned day)
  const [params] = useSearchParams();
  const initialDate = /^\d{4}-\d{2}-\d{2}$/.test(params.get('date') ?? '') ? params.get('date')! : undefined;
  const qc = useQueryClient();
  const [view, setView] = useStoredState<string>('tandem.calendar.view', 'timeGridWeek', (v) => (VIEWS as readonly string[]).includes(v));
  const [zone, setZone] = useStoredState<string>(`tandem.calendar.zone.${ws.id}`, browserTimeZone(), (v) => Info.isValidIANAZone(v));
  const [colorBy, setColorBy] = useStoredState<ColorBy>('tandem.calendar.colorBy', 'channel', (v) => v === 'channel' || v === 'status');
  const [filters, setFilters] = useState<Filters>(NO_FILTERS);
  const [range, setRange] = useState<VisibleRange | null>(null);
  const [managing, setManaging] = useState(false);

  const channels = useChannels(ws.id);
  const campaigns = useCampaigns(ws.id);
  const members = useMembers(ws.id);
  const workspace = useWorkspaceDetail(ws.id);
  const posts = useCalendarPosts(ws.id, range, filters);
  const canWrite = ws.can('posts.write');
  const reschedule = useReschedule(ws.id, () => qc.invalidateQueries({ queryKey: postsKey(ws.id) }));

  const events = useMemo(() => {
    const ctx = {
      channels: new Map((channels.data ?? []).map((c) => [c.id, c])),
      campaigns: new Map((campaigns.data ?? []).map((c) => [c.id, c])),
      colorBy,
      untitled: t('calendar.untitled'),
    };
    return (posts.data?.posts ?? []).filter((p) => p.scheduledAt).map((p) => toEvent(p, ctx, canMove(p.status, ws.can)));
    // ws.can is a new function each render; what it reads is ws.roles
  }, [posts.data, channels.data, campaigns.data, colorBy, ws.roles, t]);

  const onDatesSet = (arg: DatesSetArg) => {
    if (arg.view.type !== view) setView(arg.view.type);
    const next = { from: arg.start.toISOString(), to: arg.end.toISOString() };
    if (!range || range.from !== next.from || range.to !== next.to) setRange(next);
  };
  const onEventClick = (arg: EventClickArg) => {
    arg.jsEvent.preventDefault();
    void navigate(wsPath(ws.id, `posts/${arg.event.id}`));
  };
  // a click on an empty slot is a one-slot selection: both plan a new post at the selection's start
  const onSelect = (arg: DateSelectArg) => {
    void navigate(`${wsPath(ws.id, 'posts/new')}?at=${encodeURIComponent(newPostInstant(selectionStart(arg.start, arg.end, arg.allDay, zone), arg.allDay, zone))}`);
  };
  const onEventDrop = (arg: EventDropArg) => {
    const { post } = arg.event.extendedProps as PostEventProps;
    reschedule(post, arg.event.start, arg.revert);
  };

  return (
    <>
      <PageHeader title={t('areaPages.calendar.title')} description={t('calendar.intro')} />
      <Stack gap="md">
        <Group justify="space-between" align="flex-end">
          <CalendarFilters
            filters={filters}
            onFilters={setFilters}
            channels={channels.data ?? []}
            campaigns={campaigns.data ?? []}
            members={members.data ?? []}
            colorBy={colorBy}
            onColorBy={setColorBy}
            zone={zone}
            onZone={setZone}
            workspaceZone={workspace.data?.timeZone}
          />
          <Group gap="sm">
            <Button variant="default" onClick={() => setManaging(true)} leftSection={<IconTags size={16} aria-hidden />}>
              {t('calendar.manageCampaigns')}
            </Button>
            <Button component={Link} to={wsPath(ws.id, 'calendar/list')} variant="default" leftSection={<IconList size={16} aria-hidden />}>
              {t('calendar.table')}
            </Button>
            {canWrite && (
              <Button component={Link} to={wsPath(ws.id, 'posts/new')} leftSection={<IconPlus size={16} aria-hidden />}>
                {t('posts.new')}
              </Button>
            )}
          </Group>
        </Group>
        {posts.error && <ErrorAlert error={posts.error} />}
        {posts.data?.truncated && <Alert color="yellow">{t('calendar.truncated')}</Alert>}
        <Box className="tandem-calendar" pos="relative" data-testid="calendar" data-zone={zone} aria-busy={posts.isFetching}>
          {posts.isFetching && <Loader size="sm" pos="absolute" right={0} top={6} aria-label={t('calendar.loading')} />}
          <FullCalendar
            plugins={[dayGridPlugin, timeGridPlugin, listPlugin, interactionPlugin, luxon3Plugin]}
            initialView={view}
            initialDate={initialDate}
            timeZone={zone}
            locales={[itLocale, esLocale]}
            locale={i18n.language}
            headerToolbar={{ start: 'prev,next today', center: 'title', end: VIEWS.join(',') }}
            height="auto"
            events={events}
            eventInteractive
            eventDisplay="block"
            dayMaxEvents
            nowIndicator
            slotDuration="00:30:00"
            // drops land on 5-minute steps in the time grids (10:35 is a fine time to post); slots stay 30 min
            snapDuration="00:05:00"
            defaultTimedEventDuration="00:30:00"
            scrollTime="08:00:00"
            editable={false}
            eventDurationEditable={false}
            datesSet={onDatesSet}
            eventClick={onEventClick}
            selectable={canWrite}
            select={onSelect}
            eventDrop={onEventDrop}
            eventContent={renderEvent}
            eventDidMount={(arg) => describeEvent(arg, t)}
          />
        </Box>
        <Legend colorBy={colorBy} channels={channels.data ?? []} />
        <CampaignsManager opened={managing} onClose={() => setManaging(false)} />
      </Stack>
    </>
  );
}

function renderEvent(arg: EventContentArg) {
  const { channelNames, campaign } = arg.event.extendedProps as PostEventProps;
  return (
    <div className="tandem-event" data-testid={`event-${arg.event.id}`}>
      {arg.timeText && <b>{arg.timeText} </b>}
      <span className="tandem-event-title">{arg.event.title}</span>
      <div className="tandem-event-channels">
        {campaign && (
          <span className="tandem-event-campaign">
            <span aria-hidden className="tandem-event-campaign-dot" style={{ background: `var(--mantine-color-${campaign.color}-filled)` }} />
            {campaign.name} ·{' '}
          </span>
        )}
        {channelNames.join(', ')}
      </div>
    </div>
  );
}

/** A name for screen readers: the text, the status and the channels, not just the visible fragments. */
function describeEvent(arg: EventMountArg, t: TFunction) {
  const { post, channelNames } = arg.event.extendedProps as PostEventProps;
  const { campaign } = arg.event.extendedProps as PostEventProps;
  const label = t('calendar.eventLabel', { title: arg.event.title, status: t(`posts.status.${post.status}`), channels: channelNames.join(', ') }) + (campaign ? ` — ${campaign.name}` : '');
  arg.el.setAttribute('aria-label', arg.timeText ? `${arg.timeText}, ${label}` : label);
  if (arg.event.startEditable) arg.el.setAttribute('aria-description', t('calendar.draggable'));
}
