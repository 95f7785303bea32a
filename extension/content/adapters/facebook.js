// @ts-check
// Facebook (www, m, web.facebook.com). What the real pages are made of (2024-26; trimmed
// copies in tests/fixtures/realdom/, sources in their headers):
//
// - Every box is a Lexical editor: div[contenteditable="true"][role="textbox"]
//   [data-lexical-editor="true"]. Comment boxes, reply boxes, the Create-post box, Messenger
//   chat inputs and the private-reply "Message <name>" box all look alike, so a box is
//   coached only when it is a comment box: inside a post's container (below), next to a
//   post or its comments, and not next to a message transcript (role="log",
//   [data-message-id], [data-scope="messages_table"]: a chat). A box with no post and no
//   comment around it (Create post, a private message) gets no coach.
// - The post's container, the boundary of every search: the nearest [aria-posinset] (a feed
//   unit, or on a Page's own permalink the post's role="article"), else the post dialog the
//   box is in (div[role="dialog"], labelled "<name>'s post"; the feed stays behind it, and
//   other dialogs may be stacked over it: only the box's own dialog counts), else role="main".
// - The post is NOT a role="article" since 2024 (except on that Page permalink): its body is
//   [data-ad-rendering-role="story_message"] > [data-ad-comet-preview="message"], its author
//   [data-ad-rendering-role="profile_name"] (or the first heading link), its time the first
//   time link of the container outside the comments. Photos sit in EMPTY
//   role="article" aria-label="" boxes, which are not comments. A post without a message
//   has text "" (its author and age still count); the first [dir="auto"] there wraps the
//   author's heading and is never read as the text.
// - Comments and replies are role="article" with a label ("Comment by <name> <age>", "Reply
//   by <name> to <name>'s comment <age>", Dutch "Opmerking van …", "Antwoord van … op de
//   opmerking van …"), no heading; their first link is the avatar (aria-hidden, no text), the
//   author is the first link with text. A comment's wrapper [data-commentid] also holds its
//   replies, as siblings of its article, and a reply box opened under it.
// - Times are links, no <time>: aria-label = the full date ("Friday 19 June 2026 at 21:21")
//   or a relative age, text short ("19 June", "2h", "2 u", "45m"); the comment's own label
//   ends in its relative age. Only the article's own links are read, never a neighbour's.
// - Which box answers what: the post's own box comes after the comments (last in the
//   container); a reply box sits inside the comment's [data-commentid] wrapper, after its
//   replies, and may start with a mention of the person answered (a segmented Lexical text
//   node: spellcheck="false", or a link, or class "mention"). That mention is not the
//   agent's draft: the draft starts after it (and the spaces after it), and it names the
//   comment or reply answered (the last one above the box by that person, else the comment).
// - The send button: #focused-state-composer-submit [role="button"] in the box's form
//   (aria-disabled="true" while empty). Older markup has none (Enter submits): then there is
//   no send button, never "the last button" (that is "Comment with a sticker").
// Labels ("Write a comment…", "Schrijf een openbare reactie…", "Comment by") differ per
// interface language and are never needed to find anything; they are only read for ages.
import { mapLexical, textOf, visibleText } from '../dom-text.js';
import { ageFromLabel, ageFromArticleLabel } from '../time-label.js';

const BOX = '[data-lexical-editor="true"][contenteditable="true"][role="textbox"]';
const CHAT = '[role="log"], [data-message-id], [data-scope="messages_table"]';
const MESSAGE = '[data-ad-rendering-role="story_message"], [data-ad-comet-preview="message"], [data-ad-preview="message"]';

/** @typedef {import('./index.js').SiteAdapter} SiteAdapter */

/** @param {Element} a @param {Element} b  a comes before b in the document (and does not hold it) */
function precedes(a, b) {
  return Boolean(a.compareDocumentPosition(b) & Node.DOCUMENT_POSITION_FOLLOWING) && !a.contains(b);
}

/** @param {Element} el  a comment or reply (a labelled role="article", not a post) */
function isComment(el) {
  return el.matches('[role="article"]') && Boolean(el.getAttribute('aria-label')?.trim()) && !el.hasAttribute('aria-posinset');
}

/** @param {Element} scope */
function commentsIn(scope) {
  return [...scope.querySelectorAll('[role="article"]')].filter(isComment);
}

/** @param {Element} editor  the post's container the box belongs to */
function scopeOf(editor) {
  return editor.closest('[aria-posinset], [role="dialog"], [role="main"]');
}

/**
 * The post in its container: the container itself when it is the post's article, else a
 * post article in it above the box, else the container (whose message, author and time
 * outside the comments are the post's).
 * @param {Element} scope @param {Element} editor
 */
