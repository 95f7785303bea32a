// One reply box being coached: watches the draft, asks the engine (in the background
// worker) for a report, and applies fixes through the editor's own input path.
import { replaceRange } from './editor-write.js';
import { normalise } from './dom-text.js';
import { findingKey } from '../shared/report-view.js';
import { EnginePort } from '../shared/messaging.js';

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

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

export const engine = new EnginePort();

// Set when this tab saw the settings change: the next request asks the worker to read
// them again rather than trust its copy (its own storage event may still be on the way).
let settingsChanged = false;
export function markSettingsChanged() {
  settingsChanged = true;
}

export async function askEngine(message) {
  if (settingsChanged && message?.type === 'analyze') {
    settingsChanged = false;
    message = { ...message, reloadSettings: true };
  }
  // The background may be asleep or just restarted: one retry covers a worker that was
  // stopped between the two ends of a message.
  for (let attempt = 0; ; attempt++) {
    try {
      const resp = await engine.request(message);
      if (resp === undefined && attempt === 0) continue;
      return resp ?? { ok: false, error: 'no response' };
    } catch (e) {
      if (attempt >= 1) return { ok: false, error: String(e?.message ?? e) };
    }
  }
}

export class BoxCoach {
  constructor(adapter, editor, host) {
    this.adapter = adapter;
    this.editor = editor;
    this.host = host; // {ui, onReport(coach)}
    this.report = null;
    this.analysedDraft = null;
    this.error = null;
    this.dismissed = new Set();
    this.seq = 0;
    this.loop = null; // the running analysis loop (a promise), if any
    this.dirty = false; // the draft changed since the loop last read it
    this.force = false; // re-analyse even an unchanged draft
    this.slowWait = 0; // ms to wait before the next request (long, slow drafts only)
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

  // The draft changed (input event or DOM mutation): analyse it now, or right after the
  // request in flight.
  schedule() {
    if (this.destroyed) return;
    this.host.ui.setPending(this, true);
    this.run().catch(() => {});
  }

  readPost() {
    try {
      const post = this.adapter.readPost(this.editor);
      if (!post || !post.text) return null;
      return {
        text: post.text,
        author: post.author ?? null,
        age_minutes: Number.isFinite(post.age_minutes) ? Math.round(post.age_minutes * 10) / 10 : null,
      };
    } catch {
      return null;
    }
  }

  // Analyses the current draft (now, or after the request in flight, coalescing);
  // resolves once the latest draft has been answered.
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

  async analyse(force) {
    const draft = normalise(this.adapter.readDraft(this.editor));
    if (!force && draft === this.analysedDraft && this.report && !this.error) {
      if (!this.dirty) this.host.ui.setPending(this, false);
      return;
    }
    this.host.ui.setPending(this, true);
    const seq = ++this.seq;
    const post = this.readPost();
    const started = performance.now();
    const resp = await askEngine({ type: 'analyze', post, draft, platform: this.adapter.platform });
    const roundTrip = performance.now() - started;
    this.slowWait = draft.length >= SLOW_DRAFT_CHARS && roundTrip > SLOW_ROUND_TRIP_MS
      ? Math.min(SLOW_DRAFT_MAX_WAIT_MS, Math.round(roundTrip)) : 0;
    if (seq !== this.seq) return; // the box went away
    if (!draft.trim()) this.dismissed.clear();
    if (resp?.ok) {
      this.report = resp.report;
      this.error = null;
      this.analysedDraft = draft;
      this.post = post;
    } else {
      this.error = resp?.error ?? 'unknown error';
    }
    // Always show the newest answer, even when a newer draft is queued behind it: the
    // badge moves forward step by step and never falls back to "…".
    this.host.onReport(this, resp);
    if (!this.dirty && normalise(this.adapter.readDraft(this.editor)) === draft) this.host.ui.setPending(this, false);
  }

  // The draft still is what the report is about; otherwise re-analyse, never apply a
  // stale fix.
  fresh() {
    const now = normalise(this.adapter.readDraft(this.editor));
    if (now === this.analysedDraft) return true;
    this.host.ui.say('textChanged');
    this.run(true);
    return false;
  }

  async write(start, end, text) {
    if (this.busy) return false;
    this.busy = true;
    try {
      const result = await replaceRange(this.adapter, this.editor, start, end, text);
      if (!result.ok) this.host.ui.say('applyFailed');
      else this.host.ui.say(null);
      await this.run(true);
      return result.ok;
    } finally {
      this.busy = false;
    }
  }

  async applyFix(index) {
    const f = this.report?.findings?.[index];
    if (!f || !f.span || f.replacement === null || f.replacement === undefined) return;
    if (!this.fresh()) return;
    await this.write(f.span[0], f.span[1], f.replacement);
  }

  async applyRewrite() {
    const rw = this.report?.rewrite;
    if (rw === null || rw === undefined) return;
    if (!this.fresh()) return;
    await this.write(0, this.analysedDraft.length, rw);
  }

  dismiss(index) {
    const f = this.report?.findings?.[index];
    if (!f) return;
    this.dismissed.add(findingKey(f, this.analysedDraft ?? ''));
    this.host.onReport(this, null);
  }
}
