// One reply box being coached: watches the draft, asks the engine (in the background
// worker) for a report, and applies fixes through the editor's own input path.
import { replaceRange } from './editor-write.js';
import { normalise } from './dom-text.js';
import { findingKey } from '../shared/report-view.js';

const DEBOUNCE_MS = 250;

function runtime() {
  return (globalThis.browser ?? globalThis.chrome).runtime;
}

export async function askEngine(message) {
  // The background may be asleep or just restarted: one retry covers a worker that was
  // stopped between the two ends of a message.
  for (let attempt = 0; ; attempt++) {
    try {
      const resp = await runtime().sendMessage(message);
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
    this.timer = null;
    this.busy = false;
    this.schedule = this.schedule.bind(this);
    this.observer = new MutationObserver(() => this.schedule());
    this.observer.observe(editor, { childList: true, subtree: true, characterData: true });
    editor.addEventListener('input', this.schedule);
  }

  destroy() {
    clearTimeout(this.timer);
    this.observer.disconnect();
    this.editor.removeEventListener('input', this.schedule);
    this.seq++;
  }

  schedule(delay = DEBOUNCE_MS) {
    clearTimeout(this.timer);
    this.host.ui.setPending(this, true);
    this.timer = setTimeout(() => this.run(), typeof delay === 'number' ? delay : DEBOUNCE_MS);
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

  async run(force = false) {
    clearTimeout(this.timer);
    const draft = normalise(this.adapter.readDraft(this.editor));
    if (!force && draft === this.analysedDraft && this.report && !this.error) {
      this.host.ui.setPending(this, false);
      return;
    }
    this.host.ui.setPending(this, true);
    const seq = ++this.seq;
    const post = this.readPost();
    const resp = await askEngine({ type: 'analyze', post, draft, platform: this.adapter.platform });
    if (seq !== this.seq) return; // a newer request is on its way
    if (!draft.trim()) this.dismissed.clear();
    if (resp?.ok) {
      this.report = resp.report;
      this.error = null;
      this.analysedDraft = draft;
      this.post = post;
    } else {
      this.error = resp?.error ?? 'unknown error';
    }
    this.host.onReport(this, resp);
    if (normalise(this.adapter.readDraft(this.editor)) === draft) this.host.ui.setPending(this, false);
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
