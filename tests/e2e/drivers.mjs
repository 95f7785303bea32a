// The two drivers of tests/e2e/scenarios.mjs: Chromium through Playwright (the unpacked
// dev build, as in every other e2e test) and Firefox ESR through geckodriver (the dev build
// as a temporary add-on).
import { setup, setSettings, engineReport, extCall, REPO } from './helpers.mjs';
import { startServer } from '../../demo/site/server.mjs';
import { FirefoxSession } from './webdriver.mjs';
import path from 'node:path';
import fs from 'node:fs';

export async function chromiumDriver() {
  const env = await setup();
  let page = null;
  let vp = { width: 1280, height: 860 };
  return {
    browser: 'chromium',
    origin: env.demo.origin,
    async open(url) {
      if (page) await page.close();
      page = await env.context.newPage();
      await page.setViewportSize(vp);
      await page.goto(url);
    },
    evaluate: (fn, arg = null) => page.evaluate(fn, arg),
    waitFor: (fn, arg = null, timeout = 10000) => page.waitForFunction(fn, arg, { timeout }).then((h) => h.jsonValue()),
    click: (css) => page.click(css),
    clickCoach: (css) => page.locator(css).click(), // Playwright's CSS goes into open shadow roots
    type: (text) => page.keyboard.type(text, { delay: 2 }),
    press: (combo) => page.keyboard.press(combo),
    async viewport(width, height) { vp = { width, height }; if (page) await page.setViewportSize(vp); },
    engine: (msg) => engineReport(env, msg),
    call: (msg) => extCall(env, msg),
    settings: (profile) => setSettings(env, profile),
    close: () => env.close(),
  };
}

export const FIREFOX_EXT_DIR = path.join(REPO, 'dist/firefox-dev');

export async function firefoxDriver() {
  if (!fs.existsSync(path.join(FIREFOX_EXT_DIR, 'manifest.json'))) throw new Error(`${FIREFOX_EXT_DIR} missing: run \`make build\` first`);
  const demo = await startServer({ root: path.join(REPO, 'dist/demo') });
  const s = await FirefoxSession.start({ extDir: FIREFOX_EXT_DIR });
  const inExt = (fn, arg) => s.inExtension('popup/popup.html', fn, arg);
  return {
    browser: 'firefox',
    version: s.version,
    session: s,
    origin: demo.origin,
    open: (url) => s.newPage(url),
    evaluate: (fn, arg = null) => s.evaluate(fn, arg),
    waitFor: (fn, arg = null, timeout = 10000) => s.waitFor(fn, arg, timeout),
    click: (css) => s.click(css),
    clickCoach: async (css) => s.clickElement(await s.findInShadow('[data-reply-coach="host"]', css)),
    type: (text) => s.type(text),
    press: (combo) => s.press(combo),
    viewport: (w, h) => s.setViewport(w, h),
    async engine(msg) {
      const resp = await inExt((m) => browser.runtime.sendMessage(m).then((r) => JSON.parse(JSON.stringify(r))), msg);
      if (!resp?.ok) throw new Error(`engine: ${resp?.error}`);
      return resp.report;
    },
    call: (msg) => inExt((m) => browser.runtime.sendMessage(m).then((r) => JSON.parse(JSON.stringify(r))), msg),
    settings: (profile) => inExt((p) => (p === null ? browser.storage.sync.remove('profile') : browser.storage.sync.set({ profile: p })), profile),
    inExtension: inExt,
    async close() { await s.close(); await demo.close(); },
  };
}
