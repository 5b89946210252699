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

export interface DigestContent {
  period: 'daily' | 'weekly';
  community: string;
  name: string;
  /** kind (reply, mention, quote, event_reminder, welcome) and the notification's payload strings. */
  notifications: { kind: string; payload: Record<string, string> }[];
  threads: { title: string; replies: number; link: string }[];
  unsubscribeLink: string;
}

/** A community member's digest: unread notifications, then new threads, then the one-click unsubscribe link. */
export function communityDigestEmail(locale: Locale, to: string, d: DigestContent): Email {
  const c = CATALOGS[locale].communityDigest;
  const lines = [fill(c.greeting, { name: d.name }), '', fill(c.intro, { community: d.community })];
  if (d.notifications.length) {
    lines.push('', c.notificationsHeading);
    for (const n of d.notifications) {
      const template = (c as Record<string, string>)[n.kind];
      if (template) lines.push(`- ${fill(template, { actorName: '', threadTitle: '', communityName: d.community, ...n.payload, startsAt: (n.payload.startsAt ?? '').replace('T', ' ').slice(0, 16) })}`);
    }
  }
  if (d.threads.length) {
    lines.push('', c.threadsHeading);
    for (const t of d.threads) lines.push(`- ${fill(c.threadLine, { title: t.title, replies: String(t.replies), link: t.link })}`);
  }
  lines.push('', fill(c.footer, { period: c[d.period], link: d.unsubscribeLink }));
  const subject = fill(d.period === 'daily' ? c.subjectDaily : c.subjectWeekly, { community: d.community });
  return render(to, subject, lines.join('\n'));
}

/** Emails to community members (not team users): password reset, magic sign-in, sign-up by link. */
export function communityMemberEmail(locale: Locale, to: string, kind: keyof (typeof en)['communityMember'], vars: { name: string; community: string; link: string }): Email {
  const c = CATALOGS[locale].communityMember[kind];
  return render(to, fill(c.subject, vars), fill(c.body, vars));
}
