// @ts-check
// X (Twitter): Draft.js editors ([data-testid="tweetTextarea_N"]) in the inline reply box
// under a post and in the reply dialog; the post answered is the closest
// article[data-testid="tweet"] above the box (within the dialog, when in one).
import { mapDraft, textOf, visibleText, ageFromElement } from '../dom-text.js';

const BOX = '[data-testid^="tweetTextarea_"][contenteditable="true"]';
const SEND = '[data-testid="tweetButtonInline"], [data-testid="tweetButton"]';

/** @typedef {import('./index.js').SiteAdapter} SiteAdapter */

/** @param {Element} a @param {Element} b */
function precedes(a, b) {
  return Boolean(a.compareDocumentPosition(b) & Node.DOCUMENT_POSITION_FOLLOWING) && !a.contains(b);
}

/** @type {SiteAdapter} */
export const xAdapter = {
  platform: 'x',
  hosts: ['x.com', 'twitter.com', 'mobile.twitter.com', 'mobile.x.com'],

  findReplyBoxes(root) {
    const boxes = /** @type {HTMLElement[]} */ ([...root.querySelectorAll(BOX)]);
    return boxes.filter((el) => /^tweetTextarea_\d+$/.test(el.getAttribute('data-testid') ?? ''));
  },

  map: (editor) => mapDraft(editor),
  readDraft: (editor) => textOf(mapDraft(editor)),

  readPost(editor) {
    const scope = editor.closest('[role="dialog"]') ?? editor.ownerDocument;
    const articles = [...scope.querySelectorAll('article[data-testid="tweet"]')].filter((a) => precedes(a, editor));
    const article = articles[articles.length - 1];
    if (!article) return null;
    const textEl = article.querySelector('[data-testid="tweetText"]');
    const nameEl = article.querySelector('[data-testid="User-Name"]');
    let author = null;
    if (nameEl) {
      const first = nameEl.querySelector('a') ?? nameEl;
      author = visibleText(first).split('\n')[0].trim() || null;
      if (author?.startsWith('@')) author = null;
    }
    return { text: visibleText(textEl), author, age_minutes: ageFromElement(article) };
  },

  // The smallest ancestor that holds the editor and the send button (and so the
  // toolbar with the emoji picker): the coach never covers it.
  composer(editor) {
    /** @type {HTMLElement} */
    let el = editor;
    for (let i = 0; i < 14 && el.parentElement; i++) {
      el = el.parentElement;
      if (el.querySelector(SEND)) return el;
      if (el.matches('[role="dialog"], main, body')) break;
    }
    return editor.parentElement ?? editor;
  },
};
