import { exchangeCode } from '../oauth/tokens';
import { PublishError, type ConnectedAccount, type ConnectorContext, type OAuthCompletion } from '../types';
import { pinterestCall } from './http';
import { pinterestTokens } from './oauth';

export interface UserAccount {
  id?: string;
  username: string;
  business_name?: string | null;
  account_type?: string;
  follower_count?: number;
  following_count?: number;
  pin_count?: number;
  board_count?: number;
  monthly_views?: number;
}

interface Board {
  id: string;
  name: string;
  owner?: { username?: string };
  privacy?: string;
}

/**
 * Signs the account in and settles the board the channel pins to (the connect form's `boardId`): its
 * form is checked before the code is spent, then the code is exchanged, `GET /v5/user_account` names
 * the account and `GET /v5/boards/{id}` proves the token reaches the board.
 */
export async function completePinterestOAuth(input: OAuthCompletion): Promise<ConnectedAccount> {
  const boardId = input.fields?.boardId?.trim();
  if (!boardId || !/^\d+$/.test(boardId)) throw new PublishError('rejected', 'enter the id of the board to pin to (digits, from GET /v5/boards or the board settings)');
  const tokens = await exchangeCode(pinterestTokens, input);
  const ctx: ConnectorContext = { auth: tokens, baseUrl: input.baseUrl, onAuthRefreshed: async () => {} };
  const account = await pinterestCall<UserAccount>(ctx, 'GET', '/user_account');
  const board = await pinterestCall<Board>(ctx, 'GET', `/boards/${boardId}`);
  const id = account.id ?? account.username;
  return {
    auth: { ...tokens, userId: id, username: account.username, boardId, boardName: board.name },
    account: { id, handle: account.username, displayName: `${account.business_name ?? account.username} → ${board.name}` },
  };
}
