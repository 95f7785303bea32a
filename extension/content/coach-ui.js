// @ts-check
// The inline coach: a badge (count + worst severity) beside the focused reply box and a
// panel with the coaching, in an open shadow root attached to <body>, positioned with
// `position: fixed` outside the site's composer so it never covers the send button or
// the emoji picker. The panel opens on the side of the box with the most room, and the
// suggested reply with its "Use this reply" button comes first (shared/report-view.js).
//
// Keyboard: the badge is a button; the extension's shortcut (a `commands` entry the user
// can change in the browser) opens the panel and focuses it; Escape closes it and
// returns to the reply box. After a fix the focus stays in the panel, on the next point;
// Ctrl+Z there is the editor's own undo of that change (as the toast says), and puts the
// focus back in the reply box.
//
// It renders a plain state (a CoachState of content/box-coach.js) and knows nothing of
// where it comes from: main.js attaches it to a box (`attach`), hands it each new state
// (`update`), and gets what the user asks for back as Intents (`onIntent`), each
// answered with an Outcome that the toast reports.
import { t } from '../shared/i18n.js';
import { displayShortcut } from '../shared/shortcut.js';
import { h, renderReport, summarise, findingKey, ruleTitle, REPORT_CSS, THEME_CSS } from '../shared/report-view.js';
import { RAW_PLACEHOLDER } from '../shared/protocol.js';

/** @typedef {import('./box-coach.js').CoachState} CoachState */
/** @typedef {import('./box-coach.js').Intent} Intent */
/** @typedef {import('./box-coach.js').Outcome} Outcome */
/** @typedef {import('reply-coach-engine').SavedReply} SavedReply */
/** @typedef {import('../shared/protocol.js').FillSavedResponse} FillSavedResponse */
/** @typedef {import('../shared/protocol.js').Failure} Failure */
/**
 * The box the coach is shown beside: its editor, and the composer around it (the editor
 * with its toolbar and send button), which the coach never covers.
 * @typedef {{editor: HTMLElement, composer: () => HTMLElement}} Target
 */
/**
 * What the panel asks of its host besides the coach's intents.
 * @typedef {object} UIEvents
 * @property {(intent: Intent) => Promise<Outcome>} onIntent  what the user asks for
 * @property {(field: string) => void} onOpenSettings  open the settings at a field
 * @property {() => void} onOpen  the panel was opened
 * @property {(text: string, values: Record<string, string>) => Promise<FillSavedResponse | Failure>} onFill
 *   a saved reply's placeholders filled by the engine for the box shown
 */

const BADGE = 28;
const GAP = 8;
const PANEL_WIDTH = 380;
const TOAST_MS = 8000;

const UI_CSS = `
:host{all:initial}
.root{font:13px/1.4 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:var(--rc-fg)}
[hidden]{display:none !important}
.badge{position:fixed;z-index:2147483646;width:${BADGE}px;height:${BADGE}px;border-radius:50%;border:2px solid var(--rc-bg);
  box-shadow:0 1px 4px rgba(0,0,0,.35);font:700 12px/1 system-ui,sans-serif;color:var(--rc-on-accent);background:var(--rc-ok);cursor:pointer;padding:0;
  display:flex;align-items:center;justify-content:center;transition:background-color .15s}
.badge[data-severity="error"]{background:var(--rc-error)}
.badge[data-severity="warning"]{background:var(--rc-warning)}
.badge[data-severity="suggestion"]{background:var(--rc-accent)}
.badge[data-state="idle"]{background:var(--rc-muted)}
.badge[data-state="failed"]{background:var(--rc-muted)}
.badge[data-advice="dont_respond"]{box-shadow:0 0 0 3px var(--rc-error),0 1px 4px rgba(0,0,0,.35)}
.badge:focus-visible{outline:3px solid var(--rc-focus);outline-offset:2px}
.panel{position:fixed;z-index:2147483647;width:${PANEL_WIDTH}px;max-width:calc(100vw - 16px);background:var(--rc-bg);color:var(--rc-fg);
  border:1px solid var(--rc-line);border-radius:12px;box-shadow:var(--rc-shadow);display:flex;flex-direction:column;overflow:hidden}
.panel:focus{outline:none}
.panel:focus-visible{outline:2px solid var(--rc-focus);outline-offset:1px}
.panel header{display:flex;align-items:center;gap:8px;padding:6px 8px 6px 12px;border-bottom:1px solid var(--rc-line)}
.panel header h2{font-size:14px;margin:0;flex:1}
.panel header button{background:none;border:0;color:var(--rc-muted);font:inherit;cursor:pointer;border-radius:6px;padding:2px 6px}
.panel header .close{font-size:18px;line-height:1}
.panel header button:focus-visible{outline:2px solid var(--rc-focus)}
.body{overflow:auto;overscroll-behavior:contain;flex:1 1 auto;min-height:0}
.notice{margin:0;padding:6px 12px;font-size:12px;background:var(--rc-warn-bg);color:var(--rc-fg)}
.notice:empty{display:none}
.toast{display:flex;align-items:center;gap:8px;margin:0;padding:6px 12px;font-size:12px;background:var(--rc-fg);color:var(--rc-bg)}
.toast:empty{display:none}
.toast button{font:inherit;font-size:12px;font-weight:700;background:none;border:1px solid var(--rc-bg);color:var(--rc-bg);border-radius:999px;padding:1px 10px;cursor:pointer}
.toast button:focus-visible{outline:2px solid var(--rc-bg);outline-offset:2px}
.hint{font-size:12px;color:var(--rc-muted);padding:4px 12px 6px;margin:0;border-top:1px solid var(--rc-line)}
.foot{padding:6px 12px;border-top:1px solid var(--rc-line)}
.foot button{font:inherit;font-size:12px;font-weight:600;border:1px solid var(--rc-line-strong);background:var(--rc-bg);color:var(--rc-fg);border-radius:999px;padding:3px 10px;cursor:pointer}
.foot button[aria-expanded="true"]{background:var(--rc-chip)}
.foot button:focus-visible{outline:2px solid var(--rc-focus);outline-offset:2px}
.saved{padding:8px 12px;overflow:auto;overscroll-behavior:contain;flex:1 1 auto;min-height:0}
.saved label{display:block;font-size:12px;font-weight:600;margin:0 0 4px}
.saved input{box-sizing:border-box;width:100%;font:inherit;color:var(--rc-fg);background:var(--rc-bg);border:1px solid var(--rc-line-strong);border-radius:6px;padding:4px 8px;margin:0 0 8px}
.saved input:focus-visible{outline:2px solid var(--rc-focus);outline-offset:1px}
.saved ul{list-style:none;margin:0;padding:0}
.saved li{margin:0 0 6px}
.saved .pick{display:block;width:100%;text-align:start;font:inherit;color:var(--rc-fg);background:var(--rc-bg);border:1px solid var(--rc-line-strong);border-radius:8px;padding:4px 8px;cursor:pointer}
.saved .pick:hover{background:var(--rc-chip)}
.saved .pick:focus-visible,.saved .act:focus-visible{outline:2px solid var(--rc-focus);outline-offset:2px}
.saved .pick-title{font-weight:600}
.saved .pick-meta,.saved .pick-text,.saved .saved-empty{display:block;font-size:12px;color:var(--rc-muted);overflow-wrap:anywhere}
.saved .pick-text{white-space:nowrap;overflow:hidden;text-overflow:ellipsis}
.saved .ask-title{font-size:12px;margin:0 0 6px}
.saved .saved-error{font-size:12px;margin:0 0 6px;color:var(--rc-fg);background:var(--rc-warn-bg);padding:2px 6px;border-radius:4px}
.saved .saved-error:empty{display:none}
.saved .acts{display:flex;gap:8px;flex-wrap:wrap}
.saved .act{font:inherit;font-size:12px;border:1px solid var(--rc-line-strong);background:var(--rc-bg);color:var(--rc-fg);border-radius:999px;padding:3px 10px;cursor:pointer}
.saved .act.primary{background:var(--rc-accent);border-color:var(--rc-accent);color:var(--rc-on-accent)}
`;

