// @ts-check
// The keyboard shortcut that opens the coach's panel. It is the manifest's `commands`
// entry COMMAND, so the user can change it (chrome://extensions/shortcuts, Firefox's
// add-on manager); the worker answers the `shortcut` message with what the browser
// has now, and on the command sends OPEN_PANEL to the tab. `matchesShortcut` lets the
// content script recognise the same keys where the page gets them.

export const COMMAND = 'open-coach';
/** The worker -> content script message that opens the panel of the focused box. */
export const OPEN_PANEL = 'open-panel';

/** @type {Record<string, string>} the key names of a shortcut -> KeyboardEvent.code */
const CODES = {
  PERIOD: 'Period', '.': 'Period', COMMA: 'Comma', ',': 'Comma', SPACE: 'Space', HOME: 'Home', END: 'End',
  PAGEUP: 'PageUp', PAGEDOWN: 'PageDown', INSERT: 'Insert', DELETE: 'Delete', INS: 'Insert', DEL: 'Delete',
  UP: 'ArrowUp', DOWN: 'ArrowDown', LEFT: 'ArrowLeft', RIGHT: 'ArrowRight',
};
const SYMBOLS = { '⌘': 'COMMAND', '⇧': 'SHIFT', '⌥': 'ALT', '⌃': 'MACCTRL' };

/**
 * A shortcut as the browser writes it ("Ctrl+Shift+Period", "Alt+Shift+C", "⇧⌘.") as
 * modifiers and a KeyboardEvent.code; null when it cannot be read.
 * @param {string} shortcut
 * @returns {{ctrl: boolean, alt: boolean, shift: boolean, meta: boolean, code: string} | null}
 */
export function parseShortcut(shortcut) {
  let s = String(shortcut ?? '').trim();
  if (!s) return null;
  /** @type {string[]} */
  const parts = [];
  for (const [sym, name] of Object.entries(SYMBOLS)) {
    if (s.includes(sym)) { parts.push(name); s = s.split(sym).join(''); }
  }
  parts.push(...s.split('+').map((p) => p.trim().toUpperCase()).filter(Boolean));
  const mods = { ctrl: false, alt: false, shift: false, meta: false };
  let code = '';
  for (const p of parts) {
    if (p === 'CTRL' || p === 'CONTROL' || p === 'MACCTRL') mods.ctrl = true;
    else if (p === 'ALT' || p === 'OPTION') mods.alt = true;
    else if (p === 'SHIFT') mods.shift = true;
    else if (p === 'COMMAND' || p === 'CMD' || p === 'META') mods.meta = true;
    else if (/^[A-Z]$/.test(p)) code = `Key${p}`;
    else if (/^[0-9]$/.test(p)) code = `Digit${p}`;
    else if (/^F([1-9]|1[0-2])$/.test(p)) code = p;
    else if (CODES[p]) code = CODES[p];
    else return null;
  }
  return code ? { ...mods, code } : null;
}

/**
 * @param {{ctrlKey: boolean, altKey: boolean, shiftKey: boolean, metaKey: boolean, code: string}} e
 * @param {string} shortcut
 */
export function matchesShortcut(e, shortcut) {
  const k = parseShortcut(shortcut);
  return Boolean(k && e.code === k.code && e.ctrlKey === k.ctrl && e.altKey === k.alt && e.shiftKey === k.shift
    && e.metaKey === k.meta);
}

/**
 * A shortcut as people read it: "Ctrl+Shift+Period" -> "Ctrl+Shift+.".
 * @param {string} shortcut
 */
export function displayShortcut(shortcut) {
  return shortcut.replace(/\bPeriod\b/, '.').replace(/\bComma\b/, ',');
}
