// The engine's home: the service worker (Chromium) or background script (Firefox).
// A page's CSP decides whether WebAssembly may compile in a content script, so the
// wasm runs here, under the extension's own CSP ('wasm-unsafe-eval'). Content scripts,
// the popup and the options page send messages; this answers with the engine's report.
//
// The browser may stop this worker at any time. Nothing here keeps state that matters:
// the wasm is initialised lazily on the first message after each start (and awaited in
// the handler), and the settings are read from storage once per start and kept until
// storage.onChanged says they changed (or a request asks for a fresh read).
//
// Two ways in: runtime.sendMessage (popup, options page, tests) and a long-lived port
// (the content script, PORT_NAME): a one-time message opens and closes a channel
// through the browser process on every request, which costs the content script
// several milliseconds per keystroke; a port pays that once.
import init, { analyze, rules, version } from 'reply-coach-engine'; // target/pkg/reply_coach.js (scripts/extension/build.mjs)
import { loadSettings, toProfile, STORAGE_KEY } from './shared/settings.js';
import { PORT_NAME } from './shared/messaging.js';

const api = globalThis.browser ?? globalThis.chrome;

let ready = null;
function engine() {
  if (!ready) {
    ready = init({ module_or_path: api.runtime.getURL('pkg/reply_coach_bg.wasm') }).catch((e) => {
      ready = null; // a later request tries again
      throw e;
    });
  }
  return ready;
}

// The settings as {settings, notice}: one storage read per worker start, dropped when
// they change. A read that failed (notice "storage") is not kept: the next request tries
// again.
let settingsCache = null;
let watching = false; // storage.onChanged is listened to (else: read on every request)
function currentSettings() {
  if (!watching) return loadSettings();
  if (!settingsCache) {
    const p = loadSettings();
    settingsCache = p;
    p.then((r) => { if (settingsCache === p && r.notice?.includes('storage')) settingsCache = null; });
  }
  return settingsCache;
}
try {
  api.storage.onChanged.addListener((changes, area) => {
    if (area === 'sync' && changes[STORAGE_KEY]) settingsCache = null;
  });
  watching = true;
} catch {
  /* storage events unavailable: every request reads the settings */
}

const text = (v, max = 20000) => (typeof v === 'string' ? v.slice(0, max) : '');

async function handle(msg) {
  switch (msg?.type) {
    case 'analyze': {
      // The content script asks for a fresh read when it saw the settings change itself,
      // so its first request after a change never races this worker's storage event.
      if (msg.reloadSettings === true) settingsCache = null;
      const [{ settings, notice }] = await Promise.all([currentSettings(), engine()]);
      const platform = msg.platform === 'facebook' ? 'facebook' : 'x';
      const post = msg.post && typeof msg.post === 'object' && typeof msg.post.text === 'string' && msg.post.text.trim()
        ? {
          text: text(msg.post.text),
          author: typeof msg.post.author === 'string' ? text(msg.post.author, 200) : null,
          age_minutes: Number.isFinite(msg.post.age_minutes) && msg.post.age_minutes >= 0 ? msg.post.age_minutes : null,
        }
        : null;
      // The whole draft goes to the engine, never a slice of it: the engine windows long
      // input itself (MAX_REPLY_UNITS), says so in report.truncated and then offers no
      // rewrite. A draft cut here would come back with a rewrite of its start only, and
      // applying that rewrite (it replaces the whole draft) would delete the rest.
      const draft = typeof msg.draft === 'string' ? msg.draft : '';
      const exchange = { post, reply: draft, platform, profile: toProfile(settings, platform) };
      const report = analyze(exchange);
      return { ok: true, report, uiLanguage: settings.ui_language, settingsNotice: notice };
    }
    case 'rules': {
      await engine();
      const { settings } = await currentSettings();
      const lang = msg.lang === 'nl' || msg.lang === 'en' ? msg.lang : settings.ui_language;
      return { ok: true, rules: rules(lang) };
    }
    case 'version':
      await engine();
      return { ok: true, version: version() };
    case 'ping':
      return { ok: true };
    default:
      return { ok: false, error: 'unknown message' };
  }
}

const answer = (msg) => handle(msg).catch((e) => ({ ok: false, error: String(e?.message ?? e) }));

api.runtime.onMessage.addListener((msg, sender, sendResponse) => {
  if (sender?.id && sender.id !== api.runtime.id) return false;
  answer(msg).then(sendResponse);
  return true; // answer asynchronously
});

// The port: requests are {id, msg}, answers {id, resp}, in any order.
api.runtime.onConnect.addListener((port) => {
  if (port.name !== PORT_NAME) return;
  if (port.sender?.id && port.sender.id !== api.runtime.id) { port.disconnect(); return; }
  let open = true;
  port.onDisconnect.addListener(() => { open = false; void api.runtime.lastError; });
  port.onMessage.addListener((req) => {
    if (!req || typeof req !== 'object') return;
    answer(req.msg).then((resp) => {
      if (!open) return;
      try {
        port.postMessage({ id: req.id, resp });
      } catch {
        /* the content script went away meanwhile */
      }
    });
  });
});
