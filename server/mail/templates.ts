import en from './locales/en.json';
import it from './locales/it.json';
import es from './locales/es.json';
import type { Locale } from '../../shared/contracts/common';
import type { Role } from '../../shared/roles';
import type { Email } from './mailer';

const CATALOGS: Record<Locale, typeof en> = { en, it, es };

function fill(template: string, vars: Record<string, string>): string {
  return template.replace(/\{\{(\w+)\}\}/g, (_, k: string) => vars[k] ?? '');
}

function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

function render(to: string, subject: string, text: string): Email {
  const html = `<div style="font-family:sans-serif;white-space:pre-wrap">${escapeHtml(text).replace(/(https?:\/\/\S+)/g, '<a href="$1">$1</a>')}</div>`;
  return { to, subject, text, html };
}

export function passwordResetEmail(locale: Locale, to: string, name: string, link: string): Email {
  const c = CATALOGS[locale].passwordReset;
  return render(to, c.subject, fill(c.body, { name, link }));
}

export function invitationEmail(locale: Locale, to: string, inviter: string, workspace: string, roles: Role[], link: string): Email {
  const cat = CATALOGS[locale];
  const vars = { inviter, workspace, link, roles: roles.map((r) => cat.roles[r]).join(', ') };
  return render(to, fill(cat.invitation.subject, vars), fill(cat.invitation.body, vars));
}

/** A Tandem notification (review requested, comment, mention…) by email; `kind` is a NotificationKind. */
export function notificationEmail(locale: Locale, to: string, kind: keyof (typeof en)['notifications'], vars: Record<string, string>): Email {
  const c = CATALOGS[locale].notifications[kind];
  return render(to, fill(c.subject, vars), fill(c.body, vars));
}

/** Emails to community members (not team users): password reset, magic sign-in, sign-up by link. */
export function communityMemberEmail(locale: Locale, to: string, kind: keyof (typeof en)['communityMember'], vars: { name: string; community: string; link: string }): Email {
  const c = CATALOGS[locale].communityMember[kind];
  return render(to, fill(c.subject, vars), fill(c.body, vars));
}