/**
 * The saved replies in the order the picker lists them: those that match every word of
 * the filter (in the title, the text or the tags), in `lang` first, then those with no
 * language, then the rest; each keeps its index in the library.
 * @param {readonly SavedReply[]} replies
 * @param {string} filter
 * @param {string | null} lang  the reply's language
 * @returns {{reply: SavedReply, index: number}[]}
 */
export function pickList(replies, filter, lang) {
  const words = filter.toLowerCase().split(/\s+/).filter(Boolean);
  const rank = (/** @type {SavedReply} */ r) => (lang && r.language === lang ? 0 : r.language ? 2 : 1);
  return replies
    .map((reply, index) => ({ reply, index }))
    .filter(({ reply }) => {
      const hay = [reply.title, reply.text, ...(reply.tags ?? [])].join(' ').toLowerCase();
      return words.every((w) => hay.includes(w));
    })
    .sort((a, b) => rank(a.reply) - rank(b.reply) || a.index - b.index);
}

/** @param {string} c  a computed colour, "rgb(…)" or "rgba(…)" */
function parseColor(c) {
  const m = String(c).match(/rgba?\(([^)]+)\)/);
  if (!m) return null;
  const [r, g, b, a = 1] = m[1].split(/[ ,/]+/).filter(Boolean).map(Number);
  return { r, g, b, a };
}

/** @param {Element} el @returns {'dark' | 'light'} */
export function detectTheme(el) {
  const win = el.ownerDocument.defaultView;
  if (!win) return 'light';
  /** @type {Element | null} */
  let n = el;
  for (; n && n.nodeType === 1; n = n.parentElement) {
    const c = parseColor(win.getComputedStyle(n).backgroundColor);
    if (c && c.a > 0.5) {
      const lum = (0.2126 * c.r + 0.7152 * c.g + 0.0722 * c.b) / 255;
      return lum < 0.45 ? 'dark' : 'light';
    }
  }
  return win.matchMedia?.('(prefers-color-scheme: dark)').matches ? 'dark' : 'light';
}

/**
 * Writes an attribute only when its value changes (null removes it): a report that
 * changes nothing visible costs no style invalidation and no mutation records.
 * @param {Element} el
 * @param {string} name
 * @param {string | null} value
 */
function setAttr(el, name, value) {
  if (value === null) {
    if (el.hasAttribute(name)) el.removeAttribute(name);
  } else if (el.getAttribute(name) !== value) {
    el.setAttribute(name, value);
  }
}

/** The least height worth opening into: the suggested reply and the first point. */
const MIN_USEFUL = 320;

/**
 * Where the panel goes, given the room around the box: right of it when a whole panel
 * fits there (beside a thread is usually empty space); else below or above, where all of
 * it fits (below first); else below or above, whichever has more room, when that room
 * shows the suggested reply and the first point; else left of the box, when a panel fits
 * there (it may cover the post being answered, so it comes last); else the larger of
 * below and above.
 * @param {{below: number, above: number, right: number, left: number, width: number, needed: number, tall: number}} room
 *   free space in px on each side, the panel's width, the height its content needs, and
 *   the height of the viewport less the margins
 * @returns {'right' | 'left' | 'below' | 'above'}
 */
