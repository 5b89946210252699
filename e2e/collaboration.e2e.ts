/**
 * Journey: two members of a workspace talk about a post. Olivia (owner) invites Marco, creates a
 * post through the API, and comments on it in the composer, @mentioning Marco. Marco sees the bell
 * count go up, reads the translated notification with the comment, opens the post from it, finds
 * the comment there, and marks everything read. The server runs with ENABLE_SINK_CONNECTOR=true.
 */
import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import { createWorkspace, journey, newUser, signUp, skipReason, snapshot, step, textbox } from './harness';

process.env.ENABLE_SINK_CONNECTOR = 'true';

const skip = skipReason();
const PASSWORD = 'correct horse battery staple';
const stamp = Date.now();
const OWNER = { name: 'Olivia Owner', email: `olivia.${stamp}@example.test`, password: PASSWORD };
const MEMBER = { name: 'Marco Member', email: `marco.${stamp}@example.test`, password: PASSWORD };
const MARCO_HANDLE = `marco.${stamp}`;

/** A JSON request with the page's session cookie and CSRF token, like the web app makes. */
async function api(page: Page, method: string, path: string, body?: unknown) {
  const url = (p: string) => new URL(p, page.url()).toString();
  const me = await page.request.get(url('/api/me'));
  const { csrfToken } = (await me.json()) as { csrfToken: string };
  const res = await page.request.fetch(url(path), { method, data: body, headers: { 'x-csrf-token': csrfToken } });
  assert.ok(res.ok(), `${method} ${path} → ${res.status()} ${await res.text()}`);
  return res.json();
}

describe('collaboration journey: comment with a mention, bell, notification, comment on the post', { skip: skip ?? false, timeout: 240_000 }, () => {
  const env = journey();
  let olivia: Page;
  let marco: Page;
  let base = '';
  let workspaceId = '';
  let postId = '';

  before(async () => {
    olivia = (await newUser(env.browser)).page;
    marco = (await newUser(env.browser)).page;
  });

  test('Olivia creates a workspace and invites Marco, who joins', async () => {
    await step(olivia, 'owner-setup', async () => {
      await olivia.goto(`${env.server.baseUrl}/signup`);
      await signUp(olivia, OWNER);
      await olivia.waitForURL(/\/workspaces\/new$/);
      base = await createWorkspace(olivia, 'Talking Co');
      workspaceId = /\/w\/([0-9a-f-]+)$/.exec(base)![1]!;
      await api(olivia, 'POST', `/api/workspaces/${workspaceId}/invitations`, { email: MEMBER.email, roles: ['social_media_manager'] });
    });
    const mail = await env.server.waitForEmail((e) => e.to === MEMBER.email);
    const link = /(https?:\/\/\S+\/invite\?token=\S+)/.exec(mail.text)![1]!;
    await step(marco, 'member-joins', async () => {
      await marco.goto(link);
      await marco.getByRole('link', { name: 'Create an account to accept' }).click();
      await marco.waitForURL(/\/signup\?/);
      await signUp(marco, { name: MEMBER.name, password: MEMBER.password });
      await marco.waitForURL(/\/invite\?token=/);
      await marco.getByRole('button', { name: 'Accept invitation' }).click();
      await marco.waitForURL(new RegExp(`${workspaceId}/home$`));
      // nothing yet: the bell has no unread count
      await marco.getByRole('button', { name: 'Notifications (0 unread)' }).waitFor();
    });
  });

  test('Olivia comments on a post in the composer and mentions Marco', async () => {
    await step(olivia, 'comment', async () => {
      const channel = await api(olivia, 'POST', `/api/workspaces/${workspaceId}/channels`, { network: 'sink', credentials: { account: 'talk-sink' } });
      postId = (await api(olivia, 'POST', `/api/workspaces/${workspaceId}/posts`, { text: 'Spring menu teaser', channelIds: [channel.id] })).id;
      await olivia.goto(`${base}/posts/${postId}`);
      const comments = olivia.getByTestId('post-comments');
      await comments.getByText('No comments yet', { exact: false }).waitFor();
      const box = textbox(olivia, 'Add a comment');
      await box.fill('Can you check the photo? @mar');
      // the mention suggestion completes Marco's handle
      await olivia.getByRole('button', { name: `Mention ${MEMBER.name} (@${MARCO_HANDLE})` }).click();
      assert.equal(await box.inputValue(), `Can you check the photo? @${MARCO_HANDLE} `);
      await box.pressSequentially('<b>not bold</b>');
      await olivia.getByRole('button', { name: 'Comment', exact: true }).click();
      await comments.getByTestId('comment').getByText(`Can you check the photo? @${MARCO_HANDLE} <b>not bold</b>`).waitFor();
      assert.equal(await box.inputValue(), '');
      await snapshot(olivia, 'collaboration-commented');
    });
  });

  test('Marco sees the bell count, the notification with the comment, and the comment on the post', async () => {
    await step(marco, 'bell', async () => {
      // a fresh load shows what the 30-second poll would bring
      await marco.reload();
      const bell = marco.getByRole('button', { name: 'Notifications (1 unread)' });
      await bell.waitFor();
      assert.equal(await marco.getByTestId('notification-count').getAttribute('data-count'), '1');
      await bell.click();
      const list = marco.getByTestId('notification-list');
      const item = list.getByRole('link', { name: /Olivia Owner mentioned you on “Spring menu teaser”/ });
      await item.waitFor();
      assert.match((await item.textContent()) ?? '', /Can you check the photo\? @marco\.\d+ <b>not bold<\/b>/);
      await snapshot(marco, 'collaboration-bell-open');
      await item.click();
      await marco.waitForURL(new RegExp(`/posts/${postId}$`));
      await marco.getByTestId('post-comments').getByText(`Can you check the photo? @${MARCO_HANDLE} <b>not bold</b>`).waitFor();
      // opening it marked it read
      await marco.getByRole('button', { name: 'Notifications (0 unread)' }).waitFor();
      // Marco cannot delete Olivia's comment; Olivia could
      assert.equal(await marco.getByTestId('post-comments').getByRole('button', { name: 'Delete comment' }).count(), 0);
    });
  });

  test('Marco answers; Olivia hears of it and marks all read', async () => {
    await step(marco, 'answer', async () => {
      await textbox(marco, 'Add a comment').fill('Photo fixed.');
      await marco.getByRole('button', { name: 'Comment', exact: true }).click();
      await marco.getByTestId('post-comments').getByText('Photo fixed.').waitFor();
    });
    await step(olivia, 'mark-all-read', async () => {
      await olivia.reload();
      await olivia.getByRole('button', { name: 'Notifications (1 unread)' }).click();
      await olivia.getByTestId('notification-list').getByText('Marco Member commented on “Spring menu teaser”: Photo fixed.').waitFor();
      await olivia.getByRole('button', { name: 'Mark all read' }).click();
      await olivia.getByRole('button', { name: 'Notifications (0 unread)' }).waitFor();
      // the email went out too
      const mail = await env.server.waitForEmail((e) => e.to === OWNER.email && /commented on a post/.test(e.subject));
      assert.match(mail.text, new RegExp(`/w/${workspaceId}/posts/${postId}`));
    });
  });
});
