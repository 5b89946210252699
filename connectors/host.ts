/**
 * Services of the Tandem server for connectors to places it hosts itself. The server implements them
 * (in the module that owns the place) and passes them in `ConnectorContext.host`, scoped to the
 * channel's workspace: the connector stays free of database and server code, and the server's code
 * never names the connector. Failures are thrown as `PublishError` like a network's.
 */
export interface HostServices {
  community?: CommunityHost;
}

/** A thread or reply written through the host, as the connector gets it back. */
export interface HostCommunityWrite {
  postId: string;
  threadId: string;
}

/** A post of the brand's community (an opening post stands for its thread). */
export interface HostCommunityPost {
  id: string;
  /** Insertion order in the whole community: a pull's cursor. */
  seq: number;
  threadId: string;
  threadTitle: string;
  /** Whether the thread was started by a team member (one of the brand's own threads). */
  threadByStaff: boolean;
  /** The thread's opening post. */
  openingPostId: string;
  isOpening: boolean;
  replyToId: string | null;
  author: { kind: 'member' | 'staff'; id: string; displayName: string; avatarUrl?: string };
  text: string;
  language?: string;
  state: 'published' | 'pending' | 'deleted';
  createdAt: Date;
}

/** The brand's community, as its connector sees it (one workspace). */
export interface CommunityHost {
  /** A space of the community, by id or slug; null when there is none. */
  findSpace(idOrSlug: string): Promise<{ id: string; slug: string; name: string } | null>;
  /**
   * Starts a thread in the space as a team member (staff badge), exactly once per key: a second call
   * with the same key returns the first thread.
   */
  startStaffThread(input: { spaceId: string; authorUserId: string; title: string; body: string; idempotencyKey: string }): Promise<HostCommunityWrite>;
  /** The post written under this key in the space, or null. */
  findByKey(spaceId: string, idempotencyKey: string): Promise<HostCommunityWrite | null>;
  /** A staff reply in a thread of the space, exactly once per key. */
  replyAsStaff(input: { spaceId: string; threadId: string; replyToPostId?: string; authorUserId: string; body: string; idempotencyKey: string }): Promise<HostCommunityWrite>;
  /** Deletes a post of the space as a moderator (the opening post deletes its thread); deleting twice is harmless. */
  deletePost(input: { spaceId: string; postId: string; byUserId: string }): Promise<void>;
  /** Hides a post of the space as a moderator (members see a placeholder; the opening post hides its thread); hiding twice is harmless. */
  hidePost(input: { spaceId: string; postId: string; byUserId: string }): Promise<void>;
  /** Posts of the space after `afterSeq`, oldest first (pending and deleted ones included, with their state). */
  postsAfter(spaceId: string, afterSeq: number, limit: number): Promise<HostCommunityPost[]>;
  /** These posts of the space as they are now (those no longer there are left out). */
  postsByIds(spaceId: string, ids: string[]): Promise<HostCommunityPost[]>;
}
