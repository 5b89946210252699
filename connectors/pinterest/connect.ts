import { PublishError, type ConnectedAccount, type ConnectorContext } from '../types';
import { pinterestCall } from './http';
import { fetchUserAccount } from './oauth';

interface Board {
  id: string;
  name: string;
  owner?: { username?: string };
  privacy?: string;
}

/**
 * Pinterest connects through OAuth (`completeOAuth`); this completes the channel with its board.
 * `input` is the auth the OAuth completion returned (or tokens obtained elsewhere) plus `boardId`; the
 * board must exist and be reachable with the token (GET /v5/boards/{id}).
 */
export async function connectPinterest(input: Record<string, string>): Promise<ConnectedAccount> {
  const boardId = input.boardId?.trim();
  if (!input.accessToken) throw new PublishError('rejected', 'Pinterest connects through its sign-in page (OAuth); accessToken is missing');
  if (!boardId || !/^\d+$/.test(boardId)) throw new PublishError('rejected', 'enter the id of the board to pin to (digits, from GET /v5/boards or the board settings)');
  const { baseUrl, ...auth } = input;
  const ctx: ConnectorContext = { auth: { ...auth, boardId }, baseUrl, onAuthRefreshed: async () => {} };
  const account = await fetchUserAccount(baseUrl, auth.accessToken!);
  const board = await pinterestCall<Board>(ctx, 'GET', `/boards/${boardId}`);
  const id = account.id ?? account.username;
  return { auth: { ...ctx.auth, userId: id, username: account.username, boardName: board.name }, account: { id, handle: account.username, displayName: `${account.business_name ?? account.username} → ${board.name}` } };
}
