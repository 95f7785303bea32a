// @ts-check
// X (x.com, twitter.com), desktop and phone. What the real pages are made of (2025-26;
// trimmed copies in tests/fixtures/realdom/, sources in their headers):
//
// - The box: a Draft.js editor div[data-testid="tweetTextarea_N"][contenteditable] (N = 0
//   for the first box of a thread; `…_label` and `…RichTextInputContainer` are its
//   wrappers, not boxes). In a phone browser it is a React-controlled
//   <textarea data-testid="tweetTextarea_0">; the same test id is used by Grok's input, so a
//   textarea counts only when a composer's send button sits around it.
// - The send button: button[data-testid="tweetButton"] in the reply dialog (and in the
//   phone composer), [data-testid="tweetButtonInline"] under a post and in the home
//   composer. It is 15 (post page), 20 (home) and 22-23 (dialog) levels above the editor, so
//   no depth is guessed: the composer is the nearest ancestor holding a send button (it
//   then also holds the toolBar with the emoji picker), never past a dialog or <main>.
// - The post answered, by where the box is:
//   - in a reply dialog ([role="dialog"], inside #layers, which comes BEFORE <main> in the
//     document): the copy of the post in that dialog, above the box
//     (article[data-testid="tweet"][tabindex="-1"]). A dialog with no post copy above the
//     box is the compose dialog: a new post;
//   - under a post on its own page: div[data-testid="inline_reply_offscreen"], right after
//     the focal article in the same cell;
//   - anywhere else (the phone composer): the last post above the box in the same column.
//     The home composer ("What's happening?", the same tweetTextarea_0, left in the page
//     while a reply dialog is open) has no post above it in its column: a new post, coached
//     with no post, never with the dialog's.
// - The post's author: [data-testid="User-Name"] holds the name, "@handle", "·" and the time.
//   In the timeline the name is a link; in the dialog's copy nothing is a link, and its text
//   runs together ("Ana Silva@anasilva·12h"). The name is the first [dir="ltr"] part that is
//   not the @handle, the dot or the time.
// - The time: time[datetime] (in a status link on a post's page, in a div[aria-label] in the
//   dialog's copy). A quoted post inside an article (div[role="link"] with its own
//   User-Name, text and time) is never read as the post.
// Labels ("Post your reply", "Reply", "Replying to") differ per language: nothing here reads them.
import { mapDraft, textOf, visibleText } from '../dom-text.js';

const BOX = '[data-testid^="tweetTextarea_"]';
const SEND = '[data-testid="tweetButtonInline"], [data-testid="tweetButton"]';
const TWEET = 'article[data-testid="tweet"]';
const QUOTE = 'div[role="link"]';

/** @typedef {import('./index.js').SiteAdapter} SiteAdapter */

/** @param {Element} a @param {Element} b  a comes before b in the document (and does not hold it) */
function precedes(a, b) {
  return Boolean(a.compareDocumentPosition(b) & Node.DOCUMENT_POSITION_FOLLOWING) && !a.contains(b);
}

/** @param {Element} el */
function isTextarea(el) {
  return el.tagName === 'TEXTAREA';
}

/**
 * The composer around a box: its nearest ancestor that holds a send button, not looking
 * past the box's dialog or <main>. null when there is none.
 * @param {Element} editor
 * @returns {HTMLElement | null}
 */
function composerOf(editor) {
  for (let el = editor.parentElement; el; el = el.parentElement) {
    if (el.querySelector(SEND)) return el;
    if (el.matches('[role="dialog"], main, body')) return null;
  }
  return null;
}

/** @param {Element} scope @param {Element} editor  the top-level posts above the box in scope */
function postsBefore(scope, editor) {
  return [...scope.querySelectorAll(TWEET)].filter((a) => precedes(a, editor) && !a.parentElement?.closest(TWEET));
}

/**
 * The post the box answers, or null for a new post.
 * @param {Element} editor
 * @returns {Element | null}
 */
function answeredPost(editor) {
  const dialog = editor.closest('[role="dialog"]');
  if (dialog) return postsBefore(dialog, editor).pop() ?? null;
  const inline = editor.closest('[data-testid="inline_reply_offscreen"]');
  if (inline) {
    for (let el = inline.previousElementSibling; el; el = el.previousElementSibling) {
      if (el.matches(TWEET)) return el;
      const inside = [...el.querySelectorAll(TWEET)].pop();
      if (inside) return inside;
    }
    return inline.parentElement ? postsBefore(inline.parentElement, editor).pop() ?? null : null;
  }
  const column = editor.closest('[data-testid="primaryColumn"], main');
  return column ? postsBefore(column, editor).pop() ?? null : null;
}

/** @param {Element} article @param {Element} el  el belongs to this post, not to a post it quotes */
function ownPart(article, el) {
  const quote = el.closest(QUOTE);
  return !quote || !article.contains(quote);
}

/** @param {Element} article  the display name from User-Name, linked or not */
export function authorOf(article) {
  const box = [...article.querySelectorAll('[data-testid="User-Name"]')].find((el) => ownPart(article, el));
  if (!box) return null;
  for (const part of box.querySelectorAll('[dir="ltr"], [dir="auto"]')) {
    if (part.querySelector('time') || part.closest('time')) continue;
    if (part.querySelector('[dir="ltr"], [dir="auto"]')) continue; // the innermost part only
    const text = visibleText(part);
    if (!text || text === '·' || /^@\w{1,15}$/.test(text)) continue;
    return text;
  }
  return null;
}

/** @param {Element} article @param {number} now */
function ageOf(article, now) {
  const time = [...article.querySelectorAll('time[datetime]')].find((t) => ownPart(article, t));
  if (!time) return null;
  const ms = Date.parse(time.getAttribute('datetime') ?? '');
  return Number.isFinite(ms) ? Math.max(0, (now - ms) / 60000) : null;
}

/** @param {Element} article */
function textOfPost(article) {
  const el = [...article.querySelectorAll('[data-testid="tweetText"]')].find((t) => ownPart(article, t));
  return visibleText(el);
}

/** @type {SiteAdapter} */
export const xAdapter = {
  platform: 'x',
  hosts: ['x.com', 'twitter.com', 'mobile.twitter.com', 'mobile.x.com'],

  findReplyBoxes(root) {
    return /** @type {HTMLElement[]} */ ([...root.querySelectorAll(BOX)]).filter((el) => {
      if (!/^tweetTextarea_\d+$/.test(el.getAttribute('data-testid') ?? '')) return false;
      if (isTextarea(el)) return composerOf(el) !== null;
      return el.getAttribute('contenteditable') === 'true';
    });
  },

  map: (editor) => (isTextarea(editor) ? [] : mapDraft(editor)),
  readDraft: (editor) => (isTextarea(editor) ? /** @type {HTMLTextAreaElement} */ (editor).value : textOf(mapDraft(editor))),

  readPost(editor, now = Date.now()) {
    const article = answeredPost(editor);
    if (!article) return null;
    return { text: textOfPost(article), author: authorOf(article), age_minutes: ageOf(article, now) };
  },

  composer(editor) {
    return composerOf(editor) ?? editor.closest('[data-testid$="_label"]')?.parentElement ?? editor.parentElement ?? editor;
  },

  sendButton(editor) {
    return /** @type {HTMLElement | null} */ (composerOf(editor)?.querySelector(SEND) ?? null);
  },
};
