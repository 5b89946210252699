import { z } from 'zod';
import { Email, Id, Password } from './common';
import { EventInput } from './communityEvents';
import { NewMemberLimits, NewMemberLimitsInput } from './communityGuardrails';
import { PollInput } from './communityPolls';
import { LinkPreview } from './communityAccount';

/** Space visibility: public (anyone reads), members (signed-in members), private (invited members). */
export const SPACE_VISIBILITIES = ['public', 'members', 'private'] as const;
export const WHO_CAN_START = ['members', 'staff'] as const;
/** discussion: threads and replies; qa: a thread is a question, and one reply can be accepted as its answer. */
export const SPACE_KINDS = ['discussion', 'qa'] as const;
/** Languages a post or a space may be written in (Postgres text search has configurations for these). */
export const COMMUNITY_LANGUAGES = ['en', 'it', 'es', 'fr', 'de', 'pt', 'nl', 'other'] as const;

/** The small fixed set of reactions (names, not emoji: clients draw them). */
export const REACTIONS = ['like', 'love', 'laugh', 'celebrate', 'thinking', 'coffee'] as const;
export const Reaction = z.enum(REACTIONS, { error: `React with one of: ${REACTIONS.join(', ')}.` });

export const TITLE_MAX = 200;
export const BODY_MAX = 20_000;
export const SLOW_MODE_MAX_SECONDS = 86_400;

const Slug = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'Use lowercase letters, digits and single dashes, like "ask-the-baristas".')
  .max(60, 'Keep the slug under 60 characters.');
const Markdown = (what: string, max: number) => z.string().max(max, `Keep the ${what} under ${max} characters.`);
const Language = z.enum(COMMUNITY_LANGUAGES, { error: `Pick one of: ${COMMUNITY_LANGUAGES.join(', ')}.` });

// ── Community settings (team API) ──

export const Community = z.object({
  id: Id,
  name: z.string(),
  description: z.string(),
  guidelines: z.string(),
  guidelinesHtml: z.string(),
  signupOpen: z.boolean(),
  /** Markdown sent to each new member as their welcome notification; empty sends none. */
  welcomeMessage: z.string(),
  welcomeMessageHtml: z.string(),
  /** Limits for trust-level-0 members; 0 turns one off. */
  newMemberLimits: NewMemberLimits,
});
export type Community = z.infer<typeof Community>;

export const PutCommunityBody = z.strictObject({
  name: z.string().trim().min(1, 'Give the community a name.').max(120),
  description: Markdown('description', 2000).optional(),
  guidelines: Markdown('guidelines', BODY_MAX).optional(),
  signupOpen: z.boolean().optional(),
  welcomeMessage: Markdown('welcome message', BODY_MAX).optional(),
  /** Change some of the new-member limits (the others stay). */
  newMemberLimits: NewMemberLimitsInput.optional(),
});

// ── Spaces ──

const SpaceFields = {
  name: z.string().trim().min(1, 'Give the space a name.').max(80, 'Keep the space name under 80 characters.'),
  slug: Slug,
  description: Markdown('description', 2000),
  guidelines: Markdown('guidelines', BODY_MAX),
  defaultLanguage: Language,
  kind: z.enum(SPACE_KINDS, { error: 'A space is a discussion or a qa (questions and answers) space.' }),
  visibility: z.enum(SPACE_VISIBILITIES, { error: 'Visibility is public, members or private.' }),
  whoCanStart: z.enum(WHO_CAN_START, { error: 'Threads are started by members or by staff only.' }),
  requireThreadApproval: z.boolean(),
  requireReplyApproval: z.boolean(),
  slowModeSeconds: z.number().int().min(0).max(SLOW_MODE_MAX_SECONDS, 'Slow mode lasts at most one day (86400 seconds).'),
  position: z.number().int().min(0).max(10_000),
  /** Notify the team when a thread has had no reply for this many hours; null turns it off. */
  nudgeAfterHours: z.number().int().min(1, 'Nudge after at least 1 hour, or null for no nudges.').max(720, 'Nudge after at most 720 hours (30 days).').nullable(),
};

export const CreateSpaceBody = z.strictObject({
  name: SpaceFields.name,
  slug: SpaceFields.slug,
  description: SpaceFields.description.optional(),
  guidelines: SpaceFields.guidelines.optional(),
  defaultLanguage: SpaceFields.defaultLanguage.optional(),
  kind: SpaceFields.kind.optional(),
  visibility: SpaceFields.visibility.optional(),
  whoCanStart: SpaceFields.whoCanStart.optional(),
  requireThreadApproval: SpaceFields.requireThreadApproval.optional(),
  requireReplyApproval: SpaceFields.requireReplyApproval.optional(),
  slowModeSeconds: SpaceFields.slowModeSeconds.optional(),
  position: SpaceFields.position.optional(),
  nudgeAfterHours: SpaceFields.nudgeAfterHours.optional(),
});
export type CreateSpaceBody = z.infer<typeof CreateSpaceBody>;
export const UpdateSpaceBody = CreateSpaceBody.partial();
export type UpdateSpaceBody = z.infer<typeof UpdateSpaceBody>;

