import { graphApi } from '../meta/api';

/** graph.threads.net answers both the versioned API and the OAuth endpoints (graph.threads.com too). */
export const THREADS_VERSION = 'v1.0';

export const threadsApi = graphApi({ name: 'Threads', origin: 'https://graph.threads.net', version: THREADS_VERSION });
