// @ts-check
// The engine's home: the service worker (Chromium) or background script (Firefox).
// A page's CSP decides whether WebAssembly may compile in a content script, so the
// wasm runs here, under the extension's own CSP ('wasm-unsafe-eval'). Content scripts,
// the popup and the options page send the messages of shared/protocol.js; this answers
// them, with the engine's report among others.
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
import init, {
  analyze, rules, version, fillSavedReply, lintSavedReplies, starterReplies,
} from 'reply-coach-engine';
import { loadSettings, toProfile, checkSavedReply, STORAGE_KEY } from './shared/settings.js';
import { PORT_NAME, serve } from './shared/protocol.js';
import { settleFindings } from './shared/findings.js';
import { COMMAND, OPEN_PANEL } from './shared/shortcut.js';

/** @typedef {import('./shared/protocol.js').PortRequest} PortRequest */
/** @typedef {import('./shared/protocol.js').PortAnswer} PortAnswer */
/** @typedef {Awaited<ReturnType<typeof loadSettings>>} LoadedSettings */
/** @typedef {import('reply-coach-engine').Exchange} Exchange */
/** @typedef {import('reply-coach-engine').Report} Report */
/** @typedef {import('reply-coach-engine').Profile} Profile */

const api = globalThis.browser ?? globalThis.chrome;

/** @type {Promise<unknown> | null} */
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
/** @type {Promise<LoadedSettings> | null} */
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

// An engine from before the contract's signature style "organisation" refuses the value
// (serde: unknown variant); such an engine is asked again with "dash", and from then on
// (for this worker's life) at once.
let organisationRefused = false;
/**
 * @param {Exchange} exchange
 * @returns {Report}
 */
function run(exchange) {
  const p = exchange.profile;
  if (p.signature_style === 'organisation' && organisationRefused) {
    return analyze({ ...exchange, profile: { ...p, signature_style: 'dash' } });
  }
  try {
    return analyze(exchange);
  } catch (e) {
    if (p.signature_style !== 'organisation') throw e;
    organisationRefused = true;
    return analyze({ ...exchange, profile: { ...p, signature_style: 'dash' } });
  }
}

/**
 * The settings' Profile for a call other than analyze, with the same fallback for an
 * engine without the signature style "organisation".
 * @param {Profile} p
 * @template T
 * @param {(p: Profile) => T} call
 * @returns {T}
 */
function withProfile(p, call) {
  if (p.signature_style === 'organisation' && organisationRefused) return call({ ...p, signature_style: 'dash' });
  try {
    return call(p);
  } catch (e) {
    if (p.signature_style !== 'organisation') throw e;
    organisationRefused = true;
    return call({ ...p, signature_style: 'dash' });
  }
}

const answer = serve({
  async fillSaved(req) {
    const [{ settings }] = await Promise.all([currentSettings(), engine()]);
    const profile = toProfile(settings, req.platform);
    const filled = withProfile(profile, (p) => fillSavedReply({ post: req.post, reply: '', platform: req.platform, profile: p }, req.text, req.values));
    return { ok: true, text: filled.text, missing: filled.missing };
  },
  async lintSaved(req) {
    // Only valid saved replies reach the engine: one that is not (a blank title or text)
    // would make it refuse the whole profile.
    const replies = req.replies.map(checkSavedReply);
    if (replies.some((r) => r === null)) throw new Error('invalid saved reply');
    const [{ settings }] = await Promise.all([currentSettings(), engine()]);
    const base = toProfile(settings, 'x');
    /** @type {Profile} */
    const profile = { ...base, ui_language: req.lang ?? base.ui_language, saved_replies: /** @type {import('reply-coach-engine').SavedReply[]} */ (replies) };
    return { ok: true, results: withProfile(profile, (p) => lintSavedReplies(p)) };
  },
  async starterReplies(req) {
    await engine();
    return { ok: true, replies: starterReplies(req.lang) };
  },
  async analyze(req) {
    // The content script asks for a fresh read when it saw the settings change itself,
    // so its first request after a change never races this worker's storage event.
    if (req.reloadSettings) settingsCache = null;
    const [{ settings, notice }] = await Promise.all([currentSettings(), engine()]);
    /** @type {Exchange} */
    const exchange = { post: req.post, reply: req.draft, platform: req.platform, profile: toProfile(settings, req.platform) };
    const report = settleFindings(run(exchange), settings.disabled_rules);
    // The suggested reply's own length (the panel shows it under the suggested reply):
    // the engine counts it, as it counts the draft.
    const rw = report.rewrite;
    const rewriteLength = req.measureRewrite && rw !== null && rw !== undefined && rw !== req.draft
      ? run({ ...exchange, reply: rw }).length : null;
    return { ok: true, report, uiLanguage: settings.ui_language, settingsNotice: notice, rewriteLength };
  },
  async rules(req) {
    await engine();
    const { settings } = await currentSettings();
    return { ok: true, rules: rules(req.lang ?? settings.ui_language) };
  },
  async version() {
    await engine();
    return { ok: true, version: version() };
  },
  async shortcut() {
    const commands = await api.commands.getAll();
    return { ok: true, shortcut: commands.find((c) => c.name === COMMAND)?.shortcut ?? '' };
  },
  async openSettings(req) {
    await api.tabs.create({ url: api.runtime.getURL(`options/options.html${req.field ? `#${req.field}` : ''}`) });
    return { ok: true };
  },
});

// The first install opens the setup page (welcome/), unless settings are already there
// (synced from another computer).
api.runtime.onInstalled.addListener(async (details) => {
  if (details.reason !== 'install') return;
  try {
    const got = await api.storage.sync.get(STORAGE_KEY);
    if (got?.[STORAGE_KEY]) return;
  } catch {
    /* storage unreadable: set up anew */
  }
  await api.tabs.create({ url: api.runtime.getURL('welcome/welcome.html') });
});

// The shortcut (manifest `commands`, changeable by the user): the panel of the tab's
// focused reply box opens.
api.commands.onCommand.addListener(async (command, tab) => {
  if (command !== COMMAND) return;
  const id = tab?.id ?? (await api.tabs.query({ active: true, lastFocusedWindow: true }))[0]?.id;
  if (id === undefined) return;
  try {
    await api.tabs.sendMessage(id, { type: OPEN_PANEL });
  } catch {
    /* no coach on this tab */
  }
});

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
  port.onMessage.addListener((/** @type {PortRequest} */ req) => {
    if (!req || typeof req !== 'object') return;
    answer(req.msg).then((resp) => {
      if (!open) return;
      try {
        port.postMessage(/** @type {PortAnswer} */ ({ id: req.id, resp }));
      } catch {
        /* the content script went away meanwhile */
      }
    });
  });
});
