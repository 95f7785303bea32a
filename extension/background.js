// The engine's home: the service worker (Chromium) or background script (Firefox).
// A page's CSP decides whether WebAssembly may compile in a content script, so the
// wasm runs here, under the extension's own CSP ('wasm-unsafe-eval'). Content scripts,
// the popup and the options page send messages; this answers with the engine's report.
//
// The browser may stop this worker at any time. Nothing here keeps state that matters:
// the wasm is initialised lazily on the first message after each start (and awaited in
// the handler), and settings are read from storage on each request.
import init, { analyze, rules, version } from './pkg/reply_coach.js';
import { loadSettings, toProfile } from './shared/settings.js';

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

const text = (v, max = 20000) => (typeof v === 'string' ? v.slice(0, max) : '');

async function handle(msg) {
  switch (msg?.type) {
    case 'analyze': {
      const [{ settings, notice }] = await Promise.all([loadSettings(), engine()]);
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
      const { settings } = await loadSettings();
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

api.runtime.onMessage.addListener((msg, sender, sendResponse) => {
  if (sender?.id && sender.id !== api.runtime.id) return false;
  handle(msg).then(sendResponse, (e) => sendResponse({ ok: false, error: String(e?.message ?? e) }));
  return true; // answer asynchronously
});
