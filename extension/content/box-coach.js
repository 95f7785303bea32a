// @ts-check
// One reply box being coached: watches the draft, asks the engine (in the background
// worker) for a report, and applies fixes through the editor's own input path.
//
// It knows nothing of how it is shown: every change is a new plain CoachState handed to
// host.onChange, which main.js passes to the CoachUI when this box is the one shown; what
// the user asks for in the panel comes back as an Intent to `perform`.
import { replaceRange } from './editor-write.js';
import { normalise } from './dom-text.js';
import { findingKey } from '../shared/report-view.js';
import { RAW_PLACEHOLDER } from '../shared/protocol.js';

/** @typedef {import('reply-coach-engine').Report} Report */
/** @typedef {import('reply-coach-engine').Post} Post */
/** @typedef {import('reply-coach-engine').Lang} Lang */
/** @typedef {import('../shared/protocol.js').AnalyzeResponse} AnalyzeResponse */
/** @typedef {import('../shared/protocol.js').Failure} Failure */
/** @typedef {import('./adapters/index.js').SiteAdapter} SiteAdapter */

/**
 * What the coach of one box shows: replaced (never changed) on every change.
 * @typedef {object} CoachState
 * @property {Report | null} report  the newest report (null: none yet)
 * @property {string} draft  the draft that report is about
 * @property {Post | null} post  the post it was read with
 * @property {string | null} error  why the last analysis failed
 * @property {ReadonlySet<string>} dismissed  findingKey()s of the findings dismissed
 * @property {boolean} pending  the draft changed since the report: a newer one is coming
 * @property {string | null} notice  a message for the panel (a key in _locales)
 * @property {{counted: number, limit: number} | null} rewriteLength  the suggested
 *   reply's length as the platform counts it (measured while the panel is open)
 * @property {boolean} undoable  the draft is what the panel's last change made of it:
 *   an `undo` intent puts back what was there before
 */
/**
 * What the user asks for in the panel; `index` is a finding's index in the report, `key`
 * a findingKey().
 * @typedef {{type: 'apply-fix', index: number} | {type: 'apply-rewrite'} | {type: 'dismiss', index: number}
 *   | {type: 'restore', key: string} | {type: 'undo'} | {type: 'insert-saved', text: string}} Intent
 */
/**
 * What came of an intent: 'stale' (the draft changed first: re-analysed, nothing
 * written), 'failed' (the editor refused the change) and 'none' (nothing to do) change
 * nothing.
 * `insert-saved` puts a saved reply, filled, in place of the whole draft ('inserted'); a
 * text with a placeholder left in it is never written ('none').
 * @typedef {'applied' | 'rewritten' | 'inserted' | 'undone' | 'dismissed' | 'restored' | 'stale' | 'failed' | 'none'} Outcome
 */
/**
 * @typedef {object} CoachHost
 * @property {(request: {post: Post | null, draft: string, platform: 'x' | 'facebook', measureRewrite: boolean}) => Promise<AnalyzeResponse | Failure>} analyze
 * @property {(coach: BoxCoach) => boolean} wantsRewriteLength  the panel shows this box's
 *   suggested reply (so its length is worth measuring)
 * @property {(coach: BoxCoach) => void} onChange  called with every new state
 * @property {(lang: Lang) => void} onLanguage  the interface language of the settings an
 *   answer used (called before the state with that answer)
 */

// Scheduling: every change is analysed at once when no request is in flight; while one
// is, further changes only mark the draft dirty, and when the answer comes the latest
// draft (only that one) is sent next. At most one request is in flight per box, so a
// burst of keystrokes costs at most one analysis more than the last keystroke.
// The engine answers a reply-sized draft in about a millisecond. Only a long draft whose
// last round trip was slow waits before the next request, as long as that round trip
// took (at most SLOW_DRAFT_MAX_WAIT_MS), so typing in it does not keep the worker busy
// back to back; the keystrokes made meanwhile are coalesced into that next request.
const SLOW_ROUND_TRIP_MS = 40;
const SLOW_DRAFT_CHARS = 2000;
const SLOW_DRAFT_MAX_WAIT_MS = 250;

/** @param {number} ms */
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** @param {Document} doc  resolves after its next selectionchange (at most 50 ms) and a frame */
function settle(doc) {
  return new Promise((resolve) => {
    let done = false;
    const finish = () => {
      if (done) return;
      done = true;
      doc.removeEventListener('selectionchange', finish);
      requestAnimationFrame(() => setTimeout(resolve, 0));
    };
    doc.addEventListener('selectionchange', finish);
    setTimeout(finish, 50);
  });
}

