/** API shapes, inferred from the shared zod contracts (types only: no zod in the bundle). */
import type { z } from 'zod';
import type * as Auth from '../../../shared/contracts/auth';
import type * as W from '../../../shared/contracts/workspaces';

export type Me = z.infer<typeof Auth.Me>;
export type Membership = z.infer<typeof Auth.MembershipSummary>;
export type TotpSetup = z.infer<typeof Auth.TotpSetup>;
export type SignUpBody = z.input<typeof Auth.SignUpBody>;
export type SignInBody = z.input<typeof Auth.SignInBody>;

export type Workspace = z.infer<typeof W.Workspace>;
export type Member = z.infer<typeof W.Member>;
export type Invitation = z.infer<typeof W.Invitation>;
export type InvitationPreview = z.infer<typeof W.InvitationPreview>;
export type Home = z.infer<typeof W.Home>;
export type ApiToken = z.infer<typeof W.ApiToken>;
export type CreatedApiToken = z.infer<typeof W.CreatedApiToken>;
export type CreateTokenBody = z.input<typeof W.CreateTokenBody>;
export type AuditEntry = z.infer<typeof W.AuditEntry>;

export interface AuditPage {
  entries: AuditEntry[];
  nextBefore: number | null;
}

export interface OutboxEmail {
  id: string;
  to: string;
  subject: string;
  text: string;
  html: string | null;
  createdAt: string;
}

export type Ok = { ok: true };
