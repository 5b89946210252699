export { publish, RealtimeHub, REALTIME_CHANNEL, type RealtimeMessage } from './hub';