export function placePanel({ below, above, right, left, width, needed, tall }) {
  const want = Math.min(needed, tall);
  const larger = below >= above ? 'below' : 'above';
  if (right >= width) return 'right';
  if (below >= want) return 'below';
  if (above >= want) return 'above';
  if (Math.max(below, above) >= MIN_USEFUL) return larger;
  if (left >= width) return 'left';
  return larger;
}

export class CoachUI {
  /**
   * @param {Document} doc
   * @param {UIEvents} events
   */
  constructor(doc, events) {
    this.doc = doc;
    this.events = events;
    /** @type {Target | null} */
    this.target = null;
    /** @type {CoachState | null} */
    this.state = null;
    this.open = false;
    this.lang = 'en';
    /** @type {Map<string, string>} the engine's rule titles in `lang` (empty: the interface's names) */
    this.titles = new Map();
    /** @type {string | null} the extension's shortcut as the browser shows it ('' = none set) */
    this.shortcut = null;
    this.lastSignature = '';
    /** @type {boolean | null} what renderPending last wrote (null: not known) */
    this.pending = null;
    this.placed = false; // the badge has been positioned for this target
    this.layoutPending = false; // a layout is queued for the next animation frame
    /** @type {string | null} the language the panel's fixed strings are in */
    this.chromeLang = null;
    // What the panel shows of the report, for the box shown (reset for another box).
    this.showAll = false;
    this.showDismissed = false;
    this.showMore = false;
    /** @type {Intent | null} what the toast's Undo does */
    this.toastUndo = null;
    /** @type {ReturnType<typeof setTimeout> | undefined} */
    this.toastTimer = undefined;
    this.host = h(doc, 'div', { 'data-reply-coach': 'host' });
    this.host.style.cssText = 'position:static !important;display:block !important;width:0 !important;height:0 !important;margin:0 !important;padding:0 !important;border:0 !important';
    this.shadow = this.host.attachShadow({ mode: 'open' });
    const style = h(doc, 'style', { text: THEME_CSS + UI_CSS + REPORT_CSS });
    this.root = h(doc, 'div', { class: 'root' });
    this.badge = h(doc, 'button', {
      type: 'button', class: 'badge', 'data-reply-coach': 'badge', 'aria-haspopup': 'dialog', 'aria-expanded': 'false',
      'aria-controls': 'rc-panel', 'data-state': 'idle', hidden: true,
    });
    this.panel = h(doc, 'div', {
      id: 'rc-panel', class: 'panel', 'data-reply-coach': 'panel', role: 'dialog', 'aria-modal': 'false',
      'aria-labelledby': 'rc-title', tabindex: '-1', hidden: true,
    });
    this.title = h(doc, 'h2', { id: 'rc-title' });
    this.settingsBtn = h(doc, 'button', { type: 'button', 'data-action': 'open-settings', 'data-field': '', 'data-key': 'settings' });
    this.closeBtn = h(doc, 'button', { type: 'button', class: 'close', 'data-action': 'close', 'data-key': 'close', text: '×' });
    this.notice = h(doc, 'p', { class: 'notice', role: 'status', 'aria-live': 'polite', 'data-reply-coach': 'notice' });
    this.body = h(doc, 'div', { class: 'body', 'data-reply-coach': 'body' });
    this.toast = h(doc, 'div', { class: 'toast', role: 'status', 'aria-live': 'polite', 'data-reply-coach': 'toast' });
    this.hint = h(doc, 'p', { class: 'hint', 'data-reply-coach': 'hint' });
    // The saved-replies picker: a button at the panel's foot opens it in the report's place.
    /** @type {readonly SavedReply[]} */
    this.savedReplies = [];
    this.savedOpen = false;
    /** @type {{index: number, reply: SavedReply, missing: string[]} | null} the placeholders being asked for */
    this.asking = null;
    this.savedBtn = h(doc, 'button', {
      type: 'button', 'data-action': 'toggle-saved', 'data-key': 'toggle-saved', 'aria-expanded': 'false', 'aria-controls': 'rc-saved',
    });
    this.savedFilter = /** @type {HTMLInputElement} */ (h(doc, 'input', {
      type: 'search', id: 'rc-saved-filter', 'data-reply-coach': 'saved-filter', autocomplete: 'off', spellcheck: 'false',
    }));
    this.savedFilterLabel = h(doc, 'label', { for: 'rc-saved-filter' });
    this.savedList = h(doc, 'ul', { 'data-reply-coach': 'saved-list' });
    this.savedAsk = h(doc, 'div', { 'data-reply-coach': 'saved-ask', hidden: true });
    this.savedError = h(doc, 'p', { class: 'saved-error', role: 'alert', 'data-reply-coach': 'saved-error' });
    this.saved = h(doc, 'section', { id: 'rc-saved', class: 'saved', 'data-reply-coach': 'saved', 'aria-labelledby': 'rc-saved-title', hidden: true },
      h(doc, 'h3', { id: 'rc-saved-title', class: 'sr-only', style: 'position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0)' }),
      this.savedError, h(doc, 'div', {}, this.savedFilterLabel, this.savedFilter, this.savedList), this.savedAsk);
    this.savedFilter.addEventListener('input', () => this.renderSavedList());
    this.savedFilter.addEventListener('keydown', (e) => {
      if (e.key === 'Enter') {
        e.preventDefault();
        /** @type {HTMLElement | null} */ (this.savedList.querySelector('button'))?.click();
      } else if (e.key === 'ArrowDown') {
        e.preventDefault();
        /** @type {HTMLElement | null} */ (this.savedList.querySelector('button'))?.focus();
      }
    });
    this.savedList.addEventListener('keydown', (e) => {
      if (e.key !== 'ArrowDown' && e.key !== 'ArrowUp') return;
      const buttons = /** @type {HTMLElement[]} */ ([...this.savedList.querySelectorAll('button')]);
      const at = buttons.indexOf(/** @type {HTMLElement} */ (this.shadow.activeElement));
      if (at < 0) return;
      e.preventDefault();
      if (e.key === 'ArrowUp' && at === 0) this.savedFilter.focus();
      else buttons[Math.max(0, Math.min(buttons.length - 1, at + (e.key === 'ArrowDown' ? 1 : -1)))].focus();
    });
    this.savedAsk.addEventListener('keydown', (e) => {
      if (e.key === 'Enter' && /** @type {Element} */ (e.target).tagName === 'INPUT') { e.preventDefault(); this.insertAsked(); }
    });
    // (its button at the foot, after the report: the suggested reply stays the first stop
    // after the header's)
    this.panel.append(h(doc, 'header', {}, this.title, this.settingsBtn, this.closeBtn), this.notice, this.saved, this.body, this.toast,
      h(doc, 'div', { class: 'foot' }, this.savedBtn), this.hint);
    this.root.append(this.badge, this.panel);
    this.shadow.append(style, this.root);

    this.badge.addEventListener('click', () => this.toggle(true));
    this.panel.addEventListener('click', (e) => this.onPanelClick(e));
    this.panel.addEventListener('keydown', (e) => this.onPanelKey(e));
    this.panel.addEventListener('toggle', () => this.layout(), true);
    const relayout = () => this.scheduleLayout();
    const win = doc.defaultView ?? window;
    win.addEventListener('scroll', relayout, { capture: true, passive: true });
    win.addEventListener('resize', relayout, { passive: true });
    this.resizeObserver = new ResizeObserver(relayout);
  }

