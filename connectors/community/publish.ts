import { PublishError, type CommunityHost, type ConnectorContext, type PublishInput, type RemoteRef } from '../types';
import { TITLE_MAX, TITLE_MIN } from './manifest';

/** The community the server hosts, or a clear failure when the call comes from somewhere that has none. */
export function hostOf(ctx: Pick<ConnectorContext, 'host'>): CommunityHost {
  const host = ctx.host?.community;
  if (!host) throw new PublishError('rejected', 'The community space is reachable only from inside Tandem (no community host in this context).');
  return host;
}

export function spaceOf(ctx: ConnectorContext): string {
  const spaceId = ctx.auth.spaceId;
  if (!spaceId) throw new PublishError('auth_expired', 'This channel does not name its community space any more; connect the space again.');
  return spaceId;
}

/**
 * A post's text as a thread: its first non-empty line is the title (a leading Markdown heading mark
 * dropped, cut at a word near 200 characters), the lines after it the body — the whole text when
 * there are none, so nothing written is lost.
 */
export function threadFromText(text: string): { title: string; body: string } {
  const lines = text.trim().split(/\r?\n/);
  const first = (lines.shift() ?? '').replace(/^#{1,6}\s+/, '').trim();
  const rest = lines.join('\n').trim();
  let title = first;
  if ([...title].length > TITLE_MAX) {
    const cut = [...title].slice(0, TITLE_MAX - 1).join('');
    const space = cut.lastIndexOf(' ');
    title = `${space > TITLE_MAX / 2 ? cut.slice(0, space) : cut}…`;
  }
  if ([...title].length < TITLE_MIN) throw new PublishError('rejected', `A community thread needs a title of at least ${TITLE_MIN} characters: Tandem uses the post's first line, "${first}".`);
  return { title, body: rest || text.trim() };
}

const refOf = (w: { postId: string; threadId: string }): RemoteRef => ({ id: w.postId, meta: { threadId: w.threadId } });

export async function publishThread(ctx: ConnectorContext, input: PublishInput): Promise<RemoteRef> {
  const host = hostOf(ctx);
  if (input.media.length) throw new PublishError('rejected', 'The community does not show images or videos yet: publish this post without media.');
  if (input.replyTo) throw new PublishError('rejected', 'A community thread is one post: write the thread as a single part.');
  if (!ctx.actor) throw new PublishError('rejected', 'This post has no author any more: a community thread is signed by a team member.');
  const { title, body } = threadFromText(input.text);
  return refOf(await host.startStaffThread({ spaceId: spaceOf(ctx), authorUserId: ctx.actor.userId, title, body, idempotencyKey: input.idempotencyKey }));
}

export async function findThread(ctx: ConnectorContext, idempotencyKey: string): Promise<RemoteRef | null> {
  const found = await hostOf(ctx).findByKey(spaceOf(ctx), idempotencyKey);
  return found && refOf(found);
}

export async function deletePost(ctx: ConnectorContext, ref: RemoteRef): Promise<void> {
  if (!ctx.actor) throw new PublishError('rejected', 'Deleting in the community is done by a team member: none was given.');
  await hostOf(ctx).deletePost({ spaceId: spaceOf(ctx), postId: ref.id, byUserId: ctx.actor.userId });
}
