// @ts-check
// The sites the content script knows, each through one adapter: how to find its reply
// boxes, read the draft and the post being answered, and map the draft's text onto the
// editor's DOM (for writing fixes back). Each adapter documents, at its top, the real
// page structure it relies on; tests/unit/adapters.test.mjs runs them over trimmed copies
// of the real pages (tests/fixtures/realdom/).
import { xAdapter } from './x.js';
import { facebookAdapter } from './facebook.js';

/** @typedef {import('../dom-text.js').Block} Block */

/**
 * @typedef {object} SiteAdapter
 * @property {'x' | 'facebook'} platform  the engine's platform (length limit, settings switch)
 * @property {string[]} hosts  the hostnames it runs on (and their subdomains)
 * @property {(root: ParentNode) => HTMLElement[]} findReplyBoxes  the editors on the page
 * @property {(editor: HTMLElement) => Block[]} map  the draft's text mapped onto the DOM
 * @property {(editor: HTMLElement) => string} readDraft
 * @property {(editor: HTMLElement, now?: number) => {text: string, author: string | null, age_minutes: number | null} | null} readPost
 *   the post (or comment) being answered, as the page shows it; null for a box that
 *   answers nothing (a new post). Its text is "" for a post without a message.
 * @property {(editor: HTMLElement) => HTMLElement} composer  the box with the editor and
 *   its toolbar and send button, which the coach never covers
 * @property {(editor: HTMLElement) => HTMLElement | null} sendButton  the site's own send
 *   button of this box (null where the site has none: Enter sends)
 */

/** @type {SiteAdapter[]} */
export const ADAPTERS = [xAdapter, facebookAdapter];

/**
 * The adapters for a page. Development builds also run on 127.0.0.1/localhost (the demo
 * pages): every adapter then, recognising the boxes by their DOM.
 * @param {string} hostname
 */
export function adaptersFor(hostname) {
  const host = hostname.toLowerCase();
  const matched = ADAPTERS.filter((a) => a.hosts.some((hh) => host === hh || host.endsWith(`.${hh}`)));
  return matched.length ? matched : ADAPTERS;
}
