/**
 * Journey: the interface in English, Italian and Spanish. The language picker switches every page,
 * no i18n key leaks onto the screen, <html lang> follows, and the choice is saved to the account.
 */
import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import { createWorkspace, journey, newUser, signIn, signUp, skipReason, snapshot, step, textbox, untranslatedKeys } from './harness';

const skip = skipReason();
const USER = { name: 'Lina Lingua', email: `lina.${Date.now()}@example.test`, password: 'correct horse battery staple' };

const PAGES = [
  'home',
  'calendar',
  'inbox',
  'community',
  'members',
  'analytics',
  'strategy',
  'settings/workspace',
  'settings/team',
  'settings/channels',
  'settings/tokens',
  'settings/audit',
  'settings/profile',
];

const EXPECTED: Record<'en' | 'it' | 'es', { picker: string; strings: string[]; absent: string[] }> = {
  en: { picker: 'English', strings: ['Settings', 'Editorial calendar', 'No data yet', 'Skip to main content'], absent: [] },
  it: {
    picker: 'Italiano',
    strings: ['Impostazioni', 'Calendario editoriale', 'Ancora nessun dato', 'Vai al contenuto principale', 'Posta in arrivo', 'Titolare'],
    absent: ['Settings', 'No data yet', 'Coming soon'],
  },
  es: {
    picker: 'Español',
    strings: ['Configuración', 'Calendario editorial', 'Aún no hay datos', 'Saltar al contenido principal', 'Bandeja de entrada', 'Propietario'],
    absent: ['Settings', 'No data yet', 'Coming soon'],
  },
};

async function pickLanguage(page: Page, label: string) {
  await page.getByRole('button', { name: /^(Language|Lingua|Idioma): / }).first().click();
  await page.getByRole('menuitemradio', { name: label }).click();
}

/** Visit every area and settings section; return all the text seen; fail on any leaked key. */
async function tour(page: Page, base: string, lng: string): Promise<string> {
  let seen = '';
  for (const p of PAGES) {
    await step(page, `tour-${lng}-${p}`, async () => {
      await page.goto(`${base}/${p}`);
      await page.locator('main h1').first().waitFor();
      if (p.startsWith('settings/')) await page.locator('main h2').first().waitFor();
      await page.waitForLoadState('networkidle');
      assert.equal(await page.locator('html').getAttribute('lang'), lng, `<html lang> on ${p}`);
      const leaked = await untranslatedKeys(page);
      assert.deepEqual(leaked, [], `untranslated keys on ${p} (${lng}): ${leaked.join(', ')}`);
      seen += `\n${await page.locator('body').innerText()}`;
    });
  }
  return seen;
}

describe('i18n journey: English, Italian and Spanish', { skip: skip ?? false, timeout: 300_000 }, () => {
  const env = journey();
  let page: Page;
  let wsBase = '';

  before(async () => {
    page = (await newUser(env.browser)).page;
  });

  test('a signed-out visitor gets the browser language', async () => {
    const { context, page: p } = await newUser(env.browser, { locale: 'it-IT' });
    await p.goto(`${env.server.baseUrl}/signin`);
    await p.getByRole('heading', { level: 1, name: 'Accedi a Tandem' }).waitFor();
    assert.equal(await p.locator('html').getAttribute('lang'), 'it');
    assert.deepEqual(await untranslatedKeys(p), []);
    await context.close();
  });

  test('set up: sign up, create a workspace, invite someone, create a token', async () => {
    await step(page, 'setup', async () => {
      await page.goto(`${env.server.baseUrl}/signup`);
      await signUp(page, USER);
      wsBase = await createWorkspace(page, 'Lingua Lab');
      await page.goto(`${wsBase}/settings/team`);
      await textbox(page, 'Email address').fill(`guest.${Date.now()}@example.test`);
      await page.getByRole('checkbox', { name: 'Analyst' }).check();
      await page.getByRole('button', { name: 'Send invitation' }).click();
      await page.getByRole('heading', { name: 'Pending invitations' }).waitFor();
      await page.getByRole('button', { name: /^Revoke invitation for / }).waitFor();
      await page.goto(`${wsBase}/settings/tokens`);
      await textbox(page, 'Token name').fill('Reporting script');
      await page.getByRole('checkbox', { name: 'Read the workspace' }).check();
      await page.getByRole('button', { name: 'Create token' }).click();
      const secret = await page.getByTestId('created-token').inputValue();
      assert.match(secret, /\S{20,}/);
      await page.getByRole('dialog').getByRole('button', { name: 'Close' }).last().click();
      await page.getByRole('cell', { name: 'Reporting script', exact: true }).waitFor();
    });
  });

  for (const lng of ['en', 'it', 'es'] as const) {
    test(`every page in ${lng}: no untranslated key, known strings present`, async () => {
      await step(page, `switch-${lng}`, async () => {
        await page.goto(`${wsBase}/home`);
        await page.locator('main h1').waitFor();
        await pickLanguage(page, EXPECTED[lng].picker);
        await page.waitForFunction((l) => document.documentElement.lang === l, lng);
      });
      const seen = await tour(page, wsBase, lng);
      for (const s of EXPECTED[lng].strings) assert.ok(seen.includes(s), `"${s}" not seen in ${lng}`);
      for (const s of EXPECTED[lng].absent) assert.ok(!new RegExp(`(^|\\n)${s}(\\n|$)`).test(seen), `English "${s}" still shown in ${lng}`);
      await snapshot(page, `i18n-${lng}-profile`);
    });
  }

  test('the language is saved to the account and follows the user to a new browser', async () => {
    const me = await page.evaluate(async () => (await fetch('/api/me')).json());
    assert.equal((me as { user: { locale: string } }).user.locale, 'es');
    const { context, page: fresh } = await newUser(env.browser, { locale: 'en-US', viewport: { width: 390, height: 844 } });
    await step(fresh, 'fresh-browser', async () => {
      await fresh.goto(`${env.server.baseUrl}/signin`);
      await fresh.getByRole('heading', { level: 1, name: 'Sign in to Tandem' }).waitFor();
      await signIn(fresh, USER.email, USER.password);
      await fresh.getByRole('heading', { level: 1, name: `Hola, ${USER.name}` }).waitFor();
      assert.equal(await fresh.locator('html').getAttribute('lang'), 'es');
      // phone layout: navigation behind the burger
      await fresh.getByRole('button', { name: 'Abrir la navegación' }).click();
      await fresh.getByRole('link', { name: 'Configuración' }).click();
      await fresh.getByRole('heading', { level: 1, name: 'Configuración' }).waitFor();
      await snapshot(fresh, 'i18n-es-phone-settings');
    });
    await context.close();
  });
});
