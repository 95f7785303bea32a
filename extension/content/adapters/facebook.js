// Facebook: Lexical editors ([data-lexical-editor="true"], role="textbox") for comments
// and replies. The post or comment being answered: walking up from the box, the first
// ancestor that is itself a post/comment article, or the last article that precedes the
// box inside an ancestor (the comment a reply box sits under). Labels differ per
// interface language ("Schrijf een opmerking…", "Write a comment…"), so nothing here
// depends on them.
import { mapLexical, textOf, visibleText, ageFromElement, parseRelative } from '../dom-text.js';

const BOX = '[data-lexical-editor="true"][contenteditable="true"][role="textbox"]';
const ARTICLE = '[role="article"], [aria-posinset]';

function precedes(a, b) {
  return Boolean(a.compareDocumentPosition(b) & Node.DOCUMENT_POSITION_FOLLOWING) && !a.contains(b);
}

function answeredArticle(editor) {
  let el = editor.parentElement;
  for (let depth = 0; el && depth < 40; depth++, el = el.parentElement) {
    if (el.matches(ARTICLE)) return el;
    const before = [...el.querySelectorAll('[role="article"]')].filter((a) => precedes(a, editor));
    if (before.length) return before[before.length - 1];
  }
  return null;
}

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

function articleAuthor(article) {
  const heading = article.querySelector('h2, h3, h4');
  const link = heading ?? article.querySelector('a[role="link"], a[href]');
  const name = link ? visibleText(link).split('\n')[0].trim() : '';
  return name || null;
}

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

export const facebookAdapter = {
  id: 'facebook',
  platform: 'facebook',
  hosts: ['facebook.com', 'www.facebook.com', 'm.facebook.com', 'web.facebook.com'],

  findReplyBoxes(root) {
    return [...root.querySelectorAll(BOX)];
  },

  owns(el) {
    return el.matches?.(BOX) ?? false;
  },

  map: (editor) => mapLexical(editor),
  readDraft: (editor) => textOf(mapLexical(editor)),

  readPost(editor) {
    const article = answeredArticle(editor);
    if (!article) return null;
    return { text: articleText(article), author: articleAuthor(article), age_minutes: articleAge(article) };
  },

  sendButton(editor) {
    const c = this.composer(editor);
    const buttons = c.querySelectorAll('[type="submit"], button, [role="button"]');
    return buttons[buttons.length - 1] ?? null;
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
