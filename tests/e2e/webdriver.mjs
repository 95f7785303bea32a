// Firefox for the e2e suite: Debian's firefox-esr driven by geckodriver over WebDriver
// classic (plain HTTP, no client library). The dev build of the extension is installed as
// a temporary add-on (POST /session/{id}/moz/addon/install, temporary: true); its
// moz-extension:// UUID is fixed by a pref so its pages can be opened. Typing uses key
// actions: Element Send Keys puts only the first character into Lexical.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import net from 'node:net';
import { GECKO_ID } from '../../scripts/extension/build.mjs';

export const FIREFOX = process.env.FIREFOX ?? '/usr/bin/firefox-esr';
export const GECKODRIVER = process.env.GECKODRIVER ?? (fs.existsSync(path.join(os.homedir(), '.cargo/bin/geckodriver')) ? path.join(os.homedir(), '.cargo/bin/geckodriver') : 'geckodriver');
export const EXT_UUID = '6f1c3a52-6b8e-4d21-9a57-3c0de7a1b001';

const ELEMENT = 'element-6066-11e4-a52e-4f735466cecf';
const SHADOW = 'shadow-6066-11e4-a52e-4f735466cecf';

const KEYS = {
  Control: '\uE009', Shift: '\uE008', Alt: '\uE00A', Meta: '\uE03D', Enter: '\uE007', Backspace: '\uE003', Delete: '\uE017',
  End: '\uE010', Home: '\uE011', ArrowLeft: '\uE012', ArrowRight: '\uE014', ArrowUp: '\uE013', ArrowDown: '\uE015', Escape: '\uE00C', Tab: '\uE004',
};

function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => { const { port } = srv.address(); srv.close(() => resolve(port)); });
  });
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

export class WebDriverError extends Error {}

/** A WebDriver classic session on a geckodriver of its own. */
export class FirefoxSession {
  static async start({ extDir, width = 1280, height = 860 }) {
    const port = await freePort();
    const logs = [];
    const proc = spawn(GECKODRIVER, ['--host', '127.0.0.1', '--port', String(port), '--log', 'warn', '--allow-system-access'], { stdio: ['ignore', 'pipe', 'pipe'] });
    proc.stdout.on('data', (d) => logs.push(String(d)));
    proc.stderr.on('data', (d) => logs.push(String(d)));
    const base = `http://127.0.0.1:${port}`;
    for (let i = 0; ; i++) {
      try { const r = await fetch(`${base}/status`); if (r.ok) break; } catch { /* not up yet */ }
      if (i > 100 || proc.exitCode !== null) throw new Error(`geckodriver did not start: ${logs.join('')}`);
      await sleep(100);
    }
    const s = new FirefoxSession(base, proc, logs);
    const caps = {
      browserName: 'firefox',
      'moz:firefoxOptions': {
        binary: FIREFOX,
        args: ['-headless'],
        prefs: {
          'extensions.webextensions.uuids': JSON.stringify({ [GECKO_ID]: EXT_UUID }),
          'app.update.enabled': false, 'app.update.auto': false, 'browser.shell.checkDefaultBrowser': false,
          'datareporting.policy.dataSubmissionEnabled': false, 'datareporting.healthreport.uploadEnabled': false,
          'toolkit.telemetry.enabled': false, 'extensions.update.enabled': false, 'browser.safebrowsing.malware.enabled': false,
          'browser.safebrowsing.phishing.enabled': false, 'network.captive-portal-service.enabled': false,
          'browser.newtabpage.enabled': false, 'browser.startup.homepage': 'about:blank', 'extensions.getAddons.cache.enabled': false,
          'network.connectivity-service.enabled': false, 'browser.region.network.url': '', 'browser.search.update': false,
          'layout.css.devPixelsPerPx': '1.0',
        },
      },
      timeouts: { script: 30000, pageLoad: 30000, implicit: 0 },
    };
    const res = await s.http('POST', '/session', { capabilities: { alwaysMatch: caps } });
    s.id = res.sessionId;
    s.capabilities = res.capabilities;
    s.addonId = await s.cmd('POST', '/moz/addon/install', { path: extDir, temporary: true });
    s.pageHandle = await s.cmd('GET', '/window');
    await s.setViewport(width, height);
    return s;
  }

  constructor(base, proc, logs) {
    this.base = base;
    this.proc = proc;
    this.logs = logs;
    this.id = null;
  }

  get version() {
    return this.capabilities?.browserVersion;
  }

  async http(method, url, body) {
    const r = await fetch(this.base + url, {
      method, headers: body ? { 'content-type': 'application/json' } : {}, body: body ? JSON.stringify(body) : undefined,
    });
    const json = await r.json().catch(() => ({}));
    if (!r.ok) throw new WebDriverError(`${method} ${url}: ${json.value?.error}: ${json.value?.message}`);
    return json.value;
  }

  cmd(method, url, body) {
    return this.http(method, `/session/${this.id}${url}`, body ?? (method === 'POST' ? {} : undefined));
  }

  async close() {
    try { if (this.id) await this.http('DELETE', `/session/${this.id}`); } catch { /* already gone */ }
    this.proc.kill();
  }

  goto(url) { return this.cmd('POST', '/url', { url }); }

