// @ts-check
// Writes into a site's rich editor through the editor's own input path, so Draft.js and
// Lexical update their model (and the site's send button, and its undo stack).
//
// The guarantee: a write either lands exactly (the editor's text is the draft with the
// range replaced) or leaves the draft exactly as it was and says so (`ok: false`); never a
// partial or misplaced edit. In four steps:
//
// 1. Select the range, and wait until the editor has heard of it: the next
//    `selectionchange` on the document, after the page's own listeners (React's for
//    Draft.js, Lexical's), then one event-loop turn. Draft.js applies every input at the
//    selection of its model, not the DOM's: an input that comes before the model has the
//    new range goes in at the old caret (Firefox: the leaf's new text into the old caret's
//    block, and the inserted text once more at the caret; Chromium: the paste at the
//    caret). A turn of the event loop is no such wait: under load, or on a busy page, the
//    timer can run before the event. Not heard within SELECTION_WAIT_MS: nothing is
//    written. Then the draft must still be the one read, and the selection still the
//    range, or nothing is written.
// 2. Write: Chromium dispatches a synthetic `paste` carrying a DataTransfer with
//    text/plain (keeps "\n\n" in both editors). Firefox delivers a synthetic paste with
//    empty data, so there execCommand('insertText') is the primary path; over a range, an
//    input the editor does not take over itself is cancelled (takenOverOnly), so the
//    browser never edits the DOM behind an editor whose model holds another selection.
// 3. Check: the editor's text must be the text meant, and stay so for a moment (a late
//    re-render). When nothing happened at all, fall back once to the other method (never
//    twice: a late Lexical update must not be doubled), with the same steps.
// 4. Anything else is undone: the browser's own undo of a native edit the write made
//    (execCommand edits the DOM; an editor that took it for an edit elsewhere leaves it
//    there, unrendered), then the editor's own undo (Ctrl+Z, which Draft.js and Lexical
//    handle on keydown), a step at a time until the text is the draft again; never once
//    the person has edited meanwhile (the undo would take their edit). The result says
//    whether the draft was put back (`restored`).
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
import { isSelected, normalise, selectOffsets } from './dom-text.js';

/** @typedef {import('./adapters/index.js').SiteAdapter} SiteAdapter */
/** @typedef {'paste' | 'insertText' | 'value'} Method */
/**
 * What a write did. `ok`: the editor holds exactly the text meant. Otherwise `reason`:
 * - 'select': the range could not be selected (or kept); nothing was written;
 * - 'changed': the draft changed before the write went in; nothing was written;
 * - 'unchanged': the editor took nothing;
 * - 'mismatch': the editor made another change; `restored` says whether the draft was
 *   put back exactly (else it was left as the editor made it: the person edited
 *   meanwhile, or the editor's undo did not bring it back).
 * @typedef {{ok: boolean, method: Method, reason?: 'select' | 'changed' | 'unchanged' | 'mismatch', restored?: boolean}} WriteResult
 */

/** How long a write waits for the editor to hear of its selection (else it writes nothing). */
export const SELECTION_WAIT_MS = 500;
/** How long the written text must stay what was meant. */
const SETTLE_MS = 50;
/** How long a write waits for the editor's text to change after the write, or an undo. */
const CHANGE_TIMEOUT_MS = 500;
/** At most this many steps of the editor's undo (Draft.js may make two changes of one input). */
const MAX_UNDO_STEPS = 2;

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

/** Ctrl+Z (⌘Z on a Mac) as the editor hears it: Draft.js and Lexical undo on this keydown. */
function dispatchUndoKey(/** @type {HTMLElement} */ editor) {
  const mac = typeof navigator !== 'undefined' && /\bMac/.test(navigator.platform ?? '');
  editor.dispatchEvent(new KeyboardEvent('keydown', {
    key: 'z', code: 'KeyZ', keyCode: 90, which: 90, ctrlKey: !mac, metaKey: mac, bubbles: true, cancelable: true, composed: true,
  }));
}