  mount() {
    if (!this.host.isConnected) (this.doc.body ?? this.doc.documentElement).append(this.host);
  }

  /** @param {string} lang */
  setLanguage(lang) {
    if (lang === this.lang) return;
    this.lang = lang;
    this.titles = new Map();
    this.lastSignature = '';
    this.chromeLang = null;
    this.render();
  }

  /**
   * The engine's rule titles for `lang` (RuleDoc.title), for the buttons and toasts that
   * name a rule; ignored when the panel has changed language since they were asked for.
   * @param {string} lang @param {Map<string, string>} titles
   */
  setRuleTitles(lang, titles) {
    if (lang !== this.lang || titles === this.titles) return;
    this.titles = titles;
    this.lastSignature = '';
    this.render();
  }

  /**
   * The library of saved replies (from the settings).
   * @param {readonly SavedReply[]} replies
   */
  setSavedReplies(replies) {
    if (JSON.stringify(replies) === JSON.stringify(this.savedReplies)) return;
    this.savedReplies = replies;
    if (this.asking && !replies.some((r) => r.title === this.asking?.reply.title && r.text === this.asking.reply.text)) this.asking = null;
    this.renderSaved();
  }

  /**
   * Opens or closes the picker; opened, the filter has the focus.
   * @param {boolean} open
   */
  toggleSaved(open) {
    this.savedOpen = open;
    this.asking = null;
    this.savedFilter.value = '';
    this.savedError.textContent = '';
    this.renderSaved();
    if (open) this.savedFilter.focus({ preventScroll: true });
    else this.savedBtn.focus({ preventScroll: true });
    this.scheduleLayout();
  }

  // The picker: the list (filtered), or the placeholders being asked for.
  renderSaved() {
    const lang = this.lang;
    this.savedBtn.setAttribute('aria-expanded', String(this.savedOpen));
    this.saved.hidden = !this.savedOpen;
    // the picker takes the report's place while it is open
    this.body.hidden = this.savedOpen;
    if (!this.savedOpen) return;
    const title = this.saved.querySelector('h3');
    if (title) title.textContent = t(lang, 'savedOpen');
    this.savedFilterLabel.textContent = t(lang, 'savedFilter');
    const listBox = /** @type {HTMLElement} */ (this.savedList.parentElement);
    listBox.hidden = this.asking !== null;
    this.savedAsk.hidden = this.asking === null;
    if (this.asking) this.renderAsk(this.asking);
    else this.renderSavedList();
  }

  /** The reply's language: the draft's, or for an empty draft the post's. */
  replyLanguage() {
    const s = this.state;
    if (!s?.report) return this.lang;
    return s.draft.trim() ? s.report.language : (s.report.incoming.language ?? s.report.language);
  }

  renderSavedList() {
    const doc = this.doc;
    const lang = this.lang;
    if (!this.savedReplies.length) {
      this.savedList.replaceChildren(h(doc, 'li', { class: 'saved-empty', text: t(lang, 'savedNoneYet') }));
      return;
    }
    const shown = pickList(this.savedReplies, this.savedFilter.value, this.replyLanguage());
    if (!shown.length) {
      this.savedList.replaceChildren(h(doc, 'li', { class: 'saved-empty', text: t(lang, 'savedNoMatch') }));
      return;
    }
    this.savedList.replaceChildren(...shown.map(({ reply, index }) => {
      const meta = [reply.language ? reply.language.toUpperCase() : '', ...(reply.tags ?? [])].filter(Boolean).join(' · ');
      return h(doc, 'li', {},
        h(doc, 'button', {
          type: 'button', class: 'pick', 'data-action': 'pick-saved', 'data-index': String(index), 'data-key': `saved-${index}`,
          'aria-describedby': `rc-saved-text-${index}`,
        },
        h(doc, 'span', { class: 'pick-title', text: reply.title }),
        meta ? h(doc, 'span', { class: 'pick-meta', text: meta }) : null,
        h(doc, 'span', { class: 'pick-text', id: `rc-saved-text-${index}`, text: reply.text })));
    }));
  }