export const Space = z.object({
  id: Id,
  name: z.string(),
  slug: z.string(),
  description: z.string(),
  guidelines: z.string(),
  guidelinesHtml: z.string(),
  defaultLanguage: z.string(),
  kind: z.enum(SPACE_KINDS),
  visibility: z.enum(SPACE_VISIBILITIES),
  whoCanStart: z.enum(WHO_CAN_START),
  requireThreadApproval: z.boolean(),
  requireReplyApproval: z.boolean(),
  slowModeSeconds: z.number(),
  position: z.number(),
  nudgeAfterHours: z.number().nullable(),
});
export type Space = z.infer<typeof Space>;

// ── Authors, threads, posts ──

/** Who wrote something: a member, or a team user shown with the staff badge. */
export const Author = z.object({
  kind: z.enum(['member', 'staff']),
  id: Id.nullable(),
  displayName: z.string(),
  avatarUrl: z.string().nullable(),
  trustLevel: z.number().nullable(),
  /** A staff post under a moderator persona: displayName and avatarUrl are the persona's. */
  persona: z.boolean(),
  /** For the team only (team API): the name of the team member behind a persona post; null elsewhere. */
  writtenBy: z.string().nullable(),
});

export const Post = z.object({
  id: Id,
  threadId: Id,
  isOpening: z.boolean(),
  replyToId: Id.nullable(),
  author: Author,
  /** The Markdown as written; null once deleted, or when a placeholder stands for it. */
  bodySource: z.string().nullable(),
  /** Sanitized HTML rendered on the server; null once deleted. */
  bodyHtml: z.string().nullable(),
  state: z.enum(['published', 'pending']),
  version: z.number(),
  /** The language it was indexed in for search (en, it, es, …; other when unknown). */
  language: z.string(),
  /** Net votes carried over from an imported site; 0 for posts written here. */
  score: z.number(),
  createdAt: z.string(),
  editedAt: z.string().nullable(),
  deleted: z.boolean(),
  /** Hidden by a moderator (staff and the author still see the words). */
  hidden: z.boolean(),
  /**
   * Why this viewer sees no words although the post is not deleted: hidden by a moderator, or written
   * by a member the viewer blocked. Null when the words are shown.
   */
  placeholder: z.enum(['hidden', 'blocked']).nullable(),
  /** Count per reaction name (only those with at least one). */
  reactions: z.record(z.string(), z.number()),
  /** The signed-in member's own reactions on this post. */
  myReactions: z.array(z.string()),
  /** Cards of the links standing alone on their own line (fetched after saving: empty at first). */
  linkPreviews: z.array(LinkPreview),
});
export type Post = z.infer<typeof Post>;

export const ThreadSummary = z.object({
  id: Id,
  spaceId: Id,
  title: z.string(),
  author: Author,
  state: z.enum(['published', 'pending']),
  replyCount: z.number(),
  /** Q&A spaces: the reply accepted as the answer, and whether there is one. */
  acceptedPostId: Id.nullable(),
  solved: z.boolean(),
  tags: z.array(z.string()),
  createdAt: z.string(),
  lastPostedAt: z.string(),
  /** Locked by a moderator: no new replies from members. */
  locked: z.boolean(),
  /** Its opening post is hidden: out of lists, seen only by its author and staff. */
  hidden: z.boolean(),
});
export type ThreadSummary = z.infer<typeof ThreadSummary>;

export const Thread = ThreadSummary.extend({
  space: Space,
  posts: z.array(Post),
  /** The signed-in member's marks on the thread; null for anyone else. */
  viewer: z.object({ bookmarked: z.boolean(), following: z.boolean() }).nullable(),
});
export type Thread = z.infer<typeof Thread>;

export const SpaceWithThreads = z.object({ space: Space, threads: z.array(ThreadSummary) });

export const CreateThreadBody = z.strictObject({
  title: z.string().trim().min(3, 'Give the thread a title of at least 3 characters.').max(TITLE_MAX, `Keep the title under ${TITLE_MAX} characters.`),
  body: z.string().trim().min(1, 'Write something first.').max(BODY_MAX, `Keep posts under ${BODY_MAX} characters.`),
  /** Optional poll carried by the thread (it may also be added later by the author or staff). */
  poll: PollInput.optional(),
  /** Optional event carried by the thread (it may also be added later by the author or staff). */
  event: EventInput.optional(),
});
export const CreateReplyBody = z.strictObject({
  body: CreateThreadBody.shape.body,
  replyToId: Id.optional(),
});
/** Staff (team API) may post as one of the community's moderator personas. */
export const StaffCreateThreadBody = CreateThreadBody.extend({ personaId: Id.optional() });
export const StaffCreateReplyBody = CreateReplyBody.extend({ personaId: Id.optional() });
export const EditPostBody = z.strictObject({
  body: CreateThreadBody.shape.body,
  /** Opening posts only: the thread's new title. */
  title: CreateThreadBody.shape.title.optional(),
});