export class BoxCoach {
  /**
   * @param {SiteAdapter} adapter
   * @param {HTMLElement} editor
   * @param {CoachHost} host
   */
  constructor(adapter, editor, host) {
    this.adapter = adapter;
    this.editor = editor;
    this.host = host;
    /** @type {CoachState} */
    this.state = {
      report: null, draft: '', post: null, error: null, dismissed: new Set(), pending: false, notice: null,
      rewriteLength: null, undoable: false,
    };
    /** @type {{before: string, after: string} | null} the panel's last change to the draft */
    this.lastWrite = null;
    /** @type {string | null} the draft the report is about (null: none analysed yet) */
    this.analysedDraft = null;
    this.seq = 0;
    /** @type {Promise<void> | null} the running analysis loop, if any */
    this.loop = null;
    this.dirty = false; // the draft changed since the loop last read it
    this.force = false; // re-analyse even an unchanged draft
    this.slowWait = 0; // ms to wait before the next request (long, slow drafts only)
    this.busy = false; // a fix is being written
    this.destroyed = false;
    this.schedule = this.schedule.bind(this);
    this.observer = new MutationObserver(() => this.schedule());
    this.observer.observe(editor, { childList: true, subtree: true, characterData: true });
    editor.addEventListener('input', this.schedule);
  }

  destroy() {
    this.destroyed = true;
    this.observer.disconnect();
    this.editor.removeEventListener('input', this.schedule);
    this.seq++;
  }

  /**
   * A new state with `patch` applied, handed to the host (only when something changed).
   * @param {Partial<CoachState>} patch
   */
  set(patch) {
    const prev = this.state;
    if (Object.entries(patch).every(([k, v]) => prev[/** @type {keyof CoachState} */ (k)] === v)) return;
    this.state = { ...prev, ...patch };
    this.host.onChange(this);
  }

  /** @param {string | null} notice */
  setNotice(notice) {
    this.set({ notice });
  }

  // The draft changed (input event or DOM mutation): analyse it now, or right after the
  // request in flight.
  schedule() {
    if (this.destroyed) return;
    this.set({ pending: true });
    this.run().catch(() => {});
  }

  /** @returns {Post | null} */
  readPost() {
    try {
      const post = this.adapter.readPost(this.editor);
      // a post without a message still has its author and its age
      if (!post || (!post.text && !post.author && post.age_minutes === null)) return null;
      return {
        text: post.text,
        author: post.author ?? null,
        age_minutes: post.age_minutes !== null && Number.isFinite(post.age_minutes) ? Math.round(post.age_minutes * 10) / 10 : null,
      };
    } catch {
      return null;
    }
  }

  readDraft() {
    return normalise(this.adapter.readDraft(this.editor));
  }

  /**
   * Analyses the current draft (now, or after the request in flight, coalescing);
   * resolves once the latest draft has been answered.
   * @param {boolean} [force]  even when the draft did not change
   */
  run(force = false) {
    this.dirty = true;
    if (force) this.force = true;
    if (!this.loop) this.loop = this.drain();
    return this.loop;
  }

  async drain() {
    // One microtask first: the input event and the editor's own DOM update of one
    // keystroke arrive together; read the draft once both are in.
    try {
      await null;
      while (this.dirty && !this.destroyed) {
        if (!this.force && this.slowWait) await sleep(this.slowWait);
        this.dirty = false;
        const force = this.force;
        this.force = false;
        await this.analyse(force);
      }
    } finally {
      // synchronously after the last check of `dirty`: a change after this starts a new loop
      this.loop = null;
    }
  }

  /** @param {boolean} force */
  async analyse(force) {
    const draft = this.readDraft();
    if (!force && draft === this.analysedDraft && this.state.report && !this.state.error) {
      if (!this.dirty) this.set({ pending: false });
      return;
    }
    this.set({ pending: true });
    const seq = ++this.seq;
    const post = this.readPost();
    const started = performance.now();
    const measureRewrite = this.host.wantsRewriteLength(this);
    const resp = await this.host.analyze({ post, draft, platform: this.adapter.platform, measureRewrite });
    const roundTrip = performance.now() - started;
    this.slowWait = draft.length >= SLOW_DRAFT_CHARS && roundTrip > SLOW_ROUND_TRIP_MS
      ? Math.min(SLOW_DRAFT_MAX_WAIT_MS, Math.round(roundTrip)) : 0;
    if (seq !== this.seq) return; // the box went away
    /** @type {Partial<CoachState>} */
    const next = {};
    if (!draft.trim() && this.state.dismissed.size) next.dismissed = new Set();
    next.undoable = Boolean(this.lastWrite && this.lastWrite.after === draft);
    if (resp.ok) {
      this.analysedDraft = draft;
      this.host.onLanguage(resp.uiLanguage);
      Object.assign(next, { report: resp.report, error: null, draft, post, rewriteLength: resp.rewriteLength ?? null });
      if (resp.settingsNotice) next.notice = 'settingsReset';
    } else {
      next.error = resp.error;
    }
    // Always show the newest answer, even when a newer draft is queued behind it: the
    // badge moves forward step by step and never falls back to "…".
    next.pending = this.dirty || this.readDraft() !== draft;
    this.set(next);
  }

  // The draft still is what the report is about; otherwise re-analyse, never apply a
  // stale fix.
  fresh() {
    if (this.readDraft() === this.analysedDraft) return true;
    this.setNotice('textChanged');
    this.run(true);
    return false;
  }

