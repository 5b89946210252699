/**
 * Dragging a post on FullCalendar's time grid with the real mouse, to an exact 5-minute step.
 *
 * FullCalendar (timegrid, `useEventCenter`) does not measure a drag from the pointer: it measures it
 * from the centre of the part of the event that lies in the 30-minute slot where it was grabbed. The
 * drop therefore lands that far below the pointer; the pointer has to end that far above the wanted
 * step. The drag's origin is taken when the button goes down, and the first moves go sideways so the
 * pointer is not over another step when the drag starts.
 */
import type { Locator, Page } from 'playwright-core';

/** Drags `event` (the `.fc-timegrid-event` element) so that it starts at the step whose middle is at `to`; `snap` is one step's height. */
export async function dragEventTo(page: Page, event: Locator, to: { x: number; y: number }, snap: number): Promise<void> {
  // An event that crosses midnight is drawn as two segments: grab the first (its start).
  const start = event.first();
  await start.scrollIntoViewIfNeeded();
  const box = (await start.boundingBox())!;
  // the middle of the event's first 5-minute step
  const grab = { x: box.x + box.width / 2, y: box.y + snap / 2 };
  const slat = await page.evaluate(({ x, y }) => {
    const lane = document.elementsFromPoint(x, y).find((el) => el.matches('td.fc-timegrid-slot-lane'));
    const r = lane?.getBoundingClientRect();
    return r ? { top: r.top, bottom: r.bottom } : null;
  }, grab);
  if (!slat) throw new Error('there is no time-grid slot under the event');
  const centre = (Math.max(box.y, slat.top) + Math.min(box.y + box.height, slat.bottom)) / 2;
  const offset = centre - grab.y;
  await page.mouse.move(grab.x, grab.y);
  await page.mouse.down();
  await page.mouse.move(grab.x + 12, grab.y, { steps: 4 });
  await page.mouse.move(to.x, to.y - offset, { steps: 20 });
  await page.mouse.up();
}

/** The height of one 5-minute step: a 30-minute slot's lane has six. */
export async function stepHeight(page: Page): Promise<number> {
  const lane = (await page.locator('td.fc-timegrid-slot-lane').first().boundingBox())!;
  return lane.height / 6;
}
