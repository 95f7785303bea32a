// Shared set-up for the end-to-end tests: the demo server (strict CSP), Debian's
// Chromium with the unpacked dev build of the extension, a recorder of every request,
// and small helpers to drive the coach.
import { chromium } from 'playwright-core';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import http from 'node:http';
import net from 'node:net';
import { fileURLToPath } from 'node:url';
import { startServer } from '../../demo/site/server.mjs';

export const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
// REPLY_COACH_EXT_DIR runs the suite against another build (to check that a new test
// fails on an older build).
export const EXT_DIR = process.env.REPLY_COACH_EXT_DIR ? path.resolve(process.env.REPLY_COACH_EXT_DIR) : path.join(REPO, 'dist/chrome-dev');
export const DEMO_DIR = path.join(REPO, 'dist/demo');
export const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium';

// A proxy that only records: Chromium is told to send every non-loopback request here,
// so anything the browser or the extension tries to fetch from the outside is caught
// (and refused) - including requests of the service worker that pages never see.
async function startRecordingProxy() {
  const seen = [];
  const server = http.createServer((req, res) => {
    seen.push(`${req.method} ${req.url}`);
    res.writeHead(403);
    res.end();
  });
  server.on('connect', (req, socket) => {
    seen.push(`CONNECT ${req.url}`);
    // the browser may reset a refused tunnel (ECONNRESET): expected, and without a
    // listener it would be an uncaught exception that fails whichever test is running
    socket.on('error', () => {});
    socket.end('HTTP/1.1 403 Forbidden\r\n\r\n');
  });
  await new Promise((r) => server.listen(0, '127.0.0.1', r));
  return { port: server.address().port, seen, close: () => new Promise((r) => server.close(r)) };
}

export async function setup({ extDir = EXT_DIR, locale = 'en-US', colorScheme = 'light' } = {}) {
  for (const f of [path.join(extDir, 'manifest.json'), path.join(DEMO_DIR, 'x.html')]) {
    if (!fs.existsSync(f)) throw new Error(`${f} missing: run \`make build\` first`);
  }
  const demo = await startServer({ root: DEMO_DIR });
  const proxy = await startRecordingProxy();
  const userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'reply-coach-e2e-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM,
    headless: false, // new headless via --headless=new: old headless cannot load extensions
    locale,
    colorScheme,
    viewport: { width: 1280, height: 860 },
    args: [
      '--headless=new', '--no-sandbox', '--disable-background-networking', '--disable-component-update',
      '--disable-sync', '--no-first-run', '--no-default-browser-check', '--disable-default-apps',
      `--proxy-server=http://127.0.0.1:${proxy.port}`,
      `--disable-extensions-except=${extDir}`, `--load-extension=${extDir}`,
    ],
  });
  const requests = [];
  context.on('request', (r) => requests.push(r.url()));
  let [worker] = context.serviceWorkers();
  if (!worker) worker = await context.waitForEvent('serviceworker', { timeout: 15000 });
  const extensionId = new URL(worker.url()).host;
  const env = {
    context, demo, proxy, requests, extensionId, worker,
    extUrl: (p) => `chrome-extension://${extensionId}/${p}`,
    async close() {
      await context.close().catch(() => {});
      await demo.close();
      await proxy.close();
      fs.rmSync(userDataDir, { recursive: true, force: true });
    },
  };
  return env;
}

export const SITES = {
  x: {
    page: 'x.html',
    editor: 'main [data-testid="tweetTextarea_0"]',
    send: '[data-testid="tweetButtonInline"]',
    newline: 'Enter',
  },
  facebook: {
    page: 'facebook.html',
    // the post's own comment box (after the comments; the reply box under a comment comes first)
    editor: (lang) => `[data-lexical-editor="true"][aria-label="${lang === 'nl' ? 'Schrijf een openbare reactie…' : 'Write a comment…'}"]`,
    send: '[data-demo-composer="comment"] [data-demo="send"]',
    newline: 'Shift+Enter',
  },
};

export function editorSelector(site, lang) {
  const e = SITES[site].editor;
  return typeof e === 'function' ? e(lang) : e;
}

export async function openDemo(env, site, { lang = 'en', query = {} } = {}) {
  const page = await env.context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  const q = new URLSearchParams({ lang, ...query });
  await page.goto(`${env.demo.origin}/${SITES[site].page}?${q}`);
  await page.waitForSelector(editorSelector(site, lang));
  page.__errors = errors;
  return page;
}

// Types a draft (lines separated by "\n") the way a person does.
export async function typeDraft(page, site, lang, text) {
  await page.click(editorSelector(site, lang));
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    if (i) await page.keyboard.press(SITES[site].newline);
    if (lines[i]) await page.keyboard.type(lines[i], { delay: 2 });
  }
}

export const modelText = (page) => page.evaluate(() => window.__demo.getModelText());
export const sendEnabled = (page) => page.evaluate(() => window.__demo.isSendEnabled());

export async function waitForModel(page, expected, timeout = 3000) {
  await page.waitForFunction((want) => window.__demo.getModelText() === want, expected, { timeout }).catch(() => {});
  return modelText(page);
}

