import type { Db } from './db/client';
import type { JobQueue } from './jobs/runtime';
import type { Logger } from './logger';
import type { Mailer } from './mail/mailer';
import type { SecretBox } from './crypto';
import type { Role } from '../shared/roles';

/** What every command and query receives: the services, never the request. */
export interface AppContext {
  db: Db;
  jobs: JobQueue;
  secrets: SecretBox;
  mailer: Mailer;
  log: Logger;
  publicUrl: string;
  signupOpen: boolean;
}

/** Who is asking, as established by the HTTP layer (session cookie or API token). */
export interface Auth {
  userId: string;
  userName: string;
  via: 'session' | 'token';
  sessionId?: string;
  csrfToken?: string;
  token?: { id: string; workspaceId: string; scopes: string[] };
}

/** An authenticated person acting in one workspace, after the permission matrix said yes. */
export interface Actor {
  userId: string;
  userName: string;
  workspaceId: string;
  roles: Role[];
  hat: Role;
  via: 'session' | 'token';
  ip: string | null;
}

/** Origin details recorded with sensitive actions. */
export interface RequestMeta {
  ip: string | null;
  userAgent: string | null;
}