/**
 * Runs `write` (an execCommand over a range) so that an input the editor does not take
 * over is cancelled: the event that decides the browser's own edit of the DOM (textInput
 * where the browser has it, else beforeinput) reaching the window without the editor
 * having cancelled it. Over a range, Draft.js (on textInput) and Lexical (on beforeinput)
 * always take the input over when their model holds that range; one that does not holds
 * another selection, and the browser's edit would land behind its back (Draft.js: the
 * leaf's new text put into the block of its old caret; a range over several blocks torn
 * out of React's DOM). Returns whether it was cancelled here.
 * @param {HTMLElement} editor
 * @param {() => void} write
 */
function takenOverOnly(editor, write) {
  const win = editor.ownerDocument.defaultView;
  if (!win) { write(); return false; }
  const type = 'TextEvent' in win ? 'textInput' : 'beforeinput';
  let declined = false;
  /** @param {Event} e */
  const on = (e) => { if (!e.defaultPrevented) { e.preventDefault(); declined = true; } };
  win.addEventListener(type, on);
  try { write(); } finally { win.removeEventListener(type, on); }
  return declined;
}

/**
 * Resolves true at the first `selectionchange` dispatched on the document from now on
 * (listened for after the page's own listeners: when it comes, the editor has read the
 * selection), or false after `ms`.
 * @param {Document} doc
 * @param {number} ms
 */
function nextSelectionChange(doc, ms) {
  /** @type {() => void} */
  let stop = () => {};
  /** @type {Promise<boolean>} */
  const heard = new Promise((resolve) => {
    const on = () => { stop(); resolve(true); };
    // (one more turn after the time is up: an event already queued behind the timer counts)
    const timer = setTimeout(() => setTimeout(() => { stop(); resolve(false); }, 0), ms);
    stop = () => { doc.removeEventListener('selectionchange', on); clearTimeout(timer); };
    doc.addEventListener('selectionchange', on);
  });
  return { heard, cancel: () => stop() };
}

const NOT_EDITING = new Set(['Shift', 'Control', 'Alt', 'Meta', 'AltGraph', 'CapsLock', 'Fn', 'ArrowLeft', 'ArrowRight', 'ArrowUp', 'ArrowDown',
  'Home', 'End', 'PageUp', 'PageDown', 'Tab', 'Escape']);

/**
 * Watches the editor for the person's edits while a write runs: their keystrokes (not a
 * modifier or a move alone), IME input, paste, cut and drop, and any input event that
 * the write itself did not cause (`own` wraps the write's own calls).
 * @param {HTMLElement} editor
 */
function watchPerson(editor) {
  let acted = false;
  let own = 0;
  /** @param {Event} e */
  const onKey = (e) => { if (e.isTrusted && !NOT_EDITING.has(/** @type {KeyboardEvent} */ (e).key)) acted = true; };
  /** @param {Event} e */
  const onEdit = (e) => { if (!own && (e.isTrusted || e.type === 'beforeinput' || e.type === 'input')) acted = true; };
  const edits = ['beforeinput', 'input', 'compositionstart', 'paste', 'cut', 'drop'];
  editor.addEventListener('keydown', onKey, true);
  for (const t of edits) editor.addEventListener(t, onEdit, true);
  return {
    acted: () => acted,
    /** @template T @param {() => T} fn */
    own(fn) { own++; try { return fn(); } finally { own--; } },
    stop() {
      editor.removeEventListener('keydown', onKey, true);
      for (const t of edits) editor.removeEventListener(t, onEdit, true);
    },
  };
}

