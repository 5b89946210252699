/**
 * Journey: an owner opens the media library from the navigation, uploads an image with the button
 * and a GIF by dropping it, is told in words why a text file named .png is refused, writes the
 * image's alt text, sees it listed after a reload, chooses it in the composer's media picker, and
 * deletes the GIF after confirming.
 */
import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import sharp from 'sharp';
import { createWorkspace, journey, newUser, signUp, skipReason, snapshot, step, untranslatedKeys } from './harness';

const skip = skipReason();
const OWNER = { name: 'Mia Media', email: `mia.${Date.now()}@example.test`, password: 'correct horse battery staple' };

/** Drops files on an element the way a browser does (a DataTransfer with File objects). */
async function dropFiles(page: Page, selector: string, files: { name: string; type: string; bytes: Buffer }[]) {
  const payload = files.map((f) => ({ name: f.name, type: f.type, data: f.bytes.toString('base64') }));
  const transfer = await page.evaluateHandle((list) => {
    const dt = new DataTransfer();
    for (const f of list) dt.items.add(new File([Uint8Array.from(atob(f.data), (c) => c.charCodeAt(0))], f.name, { type: f.type }));
    return dt;
  }, payload);
  await page.dispatchEvent(selector, 'dragover', { dataTransfer: transfer });
  await page.dispatchEvent(selector, 'drop', { dataTransfer: transfer });
}

const card = (page: Page, name: string) => page.getByRole('article', { name, exact: true });

describe('media journey: upload, describe, list, refuse, delete', { skip: skip ?? false, timeout: 240_000 }, () => {
  const env = journey();
  let page: Page;
  let base = '';

  before(async () => {
    page = (await newUser(env.browser)).page;
  });

  test('the library starts empty, reached from the navigation', async () => {
    await step(page, 'open-library', async () => {
      await page.goto(`${env.server.baseUrl}/signup`);
      await signUp(page, OWNER);
      await page.waitForURL(/\/workspaces\/new$/);
      base = await createWorkspace(page, 'Pictures Co');
      await page.getByRole('link', { name: 'Media library' }).click();
      await page.waitForURL(/\/media$/);
      await page.getByRole('heading', { name: 'Media library', level: 1 }).waitFor();
      await page.getByRole('heading', { name: 'No media yet' }).waitFor();
    });
  });

  test('an image uploaded with the button and a GIF dropped on the zone are listed with their facts', async () => {
    await step(page, 'upload', async () => {
      const png = await sharp({ create: { width: 800, height: 600, channels: 3, background: '#c08040' } }).png().toBuffer();
      await page.locator('input[type="file"]').setInputFiles({ name: 'latte.png', mimeType: 'image/png', buffer: png });
      await page.getByText('latte.png uploaded.').waitFor();
      const latte = card(page, 'latte.png');
      await latte.getByText(/^800 × 600 · /).waitFor();
      await latte.getByText('No alt text yet').waitFor();
      // The thumbnail is a real image served by the API.
      await latte.locator('img').waitFor();
      assert.ok(await latte.locator('img').evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0));

      const gif = await sharp({ create: { width: 40, height: 30, channels: 4, background: '#30a050' } }).gif().toBuffer();
      await dropFiles(page, '[data-testid="media-dropzone"]', [{ name: 'loop.gif', type: 'image/gif', bytes: gif }]);
      await card(page, 'loop.gif').getByText('GIF', { exact: true }).waitFor();
      await snapshot(page, 'media-library');
    });
  });

  test('a text file named .png is refused with a clear, translated reason', async () => {
    await step(page, 'refuse', async () => {
      await page.locator('input[type="file"]').setInputFiles({ name: 'notes.png', mimeType: 'image/png', buffer: Buffer.from('these are my notes, not a picture\n') });
      const alert = page.getByRole('alert').filter({ hasText: 'notes.png was not uploaded' });
      await alert.getByText('This file is not a supported image or video. Upload JPEG, PNG, WebP or GIF images, or MP4, MOV or WebM videos.').waitFor();
      assert.equal(await card(page, 'notes.png').count(), 0);
    });
  });

  test('the alt text is written, saved and still there after a reload', async () => {
    await step(page, 'alt-text', async () => {
      await page.getByRole('button', { name: 'Alt text and details of latte.png' }).click();
      const dialog = page.getByRole('dialog', { name: 'latte.png' });
      await dialog.getByText('Connect a channel to see whether each network takes this file.').waitFor();
      await dialog.getByRole('textbox', { name: 'Alt text' }).fill('A latte with a leaf drawn in the foam');
      await dialog.getByText('37 of 2000 characters').waitFor();
      await dialog.getByRole('button', { name: 'Save alt text' }).click();
      await page.getByText('Alt text saved.').waitFor();
      await dialog.waitFor({ state: 'hidden' });
      await page.reload();
      await card(page, 'latte.png').getByText('A latte with a leaf drawn in the foam').waitFor();
      await page.getByRole('textbox', { name: 'Search' }).fill('leaf');
      await card(page, 'loop.gif').waitFor({ state: 'hidden' });
      await card(page, 'latte.png').waitFor();
      await page.getByRole('textbox', { name: 'Search' }).fill('');
    });
  });

  test('the media picker of the composer chooses the described image from the library', async () => {
    await step(page, 'picker', async () => {
      await page.goto(`${base}/posts/new`);
      const picker = page.getByTestId('media-picker').first();
      await picker.getByRole('button', { name: 'Add media' }).click();
      const dialog = page.getByRole('dialog', { name: 'Choose media' });
      await dialog.getByRole('checkbox', { name: 'Choose latte.png' }).check();
      await dialog.getByRole('button', { name: 'Use 1 file' }).click();
      await dialog.waitFor({ state: 'hidden' });
      await picker.getByRole('img', { name: 'A latte with a leaf drawn in the foam' }).waitFor();
      await snapshot(page, 'media-picker-in-composer');
      await page.goto(`${base}/media`);
    });
  });

  test('a file is deleted only after confirming', async () => {
    await step(page, 'delete', async () => {
      await page.getByRole('button', { name: 'Delete loop.gif' }).click();
      const dialog = page.getByRole('dialog', { name: 'Delete this file?' });
      await dialog.getByText('“loop.gif” will be removed from the library.', { exact: false }).waitFor();
      await dialog.getByRole('button', { name: 'Delete', exact: true }).click();
      await page.getByText('File deleted.').waitFor();
      await card(page, 'loop.gif').waitFor({ state: 'detached' });
      await card(page, 'latte.png').waitFor();
      assert.deepEqual(await untranslatedKeys(page), []);
    });
  });
});