  /** @param {{index: number, reply: SavedReply, missing: string[]}} asking */
  renderAsk(asking) {
    const doc = this.doc;
    const lang = this.lang;
    const kept = new Map([...this.savedAsk.querySelectorAll('input')].map((i) => [i.dataset.placeholder, i.value]));
    this.savedAsk.replaceChildren(
      h(doc, 'p', { class: 'ask-title', text: t(lang, 'savedAsk', asking.reply.title) }),
      ...asking.missing.map((name, i) => {
        const id = `rc-saved-value-${i}`;
        const input = /** @type {HTMLInputElement} */ (h(doc, 'input', {
          id, type: 'text', 'data-placeholder': name, 'data-reply-coach': 'saved-value', autocomplete: 'off', maxlength: '200',
        }));
        input.value = kept.get(name) ?? '';
        return h(doc, 'div', {}, h(doc, 'label', { for: id, text: name.replace(/[_-]+/g, ' ') }), input);
      }),
      h(doc, 'div', { class: 'acts' },
        h(doc, 'button', { type: 'button', class: 'act primary', 'data-action': 'saved-insert', 'data-key': 'saved-insert', text: t(lang, 'savedInsert') }),
        h(doc, 'button', { type: 'button', class: 'act', 'data-action': 'saved-back', 'data-key': 'saved-back', text: t(lang, 'savedBack') })));
  }

  /**
   * A saved reply picked: filled by the engine; inserted when nothing is missing, else
   * its missing placeholders are asked for.
   * @param {number} index
   */
  async pickSaved(index) {
    const reply = this.savedReplies[index];
    if (!reply) return;
    await this.fillAndInsert(index, reply, {});
  }

  // The values typed for the placeholders asked for: all of them, without braces.
  async insertAsked() {
    const asking = this.asking;
    if (!asking) return;
    /** @type {Record<string, string>} */
    const values = {};
    let first = /** @type {HTMLInputElement | null} */ (null);
    for (const input of this.savedAsk.querySelectorAll('input')) {
      const v = input.value.trim();
      if (!v || /[{}]/.test(v)) { first ??= input; continue; }
      values[input.dataset.placeholder ?? ''] = v;
    }
    if (first) {
      this.savedError.textContent = t(this.lang, 'savedStillMissing');
      first.focus();
      return;
    }
    await this.fillAndInsert(asking.index, asking.reply, values);
  }

  /**
   * @param {number} index
   * @param {SavedReply} reply
   * @param {Record<string, string>} values
   */
  async fillAndInsert(index, reply, values) {
    this.savedError.textContent = '';
    const filled = await this.events.onFill(reply.text, values);
    if (!filled.ok) {
      this.savedError.textContent = t(this.lang, 'savedFillFailed', filled.error);
      return;
    }
    // A raw {…} never goes into the box: what is left is asked for.
    const missing = filled.missing.length ? filled.missing
      : RAW_PLACEHOLDER.test(filled.text) ? [...new Set([...filled.text.matchAll(/\{([\p{L}\p{N}_-]+)\}/gu)].map((m) => m[1]))] : [];
    if (missing.length) {
      const again = this.asking?.index === index;
      this.asking = { index, reply, missing };
      if (again && Object.keys(values).length) this.savedError.textContent = t(this.lang, 'savedStillMissing');
      this.renderSaved();
      /** @type {HTMLElement | null} */ (this.savedAsk.querySelector('input'))?.focus({ preventScroll: true });
      this.scheduleLayout();
      return;
    }
    this.asking = null;
    this.savedOpen = false;
    this.renderSaved();
    await this.act({ type: 'insert-saved', text: filled.text }, null);
  }

  /** @param {string} shortcut  as the browser shows it; '' when the user set none */
  setShortcut(shortcut) {
    if (shortcut === this.shortcut) return;
    this.shortcut = shortcut;
    this.chromeLang = null;
    this.render();
  }

  /**
   * Shows the coach beside `target` with `state`, or hides it (null).
   * @param {Target | null} target
   * @param {CoachState | null} [state]
   */
  attach(target, state = null) {
    if (target && this.target?.editor === target.editor) {
      if (state) this.state = state;
      this.render();
      return;
    }
    if (this.target) this.resizeObserver.disconnect();
    this.target = target;
    this.state = target ? state : null;
    this.lastSignature = '';
    for (const el of [this.badge, this.panel]) el.removeAttribute('data-pending');
    this.pending = null;
    this.placed = false;
    this.notice.textContent = '';
    this.showAll = this.showDismissed = this.showMore = false;
    this.savedOpen = false;
    this.asking = null;
    this.savedError.textContent = '';
    this.renderSaved();
    this.clearToast();
    if (!target) { this.badge.hidden = true; this.panel.hidden = true; this.open = false; return; }
    this.mount();
    this.resizeObserver.observe(target.editor);
    this.resizeObserver.observe(target.composer());
    this.host.dataset.theme = detectTheme(target.composer());
    this.render();
  }

  /**
   * A new state of the box shown: only what changed is drawn again. A draft that went
   * from text to nothing was sent (or cleared): the panel closes and forgets the toast.
   * @param {CoachState} state
   */
  update(state) {
    const prev = this.state;
    this.state = state;
    if (!this.target) return;
    if (prev?.draft.trim() && !state.draft.trim() && state.report) {
      this.clearToast();
      this.showAll = this.showDismissed = this.showMore = false;
      if (this.open) this.close(false);
    }
    if (!prev || prev.report !== state.report || prev.error !== state.error || prev.draft !== state.draft
      || prev.dismissed !== state.dismissed || prev.post !== state.post || prev.rewriteLength !== state.rewriteLength) {
      this.render();
    } else {
      this.renderNotice();
      this.renderPending();
    }
  }

  /** @param {boolean} focusPanel */
  toggle(focusPanel) {
    if (this.open) this.close(false);
    else this.openPanel(focusPanel);
  }