/**
 * Waits until `read()` is `want` and stays so for SETTLE_MS, unless the person edits on
 * meanwhile (their Ctrl+Z, say: then it was theirs to change) ('want'), or until
 * `timeout` passed: then 'before' when it is still `before`, else 'other'.
 * @param {() => string} read @param {string} want @param {string} before @param {number} timeout
 * @param {ReturnType<typeof watchPerson>} person
 * @returns {Promise<'want' | 'before' | 'other'>}
 */
async function settle(read, want, before, timeout, person) {
  const t0 = Date.now();
  await tick(); // the editor's own update of the input (a microtask, a re-render) first
  for (;;) {
    if (read() === want) {
      await sleep(SETTLE_MS);
      if (read() === want || person.acted()) return 'want';
    }
    if (Date.now() - t0 > timeout) {
      const now = read();
      return now === want ? 'want' : now === before ? 'before' : 'other';
    }
    await sleep(16);
  }
}

/** @param {() => string} read @param {string} from @param {number} timeout  waits until the text is no longer `from` */
async function changedFrom(read, from, timeout) {
  const t0 = Date.now();
  await tick();
  while (read() === from && Date.now() - t0 <= timeout) await sleep(16);
  await sleep(SETTLE_MS);
}

/**
 * Replace [start, end) of the editor's text by `text`.
 * @param {Pick<SiteAdapter, 'map' | 'readDraft'>} adapter
 * @param {HTMLElement} editor
 * @param {number} start
 * @param {number} end
 * @param {string} text
 * @param {{method?: Method, timeout?: number}} [options]
 * @returns {Promise<WriteResult>}
 */
export async function replaceRange(adapter, editor, start, end, text, options = {}) {
  if (isPlainField(editor)) return replaceValue(/** @type {HTMLTextAreaElement} */ (editor), start, end, text);
  const person = watchPerson(editor);
  try {
    return await replaceRich(adapter, editor, start, end, text, options, person);
  } finally {
    person.stop();
  }
}

/**
 * @param {Pick<SiteAdapter, 'map' | 'readDraft'>} adapter
 * @param {HTMLElement} editor
 * @param {number} start
 * @param {number} end
 * @param {string} text
 * @param {{method?: Method, timeout?: number}} options
 * @param {ReturnType<typeof watchPerson>} person
 * @returns {Promise<WriteResult>}
 */