function postRoot(scope, editor) {
  if (scope.matches('[role="article"]') && !isComment(scope)) return scope;
  const article = [...scope.querySelectorAll('[role="article"][aria-posinset]')].find((a) => precedes(a, editor));
  return article ?? scope;
}

/**
 * el is part of the post itself: not inside a comment, a media box or any other article
 * within the post, and not in a comment box.
 * @param {Element} root @param {Element} el
 */
function postPart(root, el) {
  const article = el.closest('[role="article"]');
  if (article && article !== root && root.contains(article)) return false;
  const box = el.closest('form, [role="textbox"]');
  return !(box && root.contains(box));
}

/** @param {Element} root */
function postMessage(root) {
  return [...root.querySelectorAll(MESSAGE)].find((m) => postPart(root, m)) ?? null;
}

/** @param {Element} root  the post's author: profile_name, else the first heading link, else the first named link */
function postAuthor(root) {
  const named = [...root.querySelectorAll('[data-ad-rendering-role="profile_name"]')].find((el) => postPart(root, el));
  if (named) return visibleText(named).split('\n')[0].trim() || null;
  for (const links of [root.querySelectorAll('h2 a, h3 a, h4 a'), root.querySelectorAll('a')]) {
    for (const link of links) {
      if (!postPart(root, link) || link.getAttribute('aria-hidden') === 'true' || link.closest(MESSAGE)) continue;
      const text = visibleText(link).split('\n')[0].trim();
      if (text && ageFromLabel(text) === null) return text;
    }
  }
  return null;
}

/**
 * The age a time link gives: its aria-label (the full date, or a relative age), else its
 * short text.
 * @param {Element} link @param {number} now
 */
function linkAge(link, now) {
  const label = link.getAttribute('aria-label');
  const fromLabel = label ? ageFromLabel(label, now) : null;
  if (fromLabel !== null) return fromLabel;
  return ageFromLabel(visibleText(link), now);
}

/** @param {Element} root @param {number} now */
function postAge(root, now) {
  for (const link of root.querySelectorAll('a')) {
    if (!postPart(root, link) || link.closest(MESSAGE)) continue;
    const age = linkAge(link, now);
    if (age !== null) return age;
  }
  return null;
}

/**
 * The post's text when it has no message element: its [dir="auto"] blocks above the
 * comments and the box that are not the author's heading, a link, a button or a comment.
 * @param {Element} root @param {Element} editor
 */
function looseText(root, editor) {
  const firstComment = commentsIn(root)[0];
  for (const el of root.querySelectorAll('[dir="auto"]')) {
    if (!precedes(el, editor) || (firstComment && !precedes(el, firstComment))) continue;
    if (!postPart(root, el) || el.closest('a, h1, h2, h3, h4, [role="button"], [role="heading"], [data-ad-rendering-role="profile_name"]')) continue;
    if (el.querySelector('a, h1, h2, h3, h4, [role="button"], [role="heading"], [dir="auto"]')) continue;
    const text = visibleText(el);
    if (text) return text;
  }
  return '';
}

/** @param {Element} article  a comment's author: the first link with text (the first link is the avatar) */
function commentAuthor(article) {
  for (const link of article.querySelectorAll('a')) {
    if (link.getAttribute('aria-hidden') === 'true') continue;
    const text = visibleText(link).split('\n')[0].trim();
    if (text) return text;
  }
  return null;
}

/**
 * A comment's text: its first [dir="auto"] element outside the name link, links and
 * buttons (it holds every line of the comment).
 * @param {Element} article
 */
function commentText(article) {
  for (const el of article.querySelectorAll('[dir="auto"]')) {
    if (el.closest('a, [role="button"], h1, h2, h3, h4') || el.closest('[role="article"]') !== article) continue;
    if (el.querySelector('a[aria-hidden="true"], [role="button"]')) continue;
    const text = visibleText(el);
    if (text && text !== commentAuthor(article)) return text;
  }
  return '';
}

/** @param {Element} article @param {number} now  its own time link, else the age in its label */
function commentAge(article, now) {
  for (const link of article.querySelectorAll('a')) {
    if (link.closest('[role="article"]') !== article) continue;
    const age = linkAge(link, now);
    if (age !== null) return age;
  }
  return ageFromArticleLabel(article.getAttribute('aria-label'));
}

/** @param {string} s */
const sameName = (s) => s.trim().replace(/^@/, '').toLowerCase();

/**
 * A reply box's leading mention: the first text of its first paragraph when that is a
 * segmented node (a mention), naming someone who wrote above the box or whom the box's
 * label names.
 * @param {HTMLElement} editor
 * @returns {{el: Element, name: string} | null}
 */