  /** @param {boolean} focusPanel */
  openPanel(focusPanel) {
    if (!this.target) return;
    const was = this.open;
    this.open = true;
    this.render();
    if (focusPanel) this.panel.focus({ preventScroll: true });
    if (!was) this.events.onOpen();
  }

  /** @param {boolean} returnFocus  to the reply box */
  close(returnFocus) {
    this.open = false;
    this.panel.hidden = true;
    this.badge.setAttribute('aria-expanded', 'false');
    if (returnFocus && this.target) this.target.editor.focus({ preventScroll: true });
  }

  // Test and screen-reader hook: the panel is about to change (a newer draft is being
  // analysed); aria-busy tells assistive technology, data-pending tells tests.
  renderPending() {
    const pending = this.state?.pending ?? false;
    if (pending === this.pending) return;
    this.pending = pending;
    for (const el of [this.badge, this.panel]) {
      if (pending) el.setAttribute('data-pending', '');
      else el.removeAttribute('data-pending');
    }
    this.panel.setAttribute('aria-busy', String(pending));
  }

  renderNotice() {
    const key = this.state?.notice;
    const text = key ? t(this.lang, key) : '';
    if (this.notice.textContent !== text) this.notice.textContent = text;
  }

  /**
   * A short message at the foot of the panel, with an Undo button when `undo` is given.
   * @param {string} text
   * @param {Intent | null} undo
   */
  showToast(text, undo) {
    clearTimeout(this.toastTimer);
    this.toastUndo = undo;
    this.toast.replaceChildren(h(this.doc, 'span', { text }));
    if (undo) {
      this.toast.append(h(this.doc, 'button', { type: 'button', 'data-action': 'toast-undo', 'data-key': 'toast-undo', text: t(this.lang, 'undo') }));
    }
    this.toastTimer = setTimeout(() => {
      // not while the user is on its button
      if (this.shadow.activeElement && this.toast.contains(this.shadow.activeElement)) return;
      this.clearToast();
    }, TOAST_MS);
    this.scheduleLayout();
  }

  clearToast() {
    clearTimeout(this.toastTimer);
    this.toastUndo = null;
    if (this.toast.childNodes.length) this.toast.replaceChildren();
  }

  /** @param {KeyboardEvent} e */
  onPanelKey(e) {
    if (e.key === 'Escape') {
      e.stopPropagation();
      e.preventDefault();
      // in the saved-replies picker: closes the picker first
      if (this.savedOpen && this.saved.contains(this.shadow.activeElement)) { this.toggleSaved(false); return; }
      this.close(true);
      return;
    }
    // Ctrl+Z (Cmd+Z) with the focus in the panel: undo what the panel last did (not in a
    // field of the saved-replies picker, where it undoes the typing there).
    if (/** @type {Element} */ (e.target).tagName === 'INPUT') return;
    if ((e.ctrlKey || e.metaKey) && !e.shiftKey && !e.altKey && e.key.toLowerCase() === 'z') {
      e.stopPropagation();
      e.preventDefault();
      const undo = this.state?.undoable ? /** @type {Intent} */ ({ type: 'undo' }) : this.toastUndo;
      if (undo) this.act(undo, null);
    }
  }

  /** @param {MouseEvent} e */
  onPanelClick(e) {
    const btn = /** @type {HTMLElement | null} */ (/** @type {Element} */ (e.target).closest('[data-action]'));
    if (!btn || !this.target) return;
    const action = btn.dataset.action;
    const index = Number(btn.dataset.index);
    switch (action) {
      case 'close': this.close(true); break;
      case 'open-settings': this.events.onOpenSettings(btn.dataset.field ?? ''); break;
      case 'toggle-all': this.showAll = !this.showAll; this.rerender(); break;
      case 'toggle-dismissed': this.showDismissed = !this.showDismissed; this.rerender(); break;
      case 'toggle-more': this.showMore = !this.showMore; this.rerender(); break;
      case 'copy-rewrite': this.copyRewrite(); break;
      case 'toggle-saved': this.toggleSaved(!this.savedOpen); break;
      case 'pick-saved': this.pickSaved(index); break;
      case 'saved-insert': this.insertAsked(); break;
      case 'saved-back':
        this.asking = null;
        this.savedError.textContent = '';
        this.renderSaved();
        this.savedFilter.focus({ preventScroll: true });
        break;
      case 'toast-undo': if (this.toastUndo) this.act(this.toastUndo, null); break;
      case 'apply-fix': this.act({ type: 'apply-fix', index }, btn); break;
      case 'apply-rewrite': this.act({ type: 'apply-rewrite' }, btn); break;
      case 'dismiss': this.act({ type: 'dismiss', index }, btn); break;
      case 'restore': this.act({ type: 'restore', key: btn.dataset.restore ?? '' }, btn); break;
    }
  }

  rerender() {
    this.lastSignature = '';
    this.render();
  }