  /**
   * Writes through the editor's own input path and remembers the text before, for an
   * undo; the draft is analysed again either way.
   * @param {number} start
   * @param {number} end
   * @param {string} text
   */
  async write(start, end, text) {
    if (this.busy) return false;
    this.busy = true;
    try {
      const before = this.readDraft();
      const result = await replaceRange(this.adapter, this.editor, start, end, text);
      this.lastWrite = result.ok ? { before, after: this.readDraft() } : null;
      // not applied: the draft is as it was (applyFailed), the person changed it first
      // (textChanged), or a change that went in wrong could not be undone (applyNotRestored)
      this.setNotice(result.ok ? null
        : result.reason === 'changed' ? 'textChanged'
          : result.reason === 'mismatch' && !result.restored ? 'applyNotRestored' : 'applyFailed');
      await this.run(true);
      return result.ok;
    } finally {
      this.busy = false;
    }
  }

  /**
   * Ctrl+Z pressed in the panel: the editor's own undo, as if pressed in the reply box
   * (Draft.js and Lexical take it from the key; a plain field from the browser's undo), so
   * its undo history, and the caret the editor write leaves after an undo, stay the
   * editor's. The focus stays in the reply box, where the text came back. Only over
   * exactly what the panel wrote: anything typed since is never undone. Where the editor
   * ignores the key, the text from before is written back through its input path.
   * @returns {Promise<Outcome>}
   */
  async undo() {
    const last = this.lastWrite;
    if (!last || this.busy) return 'none';
    this.lastWrite = null;
    const now = this.readDraft();
    if (now !== last.after) {
      this.set({ undoable: false });
      this.setNotice('textChanged');
      return 'stale';
    }
    this.busy = true;
    try {
      const editor = this.editor;
      editor.focus({ preventScroll: true });
      // The editor first takes its focus back, as after a click: its selection is settled
      // (the next selectionchange, at most 50 ms, then a frame) before the key reaches it.
      await settle(editor.ownerDocument);
      const apple = /Mac|iPhone|iPad/.test(globalThis.navigator?.platform ?? '');
      /** @param {'keydown' | 'keyup'} type */
      const key = (type) => {
        // (Draft.js reads the key from keyCode, Lexical from key; the legacy keyCode and
        // which of the event's init are the ones the page's own script sees, where a
        // property defined here in the content script's world would not be)
        return editor.dispatchEvent(new KeyboardEvent(type, {
          key: 'z', code: 'KeyZ', keyCode: 90, which: 90, ctrlKey: !apple, metaKey: apple,
          bubbles: true, cancelable: true, composed: true,
        }));
      };
      const unhandled = key('keydown');
      if (unhandled && (editor.tagName === 'TEXTAREA' || editor.tagName === 'INPUT')) editor.ownerDocument.execCommand('undo');
      key('keyup');
      const t0 = Date.now();
      while (this.readDraft() !== last.before && this.readDraft() === last.after && Date.now() - t0 < 600) await sleep(20);
    } finally {
      this.busy = false;
    }
    let ok = this.readDraft() === last.before;
    if (!ok && this.readDraft() === last.after) ok = await this.write(0, last.after.length, last.before);
    this.lastWrite = null;
    this.set({ undoable: false });
    if (!ok) this.setNotice('applyFailed');
    await this.run(true);
    return ok ? 'undone' : 'failed';
  }

  /**
   * @param {Intent} intent
   * @returns {Promise<Outcome>}
   */
  async perform(intent) {
    if (intent.type === 'insert-saved') {
      if (!intent.text.trim() || RAW_PLACEHOLDER.test(intent.text)) return 'none';
      return (await this.write(0, this.readDraft().length, intent.text)) ? 'inserted' : 'failed';
    }
    const report = this.state.report;
    if (!report) return 'none';
    switch (intent.type) {
      case 'apply-fix': {
        const f = report.findings[intent.index];
        if (!f?.span || f.replacement === null || f.replacement === undefined) return 'none';
        if (!this.fresh()) return 'stale';
        return (await this.write(f.span[0], f.span[1], f.replacement)) ? 'applied' : 'failed';
      }
      case 'apply-rewrite': {
        const rw = report.rewrite;
        if (rw === null || rw === undefined) return 'none';
        if (!this.fresh()) return 'stale';
        return (await this.write(0, this.state.draft.length, rw)) ? 'rewritten' : 'failed';
      }
      case 'undo': return this.undo();
      case 'dismiss': {
        const f = report.findings[intent.index];
        if (!f) return 'none';
        this.set({ dismissed: new Set([...this.state.dismissed, findingKey(f, this.state.draft)]) });
        return 'dismissed';
      }
      case 'restore': {
        if (!this.state.dismissed.has(intent.key)) return 'none';
        const dismissed = new Set(this.state.dismissed);
        dismissed.delete(intent.key);
        this.set({ dismissed });
        return 'restored';
      }
    }
    return 'none';
  }
}
