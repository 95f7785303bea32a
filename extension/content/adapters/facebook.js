// @ts-check
// Facebook: Lexical editors ([data-lexical-editor="true"], role="textbox") for comments
// and replies. The post or comment being answered: walking up from the box, the first
// ancestor that is itself a post/comment article, or the last article that precedes the
// box inside an ancestor (the comment a reply box sits under). Labels differ per
// interface language ("Schrijf een opmerking…", "Write a comment…"), so nothing here
// depends on them.
import { mapLexical, textOf, visibleText, ageFromElement, parseRelative } from '../dom-text.js';

const BOX = '[data-lexical-editor="true"][contenteditable="true"][role="textbox"]';
const ARTICLE = '[role="article"], [aria-posinset]';

/** @typedef {import('./index.js').SiteAdapter} SiteAdapter */

/** @param {Element} a @param {Element} b */
function precedes(a, b) {
  return Boolean(a.compareDocumentPosition(b) & Node.DOCUMENT_POSITION_FOLLOWING) && !a.contains(b);
}

/** @param {HTMLElement} editor @returns {Element | null} */
function answeredArticle(editor) {
  let el = editor.parentElement;
  for (let depth = 0; el && depth < 40; depth++, el = el.parentElement) {
    if (el.matches(ARTICLE)) return el;
    const before = [...el.querySelectorAll('[role="article"]')].filter((a) => precedes(a, editor));
    if (before.length) return before[before.length - 1];
  }
  return null;
}

/** @param {Element} article */
function articleText(article) {
  const msg = article.querySelector('[data-ad-comet-preview="message"], [data-ad-preview="message"]');
  if (msg) return visibleText(msg);
  // A comment: the first dir="auto" block outside the author's link.
  for (const el of article.querySelectorAll('[dir="auto"]')) {
    if (el.closest('a, h2, h3, h4')) continue;
    const text = visibleText(el);
    if (text) return text;
  }
  return '';
}

/** @param {Element} article */
function articleAuthor(article) {
  const heading = article.querySelector('h2, h3, h4');
  const link = heading ?? article.querySelector('a[role="link"], a[href]');
  const name = link ? visibleText(link).split('\n')[0].trim() : '';
  return name || null;
}

/** @param {Element} article */
function articleAge(article) {
  const exact = ageFromElement(article);
  if (exact !== null) return exact;
  // Relative labels next to the article ("5m", "2 u") in its action row.
  const scope = article.parentElement ?? article;
  for (const a of scope.querySelectorAll('a[href], abbr, span')) {
    const minutes = parseRelative(a.textContent);
    if (minutes !== null) return minutes;
  }
  return null;
}

/** @type {SiteAdapter} */
export const facebookAdapter = {
  platform: 'facebook',
  hosts: ['facebook.com', 'www.facebook.com', 'm.facebook.com', 'web.facebook.com'],

  findReplyBoxes(root) {
    return /** @type {HTMLElement[]} */ ([...root.querySelectorAll(BOX)]);
  },

  map: (editor) => mapLexical(editor),
  readDraft: (editor) => textOf(mapLexical(editor)),

  readPost(editor) {
    const article = answeredArticle(editor);
    if (!article) return null;
    return { text: articleText(article), author: articleAuthor(article), age_minutes: articleAge(article) };
  },

  composer(editor) {
    const form = editor.closest('form');
    if (form) return form;
    let el = editor.parentElement ?? editor;
    for (let i = 0; i < 4 && el.parentElement; i++) {
      if (el.querySelector('button, [role="button"]')) return el;
      el = el.parentElement;
    }
    return el;
  },
};
