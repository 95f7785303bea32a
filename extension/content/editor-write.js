// @ts-check
// Writes into a site's rich editor through the editor's own input path, so Draft.js and
// Lexical update their model (and the site's send button, and its undo stack).
//
// Chromium: select the range, wait one event-loop turn so the editor sees
// `selectionchange`, then dispatch a synthetic `paste` carrying a DataTransfer with
// text/plain (keeps "\n\n" in both editors). Firefox delivers a synthetic paste with
// empty data, so there execCommand('insertText') is the primary path.
// After writing, verify the editor's text is what we meant; fall back once (only when
// nothing happened at all), never twice: a late Lexical update must not be doubled.
//
// A plain <textarea> (X in a phone browser: React-controlled): select the range and
// execCommand('insertText'), which goes through the browser's own undo stack and fires
// the `input` event React listens to. Where that does nothing, the value is set through
// the native value setter (a plain assignment is undone by React) plus an `input` event,
// and Ctrl+Z is then handled here: it restores the text from before the write.
//
// Undo leaves a caret: Draft.js, Lexical and the browser's textarea undo all restore the
// selection from before the write, which is the range the write had selected (the whole
// draft, for a rewrite), so the agent's next keystroke would replace it. After an undo
// that brings back the text from before a write, the selection is collapsed to its end.
import { normalise, selectOffsets } from './dom-text.js';

/** @typedef {import('./adapters/index.js').SiteAdapter} SiteAdapter */
/** @typedef {'paste' | 'insertText' | 'value'} Method */

const tick = () => new Promise((r) => setTimeout(r, 0));
/** @param {number} ms */
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

export const IS_FIREFOX = typeof navigator !== 'undefined' && /\bFirefox\//.test(navigator.userAgent);

/** @param {HTMLElement} editor @param {string} text */
function dispatchPaste(editor, text) {
  const dt = new DataTransfer();
  dt.setData('text/plain', text);
  const ev = new ClipboardEvent('paste', { clipboardData: dt, bubbles: true, cancelable: true, composed: true });
  editor.dispatchEvent(ev);
}

/** @param {HTMLElement} editor @param {string} text */
function insertText(editor, text) {
  return editor.ownerDocument.execCommand('insertText', false, text);
}

/** @param {() => string} read @param {string} want @param {number} timeout */
async function waitForText(read, want, timeout) {
  const t0 = Date.now();
  for (;;) {
    if (normalise(read()) === want) return true;
    if (Date.now() - t0 > timeout) return false;
    await sleep(16);
  }
}

/**
 * Replace [start, end) of the editor's text by `text`.
 * @param {Pick<SiteAdapter, 'map' | 'readDraft'>} adapter
 * @param {HTMLElement} editor
 * @param {number} start
 * @param {number} end
 * @param {string} text
 * @param {{method?: Method, timeout?: number}} [options]
 * @returns {Promise<{ok: boolean, method: Method, reason?: 'select' | 'mismatch' | 'unchanged'}>}
 */
export async function replaceRange(adapter, editor, start, end, text, options = {}) {
  if (isPlainField(editor)) return replaceValue(/** @type {HTMLTextAreaElement} */ (editor), start, end, text);
  return replaceRich(adapter, editor, start, end, text, options);
}

/**
 * @param {Pick<SiteAdapter, 'map' | 'readDraft'>} adapter
 * @param {HTMLElement} editor
 * @param {number} start
 * @param {number} end
 * @param {string} text
 * @param {{method?: Method, timeout?: number}} options
 * @returns {Promise<{ok: boolean, method: Method, reason?: 'select' | 'mismatch' | 'unchanged'}>}
 */
