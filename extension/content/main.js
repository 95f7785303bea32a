// Content script: finds the reply boxes of the site (through its adapter), attaches one
// BoxCoach per box, shows the coach next to the focused one, and cleans up when boxes
// leave the page (SPA navigation, virtualised lists).
import { xAdapter } from './adapters/x.js';
import { facebookAdapter } from './adapters/facebook.js';
import { BoxCoach, engine, markSettingsChanged } from './box-coach.js';
import { CoachUI } from './coach-ui.js';
import { loadSettings, onSettingsChanged } from '../shared/settings.js';

const ADAPTERS = [xAdapter, facebookAdapter];

function adaptersFor(hostname) {
  const host = hostname.toLowerCase();
  const matched = ADAPTERS.filter((a) => a.hosts.some((hh) => host === hh || host.endsWith(`.${hh}`)));
  // Development builds also run on 127.0.0.1/localhost (the demo pages): recognise the
  // boxes by their DOM there.
  return matched.length ? matched : ADAPTERS;
}

function start() {
  if (globalThis.__replyCoachStarted) return;
  globalThis.__replyCoachStarted = true;

  const adapters = adaptersFor(location.hostname);
  const coaches = new Map(); // editor -> BoxCoach
  let settings = null;
  const ui = new CoachUI(document);
  const host = {
    ui,
    onReport(coach, resp) {
      if (resp?.uiLanguage) ui.setLanguage(resp.uiLanguage);
      if (resp?.settingsNotice) ui.say('settingsReset');
      if (ui.coach === coach) ui.render();
    },
  };

  const enabled = (adapter) => settings?.sites?.[adapter.platform] !== false;

  function scan() {
    if (!settings) return;
    for (const adapter of adapters) {
      for (const editor of adapter.findReplyBoxes(document)) {
        if (coaches.has(editor)) continue;
        if (!enabled(adapter)) continue;
        if (adapters.length > 1 && [...coaches.values()].some((c) => c.editor === editor)) continue;
        coaches.set(editor, new BoxCoach(adapter, editor, host));
        if (editor.contains(document.activeElement) || editor === document.activeElement) activate(coaches.get(editor));
      }
    }
    for (const [editor, coach] of coaches) {
      if (!editor.isConnected || !enabled(coach.adapter)) {
        coach.destroy();
        coaches.delete(editor);
        ui.detach(coach);
      }
    }
  }

  function activate(coach) {
    ui.attach(coach);
    coach.run();
  }

  let scanQueued = false;
  const queueScan = () => {
    if (scanQueued) return;
    scanQueued = true;
    setTimeout(() => { scanQueued = false; scan(); }, 100);
  };
  new MutationObserver(queueScan).observe(document.documentElement, { childList: true, subtree: true });

  function coachFor(target) {
    for (const [editor, coach] of coaches) if (editor === target || editor.contains(target)) return coach;
    return null;
  }

  document.addEventListener('focusin', (e) => {
    const target = e.composedPath?.()[0] ?? e.target;
    if (ui.host.contains(e.target) || e.target === ui.host) return;
    let coach = coachFor(target);
    if (!coach) {
      scan();
      coach = coachFor(target);
    }
    if (coach) { if (ui.coach !== coach) activate(coach); return; }
    const editable = target?.closest?.('input, textarea, select, [contenteditable="true"], [role="textbox"]');
    if (editable) ui.attach(null);
  }, true);

  document.addEventListener('keydown', (e) => {
    if (!(e.altKey && e.shiftKey && e.code === 'KeyC')) return;
    const coach = coachFor(e.target);
    if (!coach) return;
    e.preventDefault();
    e.stopPropagation();
    if (ui.coach !== coach) activate(coach);
    ui.openPanel(true);
  }, true);

  const refresh = async () => {
    const { settings: s } = await loadSettings();
    settings = s;
    ui.setLanguage(s.ui_language);
    scan();
    for (const coach of coaches.values()) if (coach === ui.coach) coach.run(true);
  };
  onSettingsChanged(() => { markSettingsChanged(); refresh(); });
  refresh();
  // No channel to the worker is kept open while the page is hidden or in the
  // back/forward cache; the next request opens a new one.
  window.addEventListener('pagehide', () => engine.close());
}

start();
