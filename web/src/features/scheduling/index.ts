/** Scheduling components the composer and settings mount. */
export { AddToQueueButton } from './AddToQueueButton';
export { BestTimesPanel } from './BestTimesPanel';
export { CalendarFeedCard } from './CalendarFeedCard';
