import { z } from 'zod';
import { Email, Id, Locale, Password } from './common';
import { Role } from './workspaces';

export const SignUpBody = z.strictObject({
  email: Email,
  password: Password,
  name: z.string().trim().min(1).max(120),
  locale: Locale.optional(),
});

export const SignInBody = z.strictObject({
  email: Email,
  password: z.string().min(1).max(200),
  totp: z.string().regex(/^\d{6}$/, 'Enter the 6-digit code from your authenticator app.').optional(),
});

export const PasswordResetRequestBody = z.strictObject({ email: Email });
export const PasswordResetConfirmBody = z.strictObject({ token: z.string().min(20).max(200), password: Password });

export const MembershipSummary = z.object({
  workspaceId: Id,
  workspaceName: z.string(),
  roles: z.array(Role),
  hat: Role,
});

export const Me = z.object({
  user: z.object({
    id: Id,
    email: z.string(),
    name: z.string(),
    locale: Locale,
    totpEnabled: z.boolean(),
  }),
  memberships: z.array(MembershipSummary),
  csrfToken: z.string(),
});
export type Me = z.infer<typeof Me>;

export const UpdateMeBody = z.strictObject({
  name: z.string().trim().min(1).max(120).optional(),
  locale: Locale.optional(),
});

export const TotpSetup = z.object({ secret: z.string(), otpauthUrl: z.string(), qrDataUrl: z.string() });
export const TotpCodeBody = z.strictObject({ code: z.string().regex(/^\d{6}$/, 'Enter the 6-digit code.') });
