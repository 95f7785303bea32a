// The extension's attack surface (issue 5): hostile text from the page (markup, script,
// look-alike letters, bidi overrides) stays inert text in the panel, on both sites and
// in a comment being replied to; a whole session sends no request anywhere (every
// request of the pages and of the service worker intercepted); the store manifests ask
// for `storage` and the listed hosts only; and the built code passes the static check
// (scripts/check-no-eval.mjs: no eval, no HTML from strings, no network).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import {
  setup, openDemo, typeDraft, waitForBadge, waitSettled, openPanel, setSettings, editorSelector, REPO, EXT_DIR,
} from './helpers.mjs';
import { checkDir, checkManifest } from '../../scripts/check-no-eval.mjs';

let env;
before(async () => {
  env = await setup();
  await setSettings(env, { ui_language: 'en' });
});
after(async () => { await env?.close(); });

const RLO = '\u202E';
const MARKUP = '<img src=x onerror="window.__pwned=1"> <script>window.__pwned=2</script> <svg onload="window.__pwned=3"></svg> <a href="javascript:window.__pwned=4">x</a>';
// Full-width S, Cyrillic Ѕ/а/р, a right-to-left override, zero-width joiners and spaces.
const LOOKALIKE = `Ｓupport: your Раураl account ${RLO}gnp.exe and \u0405ervice\u200B\u200Dteam`;

// What the panel's shadow root holds: elements that page text could have created, and
// whether any script ran.
async function panelState(page) {
  return page.evaluate(() => {
    const root = document.querySelector('[data-reply-coach="host"]').shadowRoot;
    const attrs = [...root.querySelectorAll('*')].flatMap((el) => [...el.attributes].map((a) => a.name)).filter((n) => /^on/i.test(n));
    return {
      elements: root.querySelectorAll('img, script, svg, iframe, object, embed, a, b, i, style:not(:first-child)').length,
      handlers: attrs,
      pwned: window.__pwned ?? null,
    };
  });
}

// Is text in `selector` (inside the panel) laid out left to right, first character left
// of the last? A bidi override that leaked out of the author's name would reverse it.
async function readsLeftToRight(page, selector) {
  return page.evaluate((sel) => {
    const root = document.querySelector('[data-reply-coach="host"]').shadowRoot;
    const el = root.querySelector(sel);
    const node = [...el.childNodes].find((n) => n.nodeType === 3) ?? el.firstChild.firstChild;
    const r = document.createRange();
    const at = (i) => { r.setStart(node, i); r.setEnd(node, i + 1); return r.getBoundingClientRect(); };
    const first = at(0);
    const last = at(node.data.length - 1);
    return { ok: first.left < last.left, first: first.left, last: last.left, text: node.data };
  }, selector);
}

for (const site of ['x', 'facebook']) {
  test(`${site}: markup, look-alike letters and a bidi override in the post and author render as inert text`, async () => {
    const post = `${LOOKALIKE} ${MARKUP}`;
    const author = `${RLO}evE <img src=y onerror="window.__pwned=5">`;
    const page = await openDemo(env, site, { lang: 'en', query: { post, author } });
    await typeDraft(page, site, 'en', 'Hi, sorry to hear that. What happened exactly? ^WC');
    await waitForBadge(page);
    const panel = await openPanel(page);
    const state = await panelState(page);
    assert.deepEqual(state, { elements: 0, handlers: [], pwned: null });
    const quoted = await panel.locator('[data-part="post"]').textContent();
    // (zero-width spaces are dropped when the adapter reads the page; the joiner stays)
    for (const piece of ['Ｓupport', 'Раураl', `${RLO}gnp.exe`, '\u0405ervice\u200Dteam', '<img src=x onerror="window.__pwned=1">', '<script>window.__pwned=2</script>']) {
      assert.ok(quoted.includes(piece), `quoted literally: ${JSON.stringify(piece)} in ${JSON.stringify(quoted)}`);
    }
    assert.ok(quoted.startsWith(`${RLO}evE <img`), quoted);
    assert.deepEqual(page.__errors, []);
    await page.close();
  });
}