export const AcceptAnswerBody = z.strictObject({ postId: Id });

export const PostRevision = z.object({
  version: z.number(),
  title: z.string().nullable(),
  bodySource: z.string(),
  editedBy: z.enum(['member', 'staff']),
  createdAt: z.string(),
});
export const PostRevisions = z.object({ revisions: z.array(PostRevision) });

// ── Members (public community API) ──

export const MemberSignUpBody = z.strictObject({
  email: Email,
  password: Password,
  displayName: z.string().trim().min(1, 'Choose a display name.').max(60, 'Keep the display name under 60 characters.'),
});
export const MemberSignInBody = z.strictObject({ email: Email, password: z.string().min(1).max(200) });

export const PublicProfile = z.object({
  id: Id,
  displayName: z.string(),
  /** What others type after @ to mention this member (derived from the display name at sign-up). */
  handle: z.string(),
  avatarUrl: z.string().nullable(),
  bio: z.string(),
  languages: z.array(z.string()),
  interests: z.array(z.string()),
  trustLevel: z.number(),
  joinedAt: z.string(),
});

export const MemberList = z.object({ members: z.array(PublicProfile) });

/** A member's page: the profile and their badges (imported from Stack Exchange today), one entry per name and tier. */
export const MemberProfilePage = PublicProfile.extend({
  badges: z.array(z.object({ name: z.string(), tier: z.enum(['gold', 'silver', 'bronze']), count: z.number(), firstAwardedAt: z.string() })),
});

export const MemberMe = z.object({
  member: PublicProfile.extend({
    email: z.string(),
    guidelinesAcknowledgedAt: z.string().nullable(),
    notificationPrefs: z.record(z.string(), z.unknown()),
  }),
  /** Send it back as `x-community-csrf` on every write. */
  csrfToken: z.string(),
});

export const NotificationPrefs = z.strictObject({
  replies: z.boolean().optional(),
  mentions: z.boolean().optional(),
  digest: z.enum(['off', 'daily', 'weekly']).optional(),
});

export const UpdateMemberBody = z.strictObject({
  displayName: MemberSignUpBody.shape.displayName.optional(),
  avatarUrl: z.url({ protocol: /^https?$/, error: 'The avatar must be an http(s) address.' }).max(500).nullable().optional(),
  bio: z.string().trim().max(1000, 'Keep the bio under 1000 characters.').optional(),
  languages: z.array(Language).max(8).optional(),
  interests: z.array(z.string().trim().min(1).max(40)).max(20, 'At most 20 interests.').optional(),
  notificationPrefs: NotificationPrefs.optional(),
});

export const PublicCommunity = z.object({
  id: Id,
  name: z.string(),
  description: z.string(),
  guidelinesHtml: z.string(),
  signupOpen: z.boolean(),
});

export const SpaceList = z.object({ spaces: z.array(Space) });
export const PendingPosts = z.object({ posts: z.array(Post.extend({ threadTitle: z.string(), spaceId: Id })) });

export const ReactionSummary = z.object({ postId: Id, reactions: z.record(z.string(), z.number()), myReactions: z.array(z.string()) });
export const ThreadMarks = z.object({ threadId: Id, bookmarked: z.boolean(), following: z.boolean() });
export const BookmarkList = z.object({ threads: z.array(ThreadSummary) });

// ── Search ──

const SearchWords = z.string().trim().min(2, 'Search for at least 2 characters.').max(200, 'Keep the search under 200 characters.');
const Page = z.coerce.number().int().min(1).max(100, 'Refine the search rather than paging past page 100.').default(1);
const PageSize = z.coerce.number().int().min(1).max(50, 'At most 50 results a page.').default(20);
export const MemberSearchQuery = z.strictObject({ q: SearchWords, space: z.string().max(60).optional(), author: Id.optional(), page: Page, pageSize: PageSize });
export const TeamSearchQuery = z.strictObject({ q: SearchWords, spaceId: Id.optional(), author: Id.optional(), page: Page, pageSize: PageSize });

export const SearchHit = z.object({
  postId: Id,
  threadId: Id,
  isOpening: z.boolean(),
  threadTitle: z.string(),
  /** The title and a snippet with the matches in <mark>: escaped text, <mark> is the only markup. */
  titleHtml: z.string(),
  snippetHtml: z.string(),
  space: z.object({ id: Id, slug: z.string(), name: z.string() }),
  author: Author,
  state: z.enum(['published', 'pending']),
  language: z.string(),
  isAcceptedAnswer: z.boolean(),
  solved: z.boolean(),
  rank: z.number(),
  createdAt: z.string(),
});
export const SearchResults = z.object({ query: z.string(), page: z.number(), pageSize: z.number(), hasMore: z.boolean(), results: z.array(SearchHit) });
