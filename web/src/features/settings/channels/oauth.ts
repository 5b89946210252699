import { useMutation } from '@tanstack/react-query';
import { post } from '../../../api/client';
import type { Network } from '../../posts/api';

/** A network whose accounts connect through its own sign-in page (OAuth 2), not typed credentials. */
export function isOAuth(n: Pick<Network, 'auth'> | undefined): boolean {
  return n?.auth === 'oauth2' || n?.auth === 'oauth2_pkce';
}

/**
 * POST …/channels/oauth/:network/start, then off to the network's sign-in page; the network sends
 * the browser back to the server, which lands on this page again with the outcome.
 */
export function useOAuthStart(wid: string) {
  return useMutation({
    mutationFn: (body: { network: string; channelId?: string; fields: Record<string, string> }) =>
      post<{ authorizeUrl: string }>(`/api/workspaces/${wid}/channels/oauth/${encodeURIComponent(body.network)}/start`, { ...(body.channelId && { channelId: body.channelId }), fields: body.fields }),
    onSuccess: ({ authorizeUrl }) => window.location.assign(authorizeUrl),
  });
}
