import { z } from 'zod';
import { defineJob } from '../../../jobs/defineJob';

/** Email leaves through a job so the request never waits on SMTP and a failure is retried. */
export const sendEmail = defineJob({
  id: 'system.sendEmail',
  payload: z.object({ to: z.string(), subject: z.string(), text: z.string(), html: z.string(), headers: z.record(z.string(), z.string()).optional() }),
  retry: { limit: 8, delaySeconds: 30, backoff: true },
  async handler(email, { mailer }) {
    await mailer.send(email);
  },
});
