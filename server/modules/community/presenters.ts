import type { communities, communityEvents, communityFlags, communityImages, communityMembers, communityNotifications, communityPersonas, communityPollOptions, communityPolls, communityPostRevisions, communityPosts, communityRituals, communitySpaces, communityThreads } from '../../db/schema';
import type { Authors } from './queries/loadAuthors';
import { localTime } from './eventRules';
import { imagePath } from './images';
import { localTimeOf } from './ritualRules';
import { highlightHtml } from './search/highlight';

type CommunityRow = typeof communities.$inferSelect;
type MemberRow = typeof communityMembers.$inferSelect;
type SpaceRow = typeof communitySpaces.$inferSelect;
type ThreadRow = typeof communityThreads.$inferSelect;
type PostRow = typeof communityPosts.$inferSelect;
type RevisionRow = typeof communityPostRevisions.$inferSelect;

export function presentCommunity(c: CommunityRow) {
  return {
    id: c.workspaceId,
    name: c.name,
    description: c.description,
    guidelines: c.guidelines,
    guidelinesHtml: c.guidelinesHtml,
    signupOpen: c.signupOpen,
    welcomeMessage: c.welcomeMessage,
    welcomeMessageHtml: c.welcomeMessageHtml,
    newMemberLimits: {
      threadsPerDay: c.newMemberThreadsPerDay,
      repliesPerDay: c.newMemberRepliesPerDay,
      secondsBetweenThreads: c.newMemberSecondsBetweenThreads,
      secondsBetweenReplies: c.newMemberSecondsBetweenReplies,
    },
  };
}

export function presentPublicCommunity(c: CommunityRow) {
  return { id: c.workspaceId, name: c.name, description: c.description, guidelinesHtml: c.guidelinesHtml, signupOpen: c.signupOpen };
}

export function presentSpace(s: SpaceRow) {
  return {
    id: s.id,
    name: s.name,
    slug: s.slug,
    description: s.description,
    guidelines: s.guidelines,
    guidelinesHtml: s.guidelinesHtml,
    defaultLanguage: s.defaultLanguage,
    kind: s.kind,
    visibility: s.visibility,
    whoCanStart: s.whoCanStart,
    requireThreadApproval: s.requireThreadApproval,
    requireReplyApproval: s.requireReplyApproval,
    slowModeSeconds: s.slowModeSeconds,
    position: s.position,
    nudgeAfterHours: s.nudgeAfterHours,
  };
}

/** What anyone may see of a member. */
export function presentProfile(m: MemberRow) {
  return { id: m.id, displayName: m.displayName, handle: m.handle, avatarUrl: m.avatarUrl, bio: m.bio, languages: m.languages, interests: m.interests, trustLevel: m.trustLevel, joinedAt: m.joinedAt.toISOString() };
}

/** What the member sees of themselves. */
export function presentMe(m: MemberRow, csrfToken: string) {
  return {
    member: { ...presentProfile(m), email: m.email, guidelinesAcknowledgedAt: m.guidelinesAcknowledgedAt?.toISOString() ?? null, notificationPrefs: m.notificationPrefs },
    csrfToken,
  };
}

/** Team users appear under their name with the staff badge; their id stays inside the team. */
export function presentAuthor(row: { authorMemberId: string | null; authorUserId: string | null; personaId?: string | null }, authors: Authors) {
  const persona = row.personaId ? authors.personas.get(row.personaId) : undefined;
  if (persona) {
    // A persona is shown instead of the person; only the team learns who wrote it.
    const writtenBy = authors.revealWriters ? (row.authorUserId ? (authors.users.get(row.authorUserId) ?? 'Former team member') : 'Former team member') : null;
    return { kind: 'staff' as const, id: null, displayName: persona.name, avatarUrl: persona.avatarUrl, trustLevel: null, persona: true, writtenBy };
  }
  if (row.authorUserId) return { kind: 'staff' as const, id: null, displayName: authors.users.get(row.authorUserId) ?? 'Staff', avatarUrl: null, trustLevel: null, persona: false, writtenBy: null };
  const m = row.authorMemberId ? authors.members.get(row.authorMemberId) : undefined;
  return { kind: 'member' as const, id: m?.id ?? null, displayName: m?.displayName ?? 'Former member', avatarUrl: m?.avatarUrl ?? null, trustLevel: m?.trustLevel ?? null, persona: false, writtenBy: null };
}