  /**
   * Hands an intent to the coach, then tells the user what happened and keeps the focus
   * in the panel: on the point that took the place of the one acted on, else on the
   * toast's Undo, else on the panel.
   * @param {Intent} intent
   * @param {HTMLElement | null} from  the button pressed
   */
  async act(intent, from) {
    const s = this.state;
    const lang = this.lang;
    const items = [...this.body.querySelectorAll('li.finding:not([hidden])')];
    const li = from?.closest('li.finding');
    const slot = li ? items.indexOf(li) : -1;
    /** @type {string | null} */
    let title = null;
    if ((intent.type === 'dismiss' || intent.type === 'apply-fix') && s?.report) {
      const f = s.report.findings[intent.index];
      if (f) title = ruleTitle(lang, f.rule, this.titles.get(f.rule));
    }
    const dismissedKey = intent.type === 'dismiss' && s?.report?.findings[intent.index]
      ? findingKey(s.report.findings[intent.index], s.draft) : null;
    // The write and the analysis after it take a moment. When the person has meanwhile
    // gone on in the page (clicked into the reply box, typed, pressed Ctrl+Z there), the
    // focus stays where they took it: moving it back to the panel would send their next
    // keystrokes nowhere. (Events from inside the panel reach the document as the host.)
    let tookOver = false;
    /** @param {Event} e */
    const onPage = (e) => { if (e.isTrusted && e.target !== this.host) tookOver = true; };
    const watched = /** @type {const} */ (['pointerdown', 'keydown']);
    for (const type of watched) this.doc.addEventListener(type, onPage, true);
    /** @type {Outcome} */
    let outcome;
    try {
      outcome = await this.events.onIntent(intent);
    } finally {
      for (const type of watched) this.doc.removeEventListener(type, onPage, true);
    }
    if (!this.open) return;
    switch (outcome) {
      case 'applied': this.showToast(t(lang, 'toastApplied', title ?? ''), { type: 'undo' }); break;
      case 'rewritten': this.showToast(t(lang, 'toastRewritten'), { type: 'undo' }); break;
      case 'inserted': this.showToast(t(lang, 'toastInserted'), { type: 'undo' }); break;
      // the text is back in the reply box, and so is the focus: typing goes on there
      case 'undone': this.showToast(t(lang, 'toastUndone'), null); return;
      case 'dismissed':
        this.showToast(t(lang, 'toastDismissed', title ?? ''), dismissedKey ? { type: 'restore', key: dismissedKey } : null);
        break;
      case 'restored': this.showToast(t(lang, 'toastRestored'), null); break;
      default: break;
    }
    if (!tookOver) this.refocus(slot, outcome);
  }

  /**
   * @param {number} slot  the position of the point acted on among those shown (-1: none)
   * @param {Outcome} outcome
   */
  refocus(slot, outcome) {
    const inPanel = this.shadow.activeElement && this.panel.contains(this.shadow.activeElement)
      && this.shadow.activeElement !== this.panel;
    if (inPanel && outcome !== 'applied' && outcome !== 'dismissed' && outcome !== 'rewritten' && outcome !== 'inserted') return;
    const items = /** @type {HTMLElement[]} */ ([...this.body.querySelectorAll('li.finding:not([hidden])')]);
    /** @type {HTMLElement | null} */
    let target = null;
    if (slot >= 0 && items.length) {
      target = items[Math.min(slot, items.length - 1)].querySelector('button');
    }
    if (!target) target = /** @type {HTMLElement | null} */ (this.toast.querySelector('button'));
    if (!target) target = /** @type {HTMLElement | null} */ (this.body.querySelector('button'));
    (target ?? this.panel).focus({ preventScroll: false });
  }

  async copyRewrite() {
    const text = this.state?.report?.rewrite;
    if (!text) return;
    try {
      await navigator.clipboard.writeText(text);
      this.showToast(t(this.lang, 'toastCopied'), null);
    } catch {
      // No clipboard access on this page: select the text, so Ctrl+C copies it.
      const el = this.body.querySelector('[data-rewrite]');
      const sel = this.doc.getSelection();
      if (el && sel) {
        const range = this.doc.createRange();
        range.selectNodeContents(el);
        sel.removeAllRanges();
        sel.addRange(range);
      }
      this.showToast(t(this.lang, 'toastCopyFailed'), null);
    }
  }

  // Draws the state; only touches the DOM where something changed.
  render() {
    const s = this.state;
    if (!this.target || !s) return;
    const lang = this.lang;
    if (this.chromeLang !== lang) {
      this.chromeLang = lang;
      this.title.textContent = t(lang, 'extName');
      this.closeBtn.setAttribute('aria-label', t(lang, 'close'));
      this.settingsBtn.textContent = t(lang, 'openOptions');
      this.savedBtn.textContent = t(lang, 'savedOpen');
      this.renderSaved();
      this.hint.textContent = this.shortcut ? t(lang, 'panelHint', displayShortcut(this.shortcut))
        : this.shortcut === '' ? t(lang, 'panelHintNoShortcut') : t(lang, 'panelHintEsc');
    }
    this.renderNotice();
    const { count, worst } = summarise(s.report, s.draft, s.dismissed);
    const state = s.error ? 'failed' : !s.report ? 'idle' : !s.draft.trim() ? 'idle' : 'ready';
    const badgeText = state === 'failed' ? '!' : state === 'idle' ? '…' : count ? String(count) : '✓';
    const b = this.badge;
    if (b.textContent !== badgeText) b.textContent = badgeText;
    setAttr(b, 'data-state', state);
    setAttr(b, 'data-count', String(state === 'ready' ? count : 0));
    setAttr(b, 'data-severity', worst && state === 'ready' ? worst : null);
    setAttr(b, 'data-advice', s.report ? s.report.incoming.advice : null);
    const label = state === 'failed' ? t(lang, 'badgeFailed')
      : state === 'idle' ? t(lang, 'badgeIdle')
        : count ? t(lang, `badgeFindings_${count === 1 ? 'one' : 'other'}`, String(count), t(lang, `severity_${worst}`))
          : t(lang, 'badgeClean');
    setAttr(b, 'aria-label', label);
    setAttr(b, 'title', label);
    setAttr(b, 'aria-expanded', String(this.open));
    b.hidden = false;
    this.panel.hidden = !this.open;
    if (this.open) this.renderBody(s);
    this.renderPending();
    // Placed at once for a new box or with the panel open; a new report for the badge
    // alone has its position checked in the next animation frame (before it is
    // painted), so that it does not force a synchronous style and layout pass of the
    // page while the user types.
    if (!this.placed || this.open) {
      this.placed = true;
      this.layout();
    } else {
      this.scheduleLayout();
    }
  }

