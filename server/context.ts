import type { Db } from './db/client';
import type { JobQueue } from './jobs/runtime';
import type { Logger } from './logger';
import type { Mailer } from './mail/mailer';
import type { SecretBox } from './crypto';
import type { Role } from '../shared/roles';
import type { Storage } from './storage';
import type { RealtimeHub } from './realtime';

/** What every command and query receives: the services, never the request. */
export interface AppContext {
  db: Db;
  jobs: JobQueue;
  secrets: SecretBox;
  mailer: Mailer;
  log: Logger;
  publicUrl: string;
  signupOpen: boolean;
  /** Uploaded media: a local folder or an S3 bucket (server/storage). */
  storage: Storage;
  /** Largest media upload accepted, in bytes (MEDIA_MAX_BYTES). */
  mediaMaxBytes: number;
  /** Live updates: SSE subscribers fed by LISTEN/NOTIFY (listening only in processes with the web role). */
  realtime: RealtimeHub;
  /** Community post images: largest upload and uploads per member per 24 hours. */
  communityImages: { maxBytes: number; perMemberPerDay: number };
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
