import { sendEmail } from './jobs/sendEmail';
import { vacuumEmbedded } from './jobs/vacuumEmbedded';
import { purgeExpired } from './jobs/purgeExpired';

export { sendEmail };
export const systemJobs = [sendEmail, vacuumEmbedded, purgeExpired];