  /** @param {CoachState} s */
  renderBody(s) {
    const view = [this.showAll, this.showDismissed, this.showMore];
    const sig = JSON.stringify([this.lang, s.error, s.report, s.draft, [...s.dismissed], s.post, s.rewriteLength, view]);
    if (sig === this.lastSignature) return;
    this.lastSignature = sig;
    const openWhy = new Set([...this.body.querySelectorAll('details[open]')].map((d) => /** @type {HTMLElement} */ (d).dataset.key));
    const focusedKey = /** @type {HTMLElement | null} */ (this.shadow.activeElement)?.dataset?.key;
    const scroll = this.body.scrollTop;
    let content;
    if (s.error) {
      content = h(this.doc, 'p', { class: 'empty', style: 'padding:8px 12px', text: t(this.lang, 'engineError', s.error) });
    } else if (!s.report) {
      content = h(this.doc, 'p', { class: 'empty', style: 'padding:8px 12px', text: t(this.lang, 'analysing') });
    } else {
      content = renderReport(this.doc, s.report, s.draft, {
        lang: this.lang, actions: true, dismissed: s.dismissed, openWhy, post: s.post, rewriteLength: s.rewriteLength,
        titles: this.titles, showAll: this.showAll, showDismissed: this.showDismissed, showMore: this.showMore,
      });
    }
    this.body.replaceChildren(content);
    this.body.scrollTop = scroll;
    if (focusedKey && this.body.contains(this.shadow.activeElement) === false) {
      const again = [...this.body.querySelectorAll('[data-key]')].find((el) => /** @type {HTMLElement} */ (el).dataset.key === focusedKey);
      if (again) /** @type {HTMLElement} */ (again).focus({ preventScroll: true });
      else if (!this.panel.contains(this.shadow.activeElement)) this.panel.focus({ preventScroll: true });
    }
  }

  scheduleLayout() {
    if (this.layoutPending) return;
    this.layoutPending = true;
    requestAnimationFrame(() => { this.layoutPending = false; this.layout(); });
  }

  // Badge beside the composer (right of it when there is room, else above it); panel
  // outside the composer and the badge, where there is most room (placePanel).
  layout() {
    const target = this.target;
    if (!target) return;
    if (!target.editor.isConnected) return;
    const win = this.doc.defaultView ?? window;
    const vw = this.doc.documentElement.clientWidth || win.innerWidth;
    const vh = this.doc.documentElement.clientHeight || win.innerHeight;
    const comp = target.composer().getBoundingClientRect();
    const ed = target.editor.getBoundingClientRect();
    const visible = ed.width > 0 && ed.height > 0 && ed.bottom > 0 && ed.top < vh;
    this.root.style.visibility = visible ? 'visible' : 'hidden';
    if (!visible) return;
    let bx, by;
    if (comp.right + GAP + BADGE <= vw - 4) { bx = comp.right + GAP; by = Math.max(4, Math.min(vh - BADGE - 4, ed.top)); }
    else if (comp.top >= BADGE + GAP + 4) { bx = Math.max(4, comp.right - BADGE); by = comp.top - BADGE - GAP; }
    else { bx = Math.max(4, comp.right - BADGE); by = comp.bottom + GAP; }
    this.badge.style.left = `${Math.round(bx)}px`;
    this.badge.style.top = `${Math.round(by)}px`;
    if (!this.open) return;
    const keep = {
      left: Math.min(comp.left, bx), right: Math.max(comp.right, bx + BADGE),
      top: Math.min(comp.top, by), bottom: Math.max(comp.bottom, by + BADGE),
    };
    const w = Math.min(PANEL_WIDTH, vw - 16);
    const p = this.panel.style;
    p.width = `${w}px`;
    // The height the content needs: the panel's chrome plus the whole of its body.
    const needed = this.panel.offsetHeight - this.body.clientHeight + this.body.scrollHeight;
    const room = {
      below: vh - keep.bottom - GAP - 8,
      above: keep.top - GAP - 8,
      right: vw - keep.right - GAP - 8,
      left: keep.left - GAP - 8,
      width: w,
      needed,
      tall: vh - 16,
    };
    const where = placePanel(room);
    this.panel.dataset.place = where;
    p.top = p.bottom = p.left = p.right = '';
    const alignX = `${Math.round(Math.max(8, Math.min(vw - w - 8, comp.right - w)))}px`;
    if (where === 'right' || where === 'left') {
      const top = Math.max(8, Math.min(comp.top, vh - 8 - Math.min(needed, vh - 16)));
      p.left = `${Math.round(where === 'right' ? keep.right + GAP : keep.left - GAP - w)}px`;
      p.top = `${Math.round(top)}px`;
      p.maxHeight = `${Math.round(vh - top - 8)}px`;
    } else if (Math.max(room.below, room.above) < 120) {
      // A box taller than the window (a very long draft): no side has room. The panel goes
      // in the upper half of the window, over the text, clear of the toolbar and the send
      // button at the box's foot.
      this.panel.dataset.place = 'inside';
      p.top = '8px';
      p.left = alignX;
      p.maxHeight = `${Math.round(Math.max(160, Math.min(vh / 2, vh - 16)))}px`;
    } else if (where === 'below') {
      p.top = `${Math.round(keep.bottom + GAP)}px`;
      p.left = alignX;
      p.maxHeight = `${Math.max(120, Math.round(room.below))}px`;
    } else {
      p.bottom = `${Math.round(vh - keep.top + GAP)}px`;
      p.left = alignX;
      p.maxHeight = `${Math.max(120, Math.round(room.above))}px`;
    }
  }
}