export interface PostReactions {
  counts: Record<string, number>;
  mine: string[];
}
const NO_REACTIONS: PostReactions = { counts: {}, mine: [] };

/**
 * A deleted post keeps its place in the thread (replies may quote it) but not its words; so does a
 * post behind a placeholder (hidden by a moderator, or by a member this viewer blocked).
 */
export function presentPost(p: PostRow, authors: Authors, reactions: PostReactions = NO_REACTIONS, placeholder: 'hidden' | 'blocked' | null = null) {
  const deleted = !!p.deletedAt;
  const wordless = deleted || placeholder !== null;
  return {
    id: p.id,
    threadId: p.threadId,
    isOpening: p.isOpening,
    replyToId: p.replyToId,
    author: presentAuthor(p, authors),
    bodySource: wordless ? null : p.bodySource,
    bodyHtml: wordless ? null : p.bodyHtml,
    state: p.state,
    version: p.version,
    language: p.language,
    score: p.score,
    createdAt: p.createdAt.toISOString(),
    editedAt: p.editedAt?.toISOString() ?? null,
    deleted,
    hidden: !!p.hiddenAt,
    placeholder: deleted ? null : placeholder,
    reactions: wordless ? {} : reactions.counts,
    myReactions: wordless ? [] : reactions.mine,
    linkPreviews: wordless ? [] : p.linkPreviews.map((l) => ({ url: l.url, title: l.title, description: l.description, imageUrl: l.imageUrl, siteName: l.siteName })),
  };
}

export function presentThreadSummary(t: ThreadRow, replyCount: number, authors: Authors) {
  return {
    id: t.id,
    spaceId: t.spaceId,
    title: t.title,
    author: presentAuthor(t, authors),
    state: t.state,
    replyCount,
    acceptedPostId: t.acceptedPostId,
    solved: t.acceptedPostId !== null,
    tags: t.tags,
    createdAt: t.createdAt.toISOString(),
    lastPostedAt: t.lastPostedAt.toISOString(),
    locked: !!t.lockedAt,
    hidden: !!t.hiddenAt,
  };
}

export function presentRevision(r: RevisionRow) {
  return { version: r.version, title: r.title, bodySource: r.bodySource, editedBy: r.editedByUserId ? ('staff' as const) : ('member' as const), createdAt: r.createdAt.toISOString() };
}

type PollRow = typeof communityPolls.$inferSelect;
type PollOptionRow = typeof communityPollOptions.$inferSelect;
interface PollViewerState {
  closed: boolean;
  myChoices: string[] | null;
  hiddenUntil: 'vote' | 'close' | 'never' | null;
  results: { voters: number; options: { optionId: string; votes: number }[]; runoff: { rounds: { tallies: Record<string, number>; exhausted: number; eliminated: string[] }[]; winners: string[] } | null } | null;
}

export function presentPoll(p: PollRow, options: PollOptionRow[], state: PollViewerState) {
  return {
    id: p.id,
    threadId: p.threadId,
    question: p.question,
    kind: p.kind,
    maxChoices: p.maxChoices,
    resultsVisibility: p.resultsVisibility,
    closesAt: p.closesAt?.toISOString() ?? null,
    closed: state.closed,
    options: options.map((o) => ({ id: o.id, label: o.label })),
    myChoices: state.myChoices,
    results: state.results,
    resultsHiddenUntil: state.hiddenUntil,
  };
}

type EventRow = typeof communityEvents.$inferSelect;

export function presentEvent(e: EventRow, state: { going: number; interested: number; myRsvp: 'going' | 'interested' | 'not_going' | null }) {
  return {
    id: e.id,
    threadId: e.threadId,
    title: e.title,
    startsAt: e.startsAt.toISOString(),
    endsAt: e.endsAt.toISOString(),
    timeZone: e.timeZone,
    localStartsAt: localTime(e.startsAt, e.timeZone),
    localEndsAt: localTime(e.endsAt, e.timeZone),
    onlineUrl: e.onlineUrl,
    place: e.place,
    capacity: e.capacity,
    going: state.going,
    interested: state.interested,
    seatsLeft: e.capacity === null ? null : Math.max(0, e.capacity - state.going),
    myRsvp: state.myRsvp,
  };
}

