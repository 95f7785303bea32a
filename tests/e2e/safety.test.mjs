// What must never go wrong: page markup stays inert text, the extension sends nothing
// anywhere, a stopped worker comes back, a stale fix is never applied, the coach never
// covers the send button, and it is usable from the keyboard.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import {
  setup, openDemo, typeDraft, modelText, waitForBadge, waitSettled, openPanel, findingRules,
  setSettings, editorSelector, SITES, EXT_DIR, sleep,
} from './helpers.mjs';

let env;
before(async () => {
  env = await setup();
  await setSettings(env, { ui_language: 'en' });
});
after(async () => { await env?.close(); });

const HOSTILE = 'Your service is a joke <img src=x onerror="window.__pwned=1"> <script>window.__pwned=2</script> <b>bold</b>';

for (const site of ['x', 'facebook']) {
  test(`${site}: a post with HTML/script markup is shown as inert text`, async () => {
    const page = await openDemo(env, site, { lang: 'en', query: { post: HOSTILE, author: '<i>Eve</i> <img src=y onerror=alert(1)>' } });
    await typeDraft(page, site, 'en', 'Hi, sorry to hear that. What happened exactly? ^WC');
    await waitForBadge(page);
    const panel = await openPanel(page);
    const info = await page.evaluate(() => {
      const root = document.querySelector('[data-reply-coach="host"]').shadowRoot;
      return {
        imgs: root.querySelectorAll('img, script, b, i, iframe, object').length,
        text: root.textContent,
        pwned: window.__pwned ?? null,
      };
    });
    assert.equal(info.imgs, 0, 'no element was created from page text');
    assert.equal(info.pwned, null, 'no script ran');
    // The panel quotes the post it coaches against, literally.
    const quoted = await panel.locator('[data-part="post"]').textContent();
    assert.ok(quoted.includes('<img src=x onerror="window.__pwned=1">'), quoted);
    assert.ok(quoted.includes('<script>window.__pwned=2</script>'), quoted);
    assert.ok(quoted.startsWith('<i>Eve</i>'), quoted);
    assert.deepEqual(page.__errors, []);
    await page.close();
  });
}

test('the extension makes no network request of its own', async () => {
  const start = env.requests.length;
  const page = await openDemo(env, 'x', { lang: 'en' });
  await typeDraft(page, 'x', 'en', 'We apologise for any inconvenience caused.');
  await waitForBadge(page);
  await openPanel(page);
  await page.locator('[data-action="apply-rewrite"]').click().catch(() => {});
  await waitSettled(page);
  const pop = await env.context.newPage();
  await pop.goto(env.extUrl('popup/popup.html'));
  await pop.fill('#post', 'My parcel is broken');
  await pop.fill('#draft', 'We regret the inconvenience.');
  await pop.click('#analyze');
  await pop.locator('[data-rule]').first().waitFor();
  const opts = await env.context.newPage();
  await opts.goto(env.extUrl('options/options.html'));
  await opts.locator('#engine-version').filter({ hasText: /\d/ }).waitFor();
  const seen = env.requests.slice(start);
  const foreign = seen.filter((u) => !u.startsWith(env.demo.origin) && !u.startsWith(`chrome-extension://${env.extensionId}/`) && !u.startsWith('data:'));
  assert.deepEqual(foreign, [], 'only the demo server and the extension itself were asked for anything');
  // Anything that left the machine went through the recording proxy; the browser's own
  // background traffic (sign-in, component updates) may appear there, nothing else.
  const browserOwn = /^(CONNECT |\w+ https?:\/\/)([\w.-]+\.)?(google\.com|googleapis\.com|gvt1\.com|gstatic\.com|googleusercontent\.com)(:443|\/|$)/;
  const unexplained = env.proxy.seen.filter((r) => !browserOwn.test(r));
  assert.deepEqual(unexplained, [], 'no request to any other host left the browser');
  for (const p of [page, pop, opts]) await p.close();
});

