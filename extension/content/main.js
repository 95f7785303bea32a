// @ts-check
// Content script: finds the reply boxes of the site (through its adapter), attaches one
// BoxCoach per box, shows the coach (one CoachUI) next to the focused one, and cleans up
// when boxes leave the page (SPA navigation, virtualised lists). It is the only part that
// knows both: a coach's new state goes to the UI when its box is the one shown, and what
// the user asks for in the panel goes to that box's coach.
import { adaptersFor } from './adapters/index.js';
import { BoxCoach } from './box-coach.js';
import { CoachUI } from './coach-ui.js';
import { ruleTitles } from '../shared/report-view.js';
import { loadSettings, onSettingsChanged } from '../shared/settings.js';
import { EngineClient } from '../shared/protocol.js';
import { EnginePort } from '../shared/messaging.js';
import { OPEN_PANEL, matchesShortcut } from '../shared/shortcut.js';

/** @typedef {import('../shared/settings.js').Settings} Settings */
/** @typedef {import('./adapters/index.js').SiteAdapter} SiteAdapter */

function start() {
  if (globalThis.__replyCoachStarted) return;
  globalThis.__replyCoachStarted = true;

  const port = new EnginePort();
  const engine = new EngineClient((request) => port.request(request));
  // Set when this tab saw the settings change: the next request asks the worker to read
  // them again rather than trust its copy (its own storage event may still be on the way).
  let settingsChanged = false;

  const adapters = adaptersFor(location.hostname);
  /** @type {Map<HTMLElement, BoxCoach>} editor -> its coach */
  const coaches = new Map();
  /** @type {Settings | null} */
  let settings = null;
  /** @type {BoxCoach | null} the coach shown */
  let active = null;
  const ui = new CoachUI(document, {
    onIntent: (intent) => (active ? active.perform(intent).catch(() => /** @type {const} */ ('failed')) : Promise.resolve('none')),
    onOpenSettings: (field) => { engine.openSettings(field); },
    // the suggested reply's length is measured only while the panel shows it
    onOpen: () => { active?.run(true); },
    // a saved reply filled by the engine, for the post the box shown answers
    onFill: (text, values) => (active
      ? engine.fillSaved({ post: active.readPost(), text, values, platform: active.adapter.platform })
      : Promise.resolve({ ok: /** @type {const} */ (false), error: 'no reply box' })),
  });
  /** @type {Map<string, Promise<Map<string, string> | null>>} the engine's rule titles, by language */
  const titles = new Map();
  /**
   * The panel in `lang`, with the engine's names of the rules in it once they are known
   * (asked once per language; until then, or from an engine without titles, the
   * interface's own names).
   * @param {string} lang
   */
  const setLanguage = (lang) => {
    ui.setLanguage(lang);
    if (lang !== 'nl' && lang !== 'en') return;
    let got = titles.get(lang);
    if (!got) {
      // a failed request is asked again at the next change of language or analysis
      got = engine.rules(lang).then((r) => (r.ok ? ruleTitles(r.rules) : null), () => null);
      titles.set(lang, got);
    }
    got.then((m) => {
      if (m) ui.setRuleTitles(lang, m);
      else if (titles.get(lang) === got) titles.delete(lang);
    });
  };
  /** @type {import('./box-coach.js').CoachHost} */
  const host = {
    analyze(request) {
      const reloadSettings = settingsChanged;
      settingsChanged = false;
      return engine.analyze({ ...request, reloadSettings });
    },
    wantsRewriteLength: (coach) => coach === active && ui.open,
    onChange(coach) {
      if (coach === active) ui.update(coach.state);
    },
    onLanguage(lang) {
      setLanguage(lang);
    },
  };

  /** @param {SiteAdapter} adapter */
  const enabled = (adapter) => settings?.sites?.[adapter.platform] !== false;

  function scan() {
    if (!settings) return;
    for (const adapter of adapters) {
      for (const editor of adapter.findReplyBoxes(document)) {
        if (coaches.has(editor)) continue;
        if (!enabled(adapter)) continue;
        const coach = new BoxCoach(adapter, editor, host);
        coaches.set(editor, coach);
        if (editor.contains(document.activeElement) || editor === document.activeElement) activate(coach);
      }
    }
    for (const [editor, coach] of coaches) {
      if (!editor.isConnected || !enabled(coach.adapter)) {
        coach.destroy();
        coaches.delete(editor);
        if (active === coach) {
          active = null;
          ui.attach(null);
        }
      }
    }
  }

  /** @param {BoxCoach} coach */
  function activate(coach) {
    if (active !== coach) coach.setNotice(null); // a message about another box is not kept
    active = coach;
    ui.attach({ editor: coach.editor, composer: () => coach.adapter.composer(coach.editor) }, coach.state);
    coach.run();
  }

  let scanQueued = false;
  const queueScan = () => {
    if (scanQueued) return;
    scanQueued = true;
    setTimeout(() => { scanQueued = false; scan(); }, 100);
  };
  new MutationObserver(queueScan).observe(document.documentElement, { childList: true, subtree: true });

  // (page nodes are not tested with instanceof: a content script sees them through
  // another realm's wrappers in some browsers)
  /** @param {EventTarget | null} target */
  function coachFor(target) {
    const node = /** @type {Node} */ (target);
    for (const [editor, coach] of coaches) if (editor === node || editor.contains(node)) return coach;
    return null;
  }

  document.addEventListener('focusin', (e) => {
    const target = e.composedPath?.()[0] ?? e.target;
    if (ui.host.contains(/** @type {Node} */ (e.target)) || e.target === ui.host) return;
    let coach = coachFor(target);
    if (!coach) {
      scan();
      coach = coachFor(target);
    }
    if (coach) { if (active !== coach) activate(coach); return; }
    const editable = /** @type {Element | null} */ (target)?.closest?.('input, textarea, select, [contenteditable="true"], [role="textbox"]');
    if (editable) {
      active = null;
      ui.attach(null);
    }
  }, true);

  // The shortcut is the extension's `commands` entry: the browser delivers it to the
  // worker, which sends OPEN_PANEL to this tab. Where the browser leaves the key to the
  // page (it may, while a page's editor has the focus), the same shortcut, as the user
  // set it in the browser, is matched here too.
  /** @param {EventTarget | null} target */
  const openFor = (target) => {
    const coach = coachFor(target) ?? active;
    if (!coach) return false;
    if (active !== coach) activate(coach);
    ui.openPanel(true);
    return true;
  };
  document.addEventListener('keydown', (e) => {
    if (!ui.shortcut || !matchesShortcut(e, ui.shortcut)) return;
    if (!coachFor(e.target)) return;
    e.preventDefault();
    e.stopPropagation();
    openFor(e.target);
  }, true);
  const api = globalThis.browser ?? globalThis.chrome;
  api.runtime.onMessage.addListener((/** @type {unknown} */ msg) => {
    if (msg && typeof msg === 'object' && /** @type {{type?: unknown}} */ (msg).type === OPEN_PANEL) {
      openFor(document.activeElement);
    }
    return false;
  });
  engine.shortcut().then((r) => { ui.setShortcut(r.ok ? r.shortcut : ''); });

  const refresh = async () => {
    const { settings: s } = await loadSettings();
    settings = s;
    setLanguage(s.ui_language);
    ui.setSavedReplies(s.saved_replies);
    scan();
    if (active && coaches.has(active.editor)) active.run(true);
  };
  onSettingsChanged(() => { settingsChanged = true; refresh(); });
  refresh();
  // No channel to the worker is kept open while the page is hidden or in the
  // back/forward cache; the next request opens a new one.
  window.addEventListener('pagehide', () => port.close());
}

start();