  /** Runs `fn(arg)` in the page; its value (JSON, or an element) comes back. */
  evaluate(fn, arg = null) {
    return this.cmd('POST', '/execute/sync', { script: `return (${fn})(arguments[0]);`, args: [arg] });
  }

  /** Runs an async `fn(arg)` in the page and waits for its promise. */
  evaluateAsync(fn, arg = null) {
    return this.cmd('POST', '/execute/async', {
      script: `const done = arguments[arguments.length - 1]; Promise.resolve((${fn})(arguments[0])).then((v) => done({ ok: v }), (e) => done({ err: String(e && e.message || e) }));`,
      args: [arg],
    }).then((r) => { if (r && 'err' in r) throw new Error(r.err); return r?.ok; });
  }

  async waitFor(fn, arg = null, timeout = 10000, what = String(fn).slice(0, 120)) {
    const t0 = Date.now();
    for (;;) {
      const v = await this.evaluate(fn, arg).catch(() => null);
      if (v) return v;
      if (Date.now() - t0 > timeout) throw new Error(`timed out after ${timeout} ms waiting for ${what}`);
      await sleep(50);
    }
  }

  async find(css) {
    const el = await this.cmd('POST', '/element', { using: 'css selector', value: css });
    return el;
  }

  /** An element inside the open shadow root of the element matching `hostCss`. */
  async findInShadow(hostCss, css) {
    const host = await this.find(hostCss);
    const root = await this.cmd('GET', `/element/${host[ELEMENT]}/shadow`);
    return this.cmd('POST', `/shadow/${root[SHADOW]}/element`, { using: 'css selector', value: css });
  }

  clickElement(el) {
    return this.cmd('POST', `/element/${el[ELEMENT]}/click`);
  }

  async click(css) {
    await this.clickElement(await this.find(css));
  }

  /** Types text as key presses (keyDown + keyUp per character). */
  async type(text) {
    const actions = [];
    for (const ch of text) actions.push({ type: 'keyDown', value: ch }, { type: 'keyUp', value: ch });
    await this.cmd('POST', '/actions', { actions: [{ type: 'key', id: 'keyboard', actions }] });
    await this.cmd('DELETE', '/actions');
  }

  /** Presses a key combination: "Control+z", "Shift+Enter", "End". */
  async press(combo) {
    const parts = combo.split('+');
    const keys = parts.map((k) => KEYS[k] ?? k);
    const actions = [
      ...keys.map((value) => ({ type: 'keyDown', value })),
      ...keys.slice().reverse().map((value) => ({ type: 'keyUp', value })),
    ];
    await this.cmd('POST', '/actions', { actions: [{ type: 'key', id: 'keyboard', actions }] });
    await this.cmd('DELETE', '/actions');
  }

  /** Sets the viewport (the page's inner size) to width x height. */
  async setViewport(width, height) {
    let w = width;
    let h = height;
    for (let i = 0; i < 3; i++) {
      await this.cmd('POST', '/window/rect', { width: w, height: h });
      const inner = await this.evaluate(() => [window.innerWidth, window.innerHeight]);
      if (inner[0] === width && inner[1] === height) return;
      w += width - inner[0];
      h += height - inner[1];
    }
  }

  /**
   * Opens a page of the extension in a second tab (WebDriver may not navigate to
   * moz-extension:// URLs: the tab is opened from the browser's chrome context), runs
   * `fn(arg)` there with the extension's APIs, and comes back.
   */
  async inExtension(pagePath, fn, arg = null) {
    const back = await this.cmd('GET', '/window');
    if (!this.extHandle) {
      const before = new Set(await this.cmd('GET', '/window/handles'));
      await this.cmd('POST', '/moz/context', { context: 'chrome' });
      try {
        await this.cmd('POST', '/execute/sync', {
          script: `const win = Services.wm.getMostRecentWindow('navigator:browser');
            win.gBrowser.addTab(arguments[0], { triggeringPrincipal: Services.scriptSecurityManager.getSystemPrincipal() });`,
          args: [`moz-extension://${EXT_UUID}/${pagePath}`],
        });
      } finally {
        await this.cmd('POST', '/moz/context', { context: 'content' });
      }
      for (let i = 0; !this.extHandle && i < 100; i++) {
        this.extHandle = (await this.cmd('GET', '/window/handles')).find((h) => !before.has(h)) ?? null;
        if (!this.extHandle) await sleep(50);
      }
      await this.cmd('POST', '/window', { handle: this.extHandle });
      await this.waitFor(() => document.readyState === 'complete' && typeof browser !== 'undefined');
    } else {
      await this.cmd('POST', '/window', { handle: this.extHandle });
    }
    try {
      return await this.evaluateAsync(fn, arg);
    } finally {
      await this.cmd('POST', '/window', { handle: back });
    }
  }

  /** A fresh page tab for a test (the previous one is closed). */
  async newPage(url) {
    const w = await this.cmd('POST', '/window/new', { type: 'tab' });
    const old = this.pageHandle;
    await this.cmd('POST', '/window', { handle: old });
    await this.cmd('DELETE', '/window');
    this.pageHandle = w.handle;
    await this.cmd('POST', '/window', { handle: w.handle });
    await this.goto(url);
  }
}
