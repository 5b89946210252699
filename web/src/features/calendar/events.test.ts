import { describe, expect, it } from 'vitest';
import type { Channel, Post } from '../posts/api';
import { canMove, excerpt, newPostInstant, selectionStart, toEvent } from './events';

const channel = (id: string, name: string, color: string) => ({ id, name, color }) as Channel;
const post = (over: Partial<Post>) =>
  ({ id: 'p1', text: 'Hello', status: 'draft', scheduledAt: '2031-03-30T07:00:00.000Z', version: 1, variants: [{ channelId: 'c1' }, { channelId: 'c2' }], ...over }) as Post;

describe('calendar events', () => {
  it('lets only posts whose time may still change be dragged, by those allowed to change it', () => {
    const all = () => true;
    const writerOnly = (a: string) => a === 'posts.write';
    for (const s of ['draft', 'in_review', 'approved', 'scheduled'] as const) expect(canMove(s, all)).toBe(true);
    for (const s of ['publishing', 'published', 'cancelled', 'failed', 'unknown'] as const) expect(canMove(s, all)).toBe(false);
    expect(canMove('draft', writerOnly)).toBe(true);
    expect(canMove('scheduled', writerOnly)).toBe(false);
  });

  it('titles events with the start of the text and colours them by channel or status', () => {
    const channels = new Map([
      ['c1', channel('c1', 'Rome', 'teal')],
      ['c2', channel('c2', 'Milan', 'grape')],
    ]);
    const campaigns = new Map([['k1', { name: 'Autumn', color: 'orange' }]]);
    const ctx = { channels, campaigns, colorBy: 'channel' as const, untitled: '(no text)' };
    const long = 'A  long\nannouncement '.repeat(10);
    const byChannel = toEvent(post({ text: long, campaignId: 'k1' }), ctx, true);
    expect(byChannel.title).toBe(excerpt(long));
    expect((byChannel.title as string).length).toBe(60);
    expect(byChannel.backgroundColor).toBe('var(--mantine-color-teal-light)');
    expect(byChannel.extendedProps).toMatchObject({ channelNames: ['Rome', 'Milan'], campaign: { name: 'Autumn', color: 'orange' } });
    expect(byChannel.startEditable).toBe(true);
    const byStatus = toEvent(post({ status: 'published', text: '', campaignId: null }), { ...ctx, colorBy: 'status' }, false);
    expect(byStatus.extendedProps).toMatchObject({ campaign: null });
    expect(byStatus.title).toBe('(no text)');
    expect(byStatus.borderColor).toBe('var(--mantine-color-teal-filled)');
    expect(byStatus.startEditable).toBe(false);
  });

  it('turns a clicked slot into an instant in the zone shown, across the daylight-saving change', () => {
    // 2031-03-30 is the Sunday Rome moves from +01:00 to +02:00
    const slot = new Date('2031-03-31T07:00:00Z'); // 09:00 in Rome, Monday after the change
    expect(newPostInstant(slot, false, 'Europe/Rome')).toBe('2031-03-31T07:00:00Z');
    // a whole day in month view means 09:00 that day in the zone shown, whatever its offset
    expect(newPostInstant(new Date('2031-03-28T23:00:00Z'), true, 'Europe/Rome')).toBe('2031-03-29T08:00:00Z');
    expect(newPostInstant(new Date('2031-03-30T22:00:00Z'), true, 'Europe/Rome')).toBe('2031-03-31T07:00:00Z');
    expect(newPostInstant(new Date('2031-03-31T04:00:00Z'), true, 'America/New_York')).toBe('2031-03-31T13:00:00Z');
  });

  it('starts a clicked slot at its start, a dragged selection where it snapped', () => {
    const z = 'Asia/Kolkata'; // +05:30: the slot grid follows the wall clock of the zone shown
    const at = (iso: string) => new Date(iso);
    // a click at 18:45 (one 5-minute snap) means the 18:30 slot
    expect(selectionStart(at('2031-03-30T13:15:00Z'), at('2031-03-30T13:20:00Z'), false, z).toISOString()).toBe('2031-03-30T13:00:00.000Z');
    // a drag from 18:35 to 19:10 starts at 18:35
    expect(selectionStart(at('2031-03-30T13:05:00Z'), at('2031-03-30T13:40:00Z'), false, z).toISOString()).toBe('2031-03-30T13:05:00.000Z');
    expect(selectionStart(at('2031-03-30T00:00:00Z'), at('2031-03-31T00:00:00Z'), true, z).toISOString()).toBe('2031-03-30T00:00:00.000Z');
  });
});