async function replaceRich(adapter, editor, start, end, text, options) {
  const before = adapter.readDraft(editor);
  const restore = () => normalise(adapter.readDraft(editor)) === normalise(before);
  const done = (/** @type {{ok: boolean, method: Method, reason?: 'select' | 'mismatch' | 'unchanged'}} */ r) => {
    if (r.ok) armUndoCaret(editor, restore);
    return r;
  };
  const expected = normalise(before.slice(0, start) + text + before.slice(end));
  // A synthetic paste of "" does nothing in either editor: delete by replacing the range
  // together with one neighbouring character by that character.
  if (text === '' && end > start) {
    if (start > 0 && before[start - 1] !== '\n') { start -= 1; text = before[start]; }
    else if (end < before.length && before[end] !== '\n') { text = before[end]; end += 1; }
    else if (start > 0) { start -= 1; text = before[start]; }
    else if (end < before.length) { text = before[end]; end += 1; }
  }
  /** @type {Method} */
  const primary = options.method ?? (IS_FIREFOX ? 'insertText' : 'paste');
  /** @param {Method} method */
  const attempt = async (method) => {
    editor.focus({ preventScroll: true });
    const blocks = adapter.map(editor);
    if (!selectOffsets(editor, blocks, start, end)) return false;
    await tick(); // let the editor see selectionchange before the input
    if (method === 'paste') dispatchPaste(editor, text);
    else insertText(editor, text);
    return true;
  };
  if (!(await attempt(primary))) return { ok: false, method: primary, reason: 'select' };
  if (await waitForText(() => adapter.readDraft(editor), expected, options.timeout ?? 500)) return done({ ok: true, method: primary });
  const now = normalise(adapter.readDraft(editor));
  if (now !== normalise(before)) return { ok: false, method: primary, reason: 'mismatch' };
  // Nothing happened: fall back once. execCommand on an empty Draft editor crashes
  // React, and a paste is useless where synthetic pastes carry no data.
  const fallback = primary === 'paste' ? 'insertText' : 'paste';
  if (fallback === 'insertText' && before === '') return { ok: false, method: primary, reason: 'unchanged' };
  if (!(await attempt(fallback))) return { ok: false, method: fallback, reason: 'select' };
  const ok = await waitForText(() => adapter.readDraft(editor), expected, options.timeout ?? 500);
  return done({ ok, method: fallback, reason: ok ? undefined : 'mismatch' });
}

/** @param {Element} el  a plain text field (its text is its value) */
export function isPlainField(el) {
  return el.tagName === 'TEXTAREA' || el.tagName === 'INPUT';
}

/** @type {WeakMap<HTMLElement, () => void>} the undo watcher armed on each editor */
const watchers = new WeakMap();

/** @param {KeyboardEvent} e */
const isUndoKey = (e) => (e.ctrlKey || e.metaKey) && !e.shiftKey && !e.altKey && (e.key === 'z' || e.key === 'Z' || e.code === 'KeyZ');

/**
 * After the next undo in `editor` that brings back the text from before a write
 * (`restored()`), the selection the editor restored is collapsed to its end: a caret where
 * the change was, so typing replaces nothing. One undo only; a new write re-arms it.
 * @param {HTMLElement} editor
 * @param {() => boolean} restored
 */
export function armUndoCaret(editor, restored) {
  watchers.get(editor)?.();
  const doc = editor.ownerDocument;
  const win = doc.defaultView;
  /** @type {(() => void) | null} stops watching for the undo's result */
  let stopWatching = null;
  // true once the undo's text is back (and its selection collapsed)
  const check = () => {
    if (!restored()) return false;
    if (isPlainField(editor)) {
      const field = /** @type {HTMLTextAreaElement} */ (editor);
      if (field.selectionStart !== field.selectionEnd) field.setSelectionRange(field.selectionEnd, field.selectionEnd);
      return true;
    }
    const sel = doc.getSelection();
    if (sel?.rangeCount && !sel.isCollapsed && editor.contains(sel.anchorNode) && editor.contains(sel.focusNode)) sel.collapseToEnd();
    return true;
  };
  // The editor applies the undo during this event or soon after (React's commit, Lexical's
  // update): checked on each change it makes to its DOM or the selection (as microtasks,
  // before any later keystroke), and on two timers, for at most a second.
  const after = () => {
    disarm();
    const observer = new MutationObserver(() => { if (check()) stop(); });
    const onSelection = () => { if (check()) stop(); };
    const timers = [0, 50, 1000].map((ms) => win?.setTimeout(() => { if (check() || ms === 1000) stop(); }, ms));
    const stop = () => {
      observer.disconnect();
      doc.removeEventListener('selectionchange', onSelection);
      for (const t of timers) if (t !== undefined) win?.clearTimeout(t);
      stopWatching = null;
    };
    stopWatching = stop;
    observer.observe(editor, { childList: true, subtree: true, characterData: true, attributes: isPlainField(editor) });
    doc.addEventListener('selectionchange', onSelection);
  };
  /** @param {Event} e */
  const onKey = (e) => { if (isUndoKey(/** @type {KeyboardEvent} */ (e))) after(); };
  /** @param {Event} e */
  const onInput = (e) => {
    if (/** @type {InputEvent} */ (e).inputType !== 'historyUndo') return;
    if (stopWatching) { if (check()) stopWatching(); } else after();
  };
  const disarm = () => {
    editor.removeEventListener('keydown', onKey, true);
    editor.removeEventListener('input', onInput, true);
    if (watchers.get(editor) === disarmAll) watchers.delete(editor);
  };
  const disarmAll = () => { disarm(); stopWatching?.(); };
  editor.addEventListener('keydown', onKey, true);
  editor.addEventListener('input', onInput, true);
  watchers.set(editor, disarmAll);
}