async function replaceRich(adapter, editor, start, end, text, options, person) {
  watchers.get(editor)?.(); // the next Ctrl+Z is no longer about an earlier write
  const doc = editor.ownerDocument;
  const raw = adapter.readDraft(editor);
  const read = () => normalise(adapter.readDraft(editor));
  const before = normalise(raw);
  const expected = normalise(raw.slice(0, start) + text + raw.slice(end));
  const timeout = options.timeout ?? CHANGE_TIMEOUT_MS;
  // A synthetic paste of "" does nothing in either editor: delete by replacing the range
  // together with one neighbouring character by that character.
  if (text === '' && end > start) {
    if (start > 0 && raw[start - 1] !== '\n') { start -= 1; text = raw[start]; }
    else if (end < raw.length && raw[end] !== '\n') { text = raw[end]; end += 1; }
    else if (start > 0) { start -= 1; text = raw[start]; }
    else if (end < raw.length) { text = raw[end]; end += 1; }
  }
  /**
   * Selects the range, waits for the editor to hear of it, and writes.
   * @param {Method} method
   * @returns {Promise<{sent: true, native: boolean} | {sent: false, reason: 'select' | 'changed'}>}
   */
  const attempt = async (method) => {
    editor.focus({ preventScroll: true });
    for (let tries = 0; ; tries++) {
      if (read() !== before || person.acted()) return { sent: false, reason: 'changed' };
      const selection = nextSelectionChange(doc, SELECTION_WAIT_MS);
      if (!selectOffsets(editor, adapter.map(editor), start, end)) {
        selection.cancel();
        return { sent: false, reason: 'select' };
      }
      // not heard: the editor may apply the input at another place: nothing is written
      if (!(await selection.heard)) return { sent: false, reason: 'select' };
      await tick();
      if (read() !== before || person.acted()) return { sent: false, reason: 'changed' };
      // the editor may have re-rendered or set its own selection meanwhile: select again, once
      if (isSelected(editor, adapter.map(editor), start, end)) break;
      if (tries) return { sent: false, reason: 'select' };
    }
    let inputs = 0;
    let declined = false;
    const onInput = () => { inputs++; };
    editor.addEventListener('input', onInput, true);
    try {
      person.own(() => {
        if (method === 'paste') dispatchPaste(editor, text);
        else if (start < end) declined = takenOverOnly(editor, () => insertText(editor, text));
        else insertText(editor, text);
      });
    } finally {
      editor.removeEventListener('input', onInput, true);
    }
    if (declined) {
      // The editor took the input for one at its own selection and may have changed its
      // model there without rendering it (Draft.js leaves the text to the browser's edit,
      // which was cancelled): a change of focus makes it render its model.
      await sleep(SETTLE_MS);
      person.own(() => { editor.blur(); editor.focus({ preventScroll: true }); });
    }
    return { sent: true, native: inputs > 0 };
  };
  /**
   * @param {Method} method
   * @returns {Promise<WriteResult | null>} null: nothing happened
   */
  const write = async (method) => {
    const sent = await attempt(method);
    if (!sent.sent) return { ok: false, method, reason: sent.reason };
    // armed at once: the person may press Ctrl+Z as soon as they see the change
    armUndoCaret(editor, () => read() === before);
    const outcome = await settle(read, expected, before, timeout, person);
    if (outcome === 'want') return { ok: true, method };
    watchers.get(editor)?.();
    if (outcome === 'before') return null;
    const restored = await restore(editor, read, before, sent.native, person);
    return { ok: false, method, reason: 'mismatch', restored };
  };
  /** @type {Method} */
  const primary = options.method ?? (IS_FIREFOX ? 'insertText' : 'paste');
  const first = await write(primary);
  if (first) return first;
  // Nothing happened: fall back once. execCommand on an empty Draft editor crashes
  // React, and a paste is useless where synthetic pastes carry no data.
  const fallback = primary === 'paste' ? 'insertText' : 'paste';
  if (fallback === 'insertText' && before === '') return { ok: false, method: primary, reason: 'unchanged' };
  return (await write(fallback)) ?? { ok: false, method: fallback, reason: 'unchanged' };
}

/**
 * Puts the draft back after a write that went in wrong (step 4 above): the browser's own
 * undo of the write's native edit, if it made one, then the editor's undo, a step at a
 * time, until the text is `before` again; no further once a step changes nothing, and not
 * at all once the person has edited. The selection the undo restores becomes a caret.
 * @param {HTMLElement} editor
 * @param {() => string} read
 * @param {string} before
 * @param {boolean} native  the write's execCommand edited the DOM (an input event came)
 * @param {ReturnType<typeof watchPerson>} person
 * @returns {Promise<boolean>} whether the text is `before` again
 */
async function restore(editor, read, before, native, person) {
  const doc = editor.ownerDocument;
  const nativeUndo = () => doc.execCommand('undo');
  const steps = [...(native ? [nativeUndo] : []), ...Array(MAX_UNDO_STEPS).fill(() => dispatchUndoKey(editor))];
  for (const step of steps) {
    const now = read();
    if (now === before) break;
    if (person.acted()) return false;
    editor.focus({ preventScroll: true });
    person.own(step);
    await changedFrom(read, now, CHANGE_TIMEOUT_MS);
    if (read() === now && step !== nativeUndo) break; // nothing more the editor undoes
  }
  if (read() !== before) return false;
  const sel = doc.getSelection();
  if (sel?.rangeCount && !sel.isCollapsed && editor.contains(sel.anchorNode) && editor.contains(sel.focusNode)) sel.collapseToEnd();
  return true;
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
