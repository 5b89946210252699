import { expect } from 'vitest';
import type { ApiClient } from './apiClient';

let n = 0;

/** Connects a new account of the local sink network (ENABLE_SINK_CONNECTOR) to the workspace, through HTTP. */
export async function connectSinkChannel(client: ApiClient, workspaceId: string, opts: { timeZone?: string; network?: string } = {}): Promise<{ id: string; account: string }> {
  const account = `acct${++n}${Math.random().toString(36).slice(2, 6)}`;
  const res = await client.post(`/api/workspaces/${workspaceId}/channels`, { network: opts.network ?? 'sink', credentials: { account }, ...(opts.timeZone && { timeZone: opts.timeZone }) });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return { id: res.body.id as string, account };
}