/** A ritual as the team sees it. */
export function presentRitual(r: typeof communityRituals.$inferSelect) {
  return {
    id: r.id,
    spaceId: r.spaceId,
    kind: r.kind,
    titleTemplate: r.titleTemplate,
    bodyTemplate: r.bodyTemplate,
    rrule: r.rrule,
    timeZone: r.timeZone,
    startTime: r.startTime,
    startsOn: r.startsOn,
    leadHours: r.leadHours,
    eventDurationMinutes: r.eventDurationMinutes,
    eventPlace: r.eventPlace,
    eventOnlineUrl: r.eventOnlineUrl,
    eventCapacity: r.eventCapacity,
    active: r.active,
    nextOccurrenceAt: r.nextOccurrenceAt?.toISOString() ?? null,
    lastOccurrenceAt: r.lastOccurrenceAt?.toISOString() ?? null,
    lastError: r.lastError,
    createdAt: r.createdAt.toISOString(),
  };
}

export const presentOccurrence = (d: Date, zone: string) => ({ occursAt: d.toISOString(), localOccursAt: localTimeOf(d, zone) });
/** A member's notification (payload strings as written when it happened). */
export function presentNotification(n: typeof communityNotifications.$inferSelect) {
  return { id: n.id, kind: n.kind, threadId: n.threadId, postId: n.postId, eventId: n.eventId, payload: n.payload, readAt: n.readAt?.toISOString() ?? null, createdAt: n.createdAt.toISOString() };
}
interface SearchRow {
  post: Pick<PostRow, 'id' | 'threadId' | 'spaceId' | 'isOpening' | 'authorMemberId' | 'authorUserId' | 'state' | 'language' | 'createdAt'>;
  thread: Pick<ThreadRow, 'title' | 'acceptedPostId'>;
  space: Pick<SpaceRow, 'slug' | 'name'>;
  rank: number;
  snippet: string;
  title: string;
}

/** A search result: the highlights are escaped text in which only <mark> is markup. */
export function presentSearchHit(r: SearchRow, authors: Authors) {
  return {
    postId: r.post.id,
    threadId: r.post.threadId,
    isOpening: r.post.isOpening,
    threadTitle: r.thread.title,
    titleHtml: highlightHtml(r.title),
    snippetHtml: highlightHtml(r.snippet),
    space: { id: r.post.spaceId, slug: r.space.slug, name: r.space.name },
    author: presentAuthor(r.post, authors),
    state: r.post.state,
    language: r.post.language,
    isAcceptedAnswer: r.thread.acceptedPostId === r.post.id,
    solved: r.thread.acceptedPostId !== null,
    rank: Number(r.rank),
    createdAt: new Date(r.post.createdAt).toISOString(),
  };
}

/** A member's own flag, as they get it back. */
export function presentMyFlag(f: typeof communityFlags.$inferSelect) {
  return { id: f.id, postId: f.postId, reason: f.reason, message: f.message, status: f.status, createdAt: f.createdAt.toISOString() };
}

const altForMarkdown = (alt: string) => alt.replace(/[[\]\\\n\r]/g, ' ').trim();

/** An uploaded post image: its absolute URL and the Markdown that shows it. */
export function presentImage(r: typeof communityImages.$inferSelect, publicUrl: string) {
  const url = `${publicUrl}${imagePath(r.workspaceId, r.id)}`;
  return {
    id: r.id,
    url,
    markdown: `![${altForMarkdown(r.altText)}](${url})`,
    mimeType: r.mimeType,
    byteSize: r.byteSize,
    width: r.width,
    height: r.height,
    altText: r.altText,
    createdAt: r.createdAt.toISOString(),
  };
}

export function presentPersona(r: typeof communityPersonas.$inferSelect) {
  return { id: r.id, name: r.name, avatarUrl: r.avatarUrl, archived: !!r.archivedAt, createdAt: r.createdAt.toISOString() };
}
