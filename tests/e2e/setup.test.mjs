// Issue 14, "setup that fits the user": on install the extension opens its first-run
// page, in the browser's language (Dutch here), which asks for the name or initials,
// how the team signs, je or u, and the interface language, and saves them as the
// profile the coach then uses. Its own browser: a Dutch one, freshly installed.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { setup, openDemo, typeDraft, waitForBadge, waitSettled, openPanel, sleep, storedProfile } from './helpers.mjs';

let env;
before(async () => { env = await setup({ locale: 'nl-NL' }); });
after(async () => { await env?.close(); });

async function welcomePage() {
  for (let i = 0; i < 100; i++) {
    const p = env.context.pages().find((x) => x.url().endsWith('/welcome/welcome.html'));
    if (p) return p;
    await sleep(100);
  }
  return null;
}

test('install opens the setup page, in the browser\'s language; before anything is saved the coach speaks it too', async () => {
  const page = await welcomePage();
  assert.ok(page, `the setup page opened on install (${env.context.pages().map((p) => p.url())})`);
  // The browser's language is Dutch here by Playwright's locale emulation (Debian's
  // Chromium ships only its en-US locale), which reaches a page once Playwright has
  // attached to it; the page opened at install may have run before that. Loaded again,
  // it runs as it would in a Dutch browser.
  await page.waitForLoadState();
  await page.reload();
  await page.bringToFront();
  await page.waitForFunction(() => document.querySelector('h1')?.textContent === 'Welkom bij Reply Coach', null, { timeout: 10000 })
    .catch(() => {});
  const shown = await page.evaluate(() => ({ h1: document.querySelector('h1')?.textContent, ui: chrome.i18n.getUILanguage(), select: document.querySelector('#ui_language').value }));
  assert.equal(shown.h1, 'Welkom bij Reply Coach', JSON.stringify(shown));
  assert.equal(await page.inputValue('#ui_language'), 'nl', 'the browser\'s language is the default');
  assert.equal(await storedProfile(page), null, 'nothing saved yet');
  // The coach, before the setup is done: Dutch, as the browser.
  const x = await openDemo(env, 'x', { lang: 'nl' });
  await typeDraft(x, 'x', 'nl', 'Wij betreuren het ongemak.');
  await waitForBadge(x);
  const panel = await openPanel(x);
  assert.match(await panel.locator('#rc-h-findings').textContent(), /^Aandachtspunten voor je antwoord/);
  await x.close();
});

test('the setup page saves name, initials, the shop\'s name as the signature and u as house style; the coach uses them', async () => {
  const page = await welcomePage();
  await page.bringToFront();
  await page.fill('#agent_name', 'Anne de Vries');
  await page.fill('#agent_initials', 'AV');
  // each way of signing is shown as it would end a reply, with what was typed
  assert.equal(await page.locator('[data-example="caret"]').textContent(), 'Bedankt voor je geduld! ^AV');
  assert.equal(await page.locator('[data-example="dash"]').textContent(), 'Bedankt voor je geduld! - Anne');
  await page.check('input[name="signature_style"][value="organisation"]');
  await page.click('#save');
  assert.match(await page.locator('#status').textContent(), /winkel of team/, 'the shop\'s name is asked for');
  await page.fill('#organisation', 'Bakkerij Van Dam');
  assert.equal(await page.locator('[data-example="organisation"]').textContent(), 'Bedankt voor je geduld! - Bakkerij Van Dam');
  await page.check('input[name="house_register"][value="formal"]');
  await page.click('#save');
  await page.locator('#done').waitFor();
  assert.match(await page.locator('#done').innerText(), /Ctrl\+Shift\+\./, 'it says how to open the coach');
  const s = await storedProfile(page);
  assert.deepEqual(
    [s.ui_language, s.agent_name, s.agent_initials, s.signature_style, s.organisation, s.house_register],
    ['nl', 'Anne de Vries', 'AV', 'organisation', 'Bakkerij Van Dam', 'formal'],
  );
  // the coach works with this profile (any engine: one without the "organisation"
  // signature style is sent "dash")
  const fb = await openDemo(env, 'facebook', { lang: 'nl' });
  await typeDraft(fb, 'facebook', 'nl', 'Wat vervelend! Ik zoek het voor u uit. - Bakkerij Van Dam');
  await waitSettled(fb);
  assert.equal(await fb.locator('[data-reply-coach="badge"]').getAttribute('data-state'), 'ready');
  await fb.close();
  // switching the page to English relabels it at once
  await page.selectOption('#ui_language', 'en');
  await page.waitForFunction(() => document.querySelector('h1')?.textContent === 'Welcome to Reply Coach');
});