test('a bidi override in an author name does not reverse the rest of the panel', async () => {
  const page = await openDemo(env, 'x', { lang: 'en', query: { post: 'abcdefgh ijklmnop', author: `${RLO}Eve` } });
  await typeDraft(page, 'x', 'en', 'Hi, what happened exactly? ^WC');
  await waitForBadge(page);
  const panel = await openPanel(page);
  await panel.locator('[data-action="toggle-more"]').click(); // the post is quoted under "More"
  const post = await readsLeftToRight(page, '[data-part="post"] > span');
  assert.ok(post.ok, `the post text after the author is laid out left to right: ${JSON.stringify(post)}`);
  await page.close();
});

test('facebook: markup and look-alikes in a comment being replied to render as inert text', async () => {
  const page = await openDemo(env, 'facebook', { lang: 'en' });
  // The comment and its author as a hostile commenter would write them.
  await page.evaluate(([text, name]) => {
    document.querySelector('.fb-comment-text').textContent = text;
    document.querySelector('.fb-comment .fb-name span').textContent = name;
  }, [`${MARKUP} ${LOOKALIKE}`, `Ｓupport ${RLO}maeT <b>x</b>`]);
  const reply = page.locator('[data-demo-composer="reply"] [data-lexical-editor="true"]');
  await reply.click();
  await page.keyboard.type('Thanks for letting us know! ^WC');
  await waitSettled(page);
  const panel = await openPanel(page);
  assert.deepEqual(await panelState(page), { elements: 0, handlers: [], pwned: null });
  const quoted = await panel.locator('[data-part="post"]').textContent();
  assert.ok(quoted.startsWith(`Ｓupport ${RLO}maeT <b>x</b>: `), quoted);
  assert.ok(quoted.includes('<script>window.__pwned=2</script>'), quoted);
  assert.deepEqual(page.__errors, []);
  await page.close();
});