/**
 * The stored profile as the extension reads it back: its saved replies joined from the
 * parts they are stored in (extension/shared/settings.js, splitChunks); null when none.
 * @param {import('playwright-core').Page} page  an extension page
 */
export function storedProfile(page) {
  return page.evaluate(() =>
    chrome.storage.sync.get(null).then((all) => {
      const p = all.profile;
      if (!p) return null;
      const { saved_replies_parts: n, ...rest } = p;
      if (n === undefined) return p;
      const replies = [];
      for (let i = 0; i < n; i++) replies.push(...(all[`saved_replies.${i}`] ?? []));
      return { ...rest, saved_replies: replies };
    }),
  );
}

export async function setSettings(env, settings) {
  const page = await env.context.newPage();
  await page.goto(env.extUrl('options/options.html'));
  await page.evaluate((s) => (s === null ? chrome.storage.sync.remove('profile') : chrome.storage.sync.set({ profile: s })), settings);
  await page.close();
}

// The badge once the coach has analysed `draft` (its data-count is set when ready).
export async function waitForBadge(page) {
  const badge = page.locator('[data-reply-coach="badge"]');
  await badge.waitFor({ state: 'visible' });
  await page.waitForFunction(() => {
    const host = document.querySelector('[data-reply-coach="host"]');
    const b = host?.shadowRoot?.querySelector('[data-reply-coach="badge"]');
    return b && b.dataset.state === 'ready' && !b.hasAttribute('data-pending');
  });
  return badge;
}

// Waits until the coach has analysed the editor's current text (nothing pending).
export async function waitSettled(page) {
  await page.waitForFunction(() => {
    const b = document.querySelector('[data-reply-coach="host"]')?.shadowRoot?.querySelector('[data-reply-coach="badge"]');
    return b && !b.hidden && b.dataset.state !== 'idle' && !b.hasAttribute('data-pending');
  });
}

// Opens the panel (by its badge) and, unless `all` is false, shows every point, not
// only the top ones (the tests that apply any fix need its button visible).
export async function openPanel(page, { all = true } = {}) {
  const panel = page.locator('[data-reply-coach="panel"]');
  if (!(await panel.isVisible())) await page.locator('[data-reply-coach="badge"]').click();
  await panel.waitFor({ state: 'visible' });
  if (all) await showAllPoints(page);
  return panel;
}

export async function showAllPoints(page) {
  const toggle = page.locator('[data-reply-coach="panel"] [data-action="toggle-all"]');
  if (await toggle.count() && (await toggle.getAttribute('aria-expanded')) === 'false') {
    await toggle.click();
    await page.locator('[data-reply-coach="panel"] [data-action="toggle-all"][aria-expanded="true"]').waitFor();
  }
}

// The shadow root's focused element, described (null when the focus is not in it).
export function focusInCoach(page) {
  return page.evaluate(() => {
    const el = document.querySelector('[data-reply-coach="host"]')?.shadowRoot?.activeElement;
    if (!el) return null;
    return { tag: el.tagName, action: el.dataset.action ?? null, part: el.dataset.replyCoach ?? null, name: el.getAttribute('aria-label') ?? el.textContent };
  });
}

export async function findingRules(page) {
  return page.locator('[data-reply-coach="panel"] [data-rule]').evaluateAll((els) => els.map((e) => e.dataset.rule));
}

// Stops the extension's service worker, as the browser may at any time
// (chrome://serviceworker-internals).
export async function stopWorker(env) {
  const internals = await env.context.newPage();
  await internals.goto('chrome://serviceworker-internals/');
  await internals.getByText('Stop', { exact: true }).first().click();
  await internals.waitForFunction(() => /Running Status: STOPPED/.test(document.body.innerText));
  await internals.close();
}

export function sleep(ms) {
  return new Promise((r) => setTimeout(r, ms));
}

export { net };

// The engine's report for an exchange, asked through the extension itself (from one of
// its pages), so a test knows exactly what the panel was given.
/** Any message of shared/protocol.js to the worker, from an extension page: its answer. */
export async function extCall(env, msg) {
  if (!env.__extPage || env.__extPage.isClosed()) {
    env.__extPage = await env.context.newPage();
    await env.__extPage.goto(env.extUrl('popup/popup.html'));
  }
  return env.__extPage.evaluate((m) => chrome.runtime.sendMessage(m), msg);
}

export async function engineReport(env, { post = null, draft, platform }) {
  if (!env.__extPage || env.__extPage.isClosed()) {
    env.__extPage = await env.context.newPage();
    await env.__extPage.goto(env.extUrl('popup/popup.html'));
  }
  const resp = await env.__extPage.evaluate((msg) => chrome.runtime.sendMessage(msg), { type: 'analyze', post, draft, platform });
  if (!resp?.ok) throw new Error(`engine: ${resp?.error}`);
  return resp.report;
}

// The post the demo page shows (what the adapter should read).
export async function demoPost(page) {
  return page.evaluate(() => window.__demo.post);
}

export function applyFinding(draft, f) {
  return draft.slice(0, f.span[0]) + f.replacement + draft.slice(f.span[1]);
}