test('the built extension contains no network API besides loading its own wasm', () => {
  for (const file of ['content.js', 'background.js', 'popup/popup.js', 'options/options.js']) {
    const code = fs.readFileSync(path.join(EXT_DIR, file), 'utf8');
    for (const api of ['XMLHttpRequest', 'WebSocket', 'sendBeacon', 'EventSource', 'importScripts(', 'RTCPeerConnection']) {
      assert.ok(!code.includes(api), `${file} uses ${api}`);
    }
    const fetches = code.match(/\bfetch\(/g) ?? [];
    if (file === 'background.js') assert.ok(fetches.length <= 1, 'only wasm-bindgen fetches (the wasm file)');
    else assert.equal(fetches.length, 0, `${file} fetches`);
    assert.ok(!/\.innerHTML\s*=|insertAdjacentHTML|outerHTML\s*=|document\.write/.test(code.replace(/\/\/.*$/gm, '')), `${file} writes HTML`);
  }
  const manifest = JSON.parse(fs.readFileSync(path.join(path.dirname(EXT_DIR), 'chrome/manifest.json'), 'utf8'));
  assert.deepEqual(manifest.permissions, ['storage']);
  assert.ok(manifest.host_permissions.every((h) => /^https:\/\/(x\.com|twitter\.com|mobile\.twitter\.com|(www\.|m\.|web\.)?facebook\.com)\/\*$/.test(h)), 'store build: only X and Facebook');
});

test('a stopped service worker: the next request simply works', async () => {
  const page = await openDemo(env, 'x', { lang: 'en' });
  await typeDraft(page, 'x', 'en', 'We apologise for any inconvenience caused.');
  await waitForBadge(page);
  const internals = await env.context.newPage();
  await internals.goto('chrome://serviceworker-internals/');
  await internals.getByText('Stop', { exact: true }).first().click();
  await internals.waitForFunction(() => /Running Status: STOPPED/.test(document.body.innerText));
  await page.bringToFront();
  await page.click(editorSelector('x', 'en'));
  await page.keyboard.press('End');
  await page.keyboard.type(' Kind regards, Pim');
  await waitSettled(page);
  const badge = page.locator('[data-reply-coach="badge"]');
  assert.equal(await badge.getAttribute('data-state'), 'ready');
  await internals.reload();
  assert.match(await internals.evaluate(() => document.body.innerText), /Running Status: RUNNING/);
  await internals.close();
  await page.close();
});

test('a fix is not applied to text that changed under the panel', async () => {
  const draft = 'We apologise for any inconvenience caused.';
  const page = await openDemo(env, 'x', { lang: 'en' });
  await typeDraft(page, 'x', 'en', draft);
  await waitForBadge(page);
  const panel = await openPanel(page);
  const fixButton = panel.locator('[data-action="apply-fix"]').first();
  assert.ok(await fixButton.count(), 'a fix is offered');
  // Change the text and click the fix in one synchronous step in the page, so no
  // analysis of the new text can land in between: the fix on screen is now stale.
  await page.evaluate((sel) => {
    const editor = document.querySelector(sel);
    editor.focus();
    const first = document.createTreeWalker(editor, NodeFilter.SHOW_TEXT).nextNode();
    const range = document.createRange();
    range.setStart(first, 0);
    range.collapse(true);
    const selection = window.getSelection();
    selection.removeAllRanges();
    selection.addRange(range);
    document.execCommand('insertText', false, 'Hi! ');
    const root = document.querySelector('[data-reply-coach="host"]').shadowRoot;
    root.querySelector('[data-action="apply-fix"]').click();
  }, editorSelector('x', 'en'));
  const now = await modelText(page);
  assert.equal(now, `Hi! ${draft}`, 'the stale fix was not applied');
  await waitSettled(page);
  assert.match(await panel.locator('[data-reply-coach="notice"]').textContent(), /changed/);
  await page.close();
});

test('the coach never covers the send button or the emoji button', async () => {
  for (const site of ['x', 'facebook']) {
    for (const viewport of [{ width: 1280, height: 860 }, { width: 700, height: 600 }, { width: 420, height: 800 }]) {
      const page = await openDemo(env, site, { lang: 'en' });
      await page.setViewportSize(viewport);
      await typeDraft(page, site, 'en', 'We apologise for any inconvenience caused.');
      await waitForBadge(page);
      await openPanel(page);
      await sleep(100);
      const rects = await page.evaluate((sel) => {
        const r = (el) => { const b = el.getBoundingClientRect(); return { l: b.left, t: b.top, r: b.right, b: b.bottom }; };
        const root = document.querySelector('[data-reply-coach="host"]').shadowRoot;
        const composer = document.querySelector(sel.send).closest('.composer, .fb-box');
        const emoji = composer.querySelector('[data-testid="emojiButton"], [data-demo="emoji"]');
        return {
          send: r(document.querySelector(sel.send)), emoji: r(emoji),
          badge: r(root.querySelector('[data-reply-coach="badge"]')), panel: r(root.querySelector('[data-reply-coach="panel"]')),
        };
      }, { send: SITES[site].send });
      const overlap = (a, b) => a.l < b.r && b.l < a.r && a.t < b.b && b.t < a.b;
      for (const ours of ['badge', 'panel']) {
        for (const theirs of ['send', 'emoji']) {
          assert.ok(!overlap(rects[ours], rects[theirs]), `${site} ${viewport.width}px: ${ours} covers ${theirs} ${JSON.stringify(rects)}`);
        }
      }
      await page.close();
    }
  }
});

test('keyboard: the shortcut opens the panel from the reply box, Escape returns to it', async () => {
  const page = await openDemo(env, 'facebook', { lang: 'en' });
  await typeDraft(page, 'facebook', 'en', 'We apologise for any inconvenience caused.');
  await waitForBadge(page);
  await page.keyboard.press('Control+Shift+Period');
  const panel = page.locator('[data-reply-coach="panel"]');
  await panel.waitFor({ state: 'visible' });
  assert.equal(await panel.getAttribute('role'), 'dialog');
  assert.equal(await page.locator('[data-reply-coach="badge"]').getAttribute('aria-expanded'), 'true');
  const focusedInPanel = await page.evaluate(() => {
    const root = document.querySelector('[data-reply-coach="host"]').shadowRoot;
    return root.activeElement?.dataset?.replyCoach ?? root.activeElement?.tagName ?? null;
  });
  assert.equal(focusedInPanel, 'panel');
  await page.keyboard.press('Tab');
  const tabbed = await page.evaluate(() => document.querySelector('[data-reply-coach="host"]').shadowRoot.activeElement?.tagName);
  assert.ok(['BUTTON', 'SUMMARY'].includes(tabbed), `Tab moves through the panel (${tabbed})`);
  await page.keyboard.press('Escape');
  await panel.waitFor({ state: 'hidden' });
  const back = await page.evaluate(() => document.activeElement?.getAttribute('data-lexical-editor'));
  assert.equal(back, 'true', 'focus is back in the reply box');
  assert.equal(await modelText(page), 'We apologise for any inconvenience caused.');
  await page.close();
});

test('the coach follows the site theme', async () => {
  for (const theme of ['light', 'dark']) {
    const page = await openDemo(env, 'x', { lang: 'en', query: { theme } });
    await typeDraft(page, 'x', 'en', 'Thanks!');
    await waitForBadge(page);
    assert.equal(await page.locator('[data-reply-coach="host"]').getAttribute('data-theme'), theme);
    await page.close();
  }
});

test('boxes that leave the page are cleaned up; new ones are coached (reply dialog)', async () => {
  const page = await openDemo(env, 'x', { lang: 'en' });
  await typeDraft(page, 'x', 'en', 'First reply from the inline box.');
  await waitForBadge(page);
  await page.click('[data-demo="open-dialog"]');
  const dialogEditor = page.locator('[role="dialog"] [data-testid="tweetTextarea_0"]');
  await dialogEditor.waitFor();
  await dialogEditor.click();
  await page.keyboard.type('We apologise for any inconvenience caused.');
  await waitForBadge(page);
  await openPanel(page);
  assert.ok((await findingRules(page)).length > 0);
  await page.click('[data-testid="app-bar-close"]');
  await dialogEditor.waitFor({ state: 'detached' });
  await sleep(300);
  assert.equal(await page.locator('[data-reply-coach="badge"]').isVisible(), false, 'the coach left with its box');
  await page.click(editorSelector('x', 'en'));
  await waitForBadge(page);
  assert.deepEqual(page.__errors, []);
  await page.close();
});
