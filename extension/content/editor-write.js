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
import { normalise, selectOffsets } from './dom-text.js';

/** @typedef {import('./adapters/index.js').SiteAdapter} SiteAdapter */
/** @typedef {'paste' | 'insertText'} Method */

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
  const before = adapter.readDraft(editor);
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
  if (await waitForText(() => adapter.readDraft(editor), expected, options.timeout ?? 500)) return { ok: true, method: primary };
  const now = normalise(adapter.readDraft(editor));
  if (now !== normalise(before)) return { ok: false, method: primary, reason: 'mismatch' };
  // Nothing happened: fall back once. execCommand on an empty Draft editor crashes
  // React, and a paste is useless where synthetic pastes carry no data.
  const fallback = primary === 'paste' ? 'insertText' : 'paste';
  if (fallback === 'insertText' && before === '') return { ok: false, method: primary, reason: 'unchanged' };
  if (!(await attempt(fallback))) return { ok: false, method: fallback, reason: 'select' };
  const ok = await waitForText(() => adapter.readDraft(editor), expected, options.timeout ?? 500);
  return { ok, method: fallback, reason: ok ? undefined : 'mismatch' };
}