test('a whole session sends no request anywhere (pages and service worker intercepted)', async () => {
  const routed = [];
  await env.context.route('**/*', (route) => { routed.push(route.request().url()); return route.continue(); });
  const start = env.requests.length;
  const proxyStart = env.proxy.seen.length;
  try {
    // X: type, fix, rewrite, undo, the dialog; the worker stopped and woken again.
    const x = await openDemo(env, 'x', { lang: 'en', query: { post: `${MARKUP} my parcel is late`, author: 'Sarah Miller' } });
    await typeDraft(x, 'x', 'en', 'We apologise for any inconvenience caused. Please send us your address.');
    await waitForBadge(x);
    const panel = await openPanel(x);
    await panel.locator('[data-action="apply-fix"]').first().click();
    await waitSettled(x);
    await panel.locator('[data-action="apply-rewrite"]').click().catch(() => {});
    await waitSettled(x);
    await x.keyboard.press('Control+z');
    const internals = await env.context.newPage();
    await internals.goto('chrome://serviceworker-internals/');
    await internals.getByText('Stop', { exact: true }).first().click();
    await internals.close();
    await x.click(editorSelector('x', 'en'));
    await x.keyboard.type(' Thanks!');
    await waitSettled(x);
    await x.click('[data-demo="open-dialog"]');
    await x.locator('[role="dialog"] [data-testid="tweetTextarea_0"]').click();
    await x.keyboard.type('Sorry to hear that, what is your order number? ^WC');
    await waitSettled(x);
    // Facebook: comment and reply box.
    const fb = await openDemo(env, 'facebook', { lang: 'en' });
    await typeDraft(fb, 'facebook', 'en', 'Helaas kunnen wij daar niets aan doen.');
    await waitForBadge(fb);
    await fb.locator('[data-demo-composer="reply"] [data-lexical-editor="true"]').click();
    await fb.keyboard.type('Thanks! ^WC');
    await waitSettled(fb);
    // The popup playground and the options page: save, export, import.
    const pop = await env.context.newPage();
    await pop.goto(env.extUrl('popup/popup.html'));
    await pop.fill('#post', 'My parcel is broken');
    await pop.fill('#draft', 'We regret the inconvenience.');
    await pop.click('#analyze');
    await pop.locator('[data-rule]').first().waitFor();
    const opts = await env.context.newPage();
    await opts.goto(env.extUrl('options/options.html'));
    await opts.fill('#agent_name', 'Pim');
    await opts.click('#save');
    await opts.click('#export');
    await opts.click('#import-apply');
    await opts.click('#import-cancel'); // (the file is what is saved: nothing to change)
    await opts.locator('#engine-version').filter({ hasText: /\d/ }).waitFor();
    for (const p of [x, fb, pop, opts]) await p.close();
  } finally {
    await env.context.unroute('**/*');
  }
  const own = (u) => u.startsWith(env.demo.origin) || u.startsWith(`chrome-extension://${env.extensionId}/`) || /^(data|blob):/.test(u);
  assert.deepEqual(routed.filter((u) => !own(u)), [], 'intercepted: only the demo server and the extension itself');
  assert.deepEqual(env.requests.slice(start).filter((u) => !own(u)), [], 'requests seen by the browser context');
  const browserOwn = /^(CONNECT |\w+ https?:\/\/)([\w.-]+\.)?(google\.com|googleapis\.com|gvt1\.com|gstatic\.com|googleusercontent\.com)(:443|\/|$)/;
  assert.deepEqual(env.proxy.seen.slice(proxyStart).filter((r) => !browserOwn.test(r)), [], 'nothing else left the browser');
  assert.ok(routed.some((u) => u.startsWith(env.demo.origin)), 'the interception did see the pages');
  await setSettings(env, { ui_language: 'en' });
});

const STORE_HOST = /^https:\/\/(x\.com|twitter\.com|mobile\.twitter\.com|(www\.|m\.|web\.)?facebook\.com)\/\*$/;

for (const build of ['chrome', 'firefox']) {
  test(`dist/${build}: the manifest asks for storage and the X/Facebook hosts, nothing more`, () => {
    const file = path.join(REPO, 'dist', build, 'manifest.json');
    const src = fs.readFileSync(file, 'utf8');
    const m = JSON.parse(src);
    assert.deepEqual(checkManifest(`${build}/manifest.json`, src), []);
    assert.deepEqual(m.permissions, ['storage']);
    assert.ok(m.host_permissions.length > 0 && m.host_permissions.every((h) => STORE_HOST.test(h)), JSON.stringify(m.host_permissions));
    for (const cs of m.content_scripts) {
      assert.ok(cs.matches.every((h) => STORE_HOST.test(h)), JSON.stringify(cs.matches));
      assert.deepEqual(cs.js, ['content.js']);
      assert.ok(!cs.all_frames, 'not in every frame');
    }
    assert.equal(m.content_security_policy.extension_pages, "script-src 'self' 'wasm-unsafe-eval'; object-src 'self'");
    for (const key of ['optional_permissions', 'optional_host_permissions', 'externally_connectable', 'web_accessible_resources', 'update_url', 'key']) {
      assert.equal(m[key], undefined, key);
    }
    if (build === 'firefox') {
      assert.deepEqual(m.browser_specific_settings.gecko.data_collection_permissions, { required: ['none'] }, 'Firefox: declares no data collection');
    }
  });
}

test('the built extensions pass the static check: no eval, no HTML from strings, no network', () => {
  for (const dir of ['extension', 'dist/chrome', 'dist/firefox', path.relative(REPO, EXT_DIR)]) {
    assert.deepEqual(checkDir(path.join(REPO, dir)), [], dir);
  }
});