/**
 * Replaces [start, end) of a textarea's value.
 * @param {HTMLTextAreaElement} field
 * @param {number} start
 * @param {number} end
 * @param {string} text
 * @returns {Promise<{ok: boolean, method: Method, reason?: 'select' | 'mismatch' | 'unchanged'}>}
 */
async function replaceValue(field, start, end, text) {
  const before = field.value;
  const expected = before.slice(0, start) + text + before.slice(end);
  const restored = () => field.value === before;
  field.focus({ preventScroll: true });
  field.setSelectionRange(start, end);
  let done = false;
  try {
    done = field.ownerDocument.execCommand(text === '' ? 'delete' : 'insertText', false, text);
  } catch {
    done = false;
  }
  if (done && field.value === expected) {
    armUndoCaret(field, restored);
    return { ok: true, method: 'insertText' };
  }
  if (field.value !== before) return { ok: false, method: 'insertText', reason: 'mismatch' };
  const proto = Object.getPrototypeOf(field);
  const setter = Object.getOwnPropertyDescriptor(proto, 'value')?.set
    ?? Object.getOwnPropertyDescriptor(HTMLTextAreaElement.prototype, 'value')?.set;
  if (!setter) return { ok: false, method: 'value', reason: 'unchanged' };
  const write = (/** @type {string} */ value, /** @type {number} */ caret) => {
    setter.call(field, value);
    field.dispatchEvent(inputEvent(field));
    field.setSelectionRange(caret, caret);
  };
  write(expected, start + text.length);
  if (field.value !== expected) return { ok: false, method: 'value', reason: 'mismatch' };
  armValueUndo(field, before, expected, end);
  return { ok: true, method: 'value' };
}

/** @param {HTMLElement} field  an "input" event made in the field's own window */
function inputEvent(field) {
  const Ev = /** @type {typeof Event} */ (field.ownerDocument.defaultView?.Event ?? Event);
  return new Ev('input', { bubbles: true });
}

/**
 * A write through the value setter is not on the browser's undo stack: the next Ctrl+Z,
 * while the text is still what was written, brings back `before` (caret at `caret`).
 * @param {HTMLTextAreaElement} field
 * @param {string} before
 * @param {string} written
 * @param {number} caret
 */
function armValueUndo(field, before, written, caret) {
  watchers.get(field)?.();
  const setter = Object.getOwnPropertyDescriptor(Object.getPrototypeOf(field), 'value')?.set;
  /** @param {Event} e */
  const onKey = (e) => {
    if (!isUndoKey(/** @type {KeyboardEvent} */ (e))) return;
    disarm();
    if (field.value !== written || !setter) return;
    e.preventDefault();
    e.stopPropagation();
    setter.call(field, before);
    field.dispatchEvent(inputEvent(field));
    field.setSelectionRange(caret, caret);
  };
  /** @param {Event} e */
  const onInput = (e) => { if (e.isTrusted && field.value !== written) disarm(); };
  const disarm = () => {
    field.removeEventListener('keydown', onKey, true);
    field.removeEventListener('input', onInput, true);
    if (watchers.get(field) === disarm) watchers.delete(field);
  };
  field.addEventListener('keydown', onKey, true);
  field.addEventListener('input', onInput, true);
  watchers.set(field, disarm);
}