export function leadingMention(editor) {
  const first = editor.firstElementChild;
  if (!first) return null;
  const walker = editor.ownerDocument.createTreeWalker(first, NodeFilter.SHOW_TEXT);
  /** @type {Text | null} */
  let node = null;
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    if (/** @type {Text} */ (n).data.trim()) { node = /** @type {Text} */ (n); break; }
  }
  const leaf = node?.parentElement?.closest('[data-lexical-text="true"], a');
  if (!node || !leaf || !first.contains(leaf)) return null;
  const segmented = leaf.tagName === 'A' || leaf.closest('a') !== null || leaf.getAttribute('spellcheck') === 'false'
    || /\bmention\b/i.test(leaf.getAttribute('class') ?? '') || leaf.hasAttribute('data-lexical-mention');
  if (!segmented) return null;
  const name = visibleText(leaf);
  if (!name) return null;
  const scope = scopeOf(editor);
  const label = `${editor.getAttribute('aria-label') ?? ''} ${editor.getAttribute('aria-placeholder') ?? ''}`.toLowerCase();
  const known = (scope && commentsIn(scope).some((a) => sameName(commentAuthor(a) ?? '') === sameName(name)))
    || label.includes(sameName(name));
  return known ? { el: leaf, name } : null;
}

/**
 * The comment or reply a box answers, or null when it is the post's own box.
 * @param {HTMLElement} editor @param {Element} scope
 */
function answeredComment(editor, scope) {
  const mention = leadingMention(editor);
  const thread = editor.closest('[data-commentid]');
  const above = (/** @type {Element} */ within) => commentsIn(within).filter((a) => precedes(a, editor));
  if (thread && scope.contains(thread)) {
    const inThread = above(thread);
    if (mention) {
      const byName = inThread.filter((a) => sameName(commentAuthor(a) ?? '') === sameName(mention.name)).pop();
      if (byName) return byName;
    }
    return inThread.find((a) => a.parentElement?.closest('[data-commentid]') === thread) ?? inThread[0] ?? null;
  }
  if (mention) return above(scope).filter((a) => sameName(commentAuthor(a) ?? '') === sameName(mention.name)).pop() ?? null;
  return null;
}

/**
 * What a box is: a comment box (with the post's container), or not one.
 * @param {HTMLElement} editor
 * @returns {Element | null} the post's container, for a comment box
 */
export function commentScope(editor) {
  const scope = scopeOf(editor);
  if (!scope) return null;
  for (let el = editor.parentElement; el; el = el.parentElement) {
    if (el.querySelector(CHAT)) return null; // a chat
    if (el === scope) break;
  }
  const root = postRoot(scope, editor);
  if (root !== scope || postMessage(scope) || commentsIn(scope).length) return scope;
  // neither message nor comments: a post with only a photo still has its author and a
  // time link; a Create-post or private-message dialog has neither
  return postAuthor(scope) && postAge(scope, Date.now()) !== null ? scope : null;
}

/** @param {HTMLElement} editor */
function mapBox(editor) {
  const mention = leadingMention(editor);
  return mapLexical(editor, { skip: mention?.el ?? null });
}

/** @param {HTMLElement} editor */
function formOf(editor) {
  const form = editor.closest('form, [role="presentation"]');
  if (form?.querySelector('[role="button"], button')) return /** @type {HTMLElement} */ (form);
  let el = editor.parentElement ?? editor;
  for (let i = 0; i < 6 && el.parentElement; i++) {
    if (el.querySelector('[role="button"], button')) return el;
    if (el.matches('[role="dialog"], [aria-posinset], [data-commentid]')) break;
    el = el.parentElement;
  }
  return el;
}

/** @type {SiteAdapter} */
export const facebookAdapter = {
  platform: 'facebook',
  hosts: ['facebook.com', 'www.facebook.com', 'm.facebook.com', 'web.facebook.com'],

  findReplyBoxes(root) {
    return /** @type {HTMLElement[]} */ ([...root.querySelectorAll(BOX)]).filter((el) => commentScope(el) !== null);
  },

  map: mapBox,
  readDraft: (editor) => textOf(mapBox(editor)),

  readPost(editor, now = Date.now()) {
    const scope = commentScope(editor);
    if (!scope) return null;
    const comment = answeredComment(editor, scope);
    if (comment) return { text: commentText(comment), author: commentAuthor(comment), age_minutes: commentAge(comment, now) };
    const root = postRoot(scope, editor);
    const message = postMessage(root);
    const text = message ? visibleText(message) : looseText(root, editor);
    const author = postAuthor(root);
    const age = postAge(root, now);
    if (!text && !author && age === null) return null;
    return { text, author, age_minutes: age };
  },

  composer: formOf,

  sendButton(editor) {
    return /** @type {HTMLElement | null} */ (formOf(editor).querySelector('[id="focused-state-composer-submit"] [role="button"], [id="focused-state-composer-submit"] button'));
  },
};
