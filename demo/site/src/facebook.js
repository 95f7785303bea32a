// Facebook demo: the real Lexical editor (rich text + history) in the structure of
// facebook.com (2024-26, see tests/fixtures/realdom/fb-*.html): the post opened in a post
// dialog over the feed, its body in [data-ad-rendering-role="story_message"] outside any
// role="article", its photo in an empty role="article" aria-label="" box, comments as
// role="article" aria-label="Comment by …" without headings (avatar link first, then the
// name link), time links with the full date in aria-label and a short text, a reply box in
// the comment's [data-commentid] thread opened with a mention of the comment's author
// (Enter sends, no send button), and after the comments the post's own comment box with
// #focused-state-composer-submit [role="button"] (aria-disabled while empty). Also Lexical
// boxes that are not comment boxes: a Messenger chat window and the Create-post dialog.
// Enter posts, Shift+Enter breaks the line, like the real comment box.
import {
  createEditor, $getRoot, $createParagraphNode, $createTextNode, TextNode, COMMAND_PRIORITY_HIGH, KEY_ENTER_COMMAND,
} from 'lexical';
import { registerRichText, HeadingNode, QuoteNode } from '@lexical/rich-text';
import { registerHistory, createEmptyHistoryState } from '@lexical/history';
import { mergeRegister } from '@lexical/utils';
import { params, applyTheme, minutesAgoISO, relLabel, el } from './common.js';

const p = params();
applyTheme(p.theme);
document.documentElement.lang = p.lang;
document.documentElement.classList.add('site-facebook');

const L = {
  nl: {
    write: 'Schrijf een openbare reactie…', replyTo: (n) => `Reageer op ${n}`, send: 'Opmerking plaatsen',
    commentBy: (n, age) => `Opmerking van ${n} ${age}`, like: 'Vind ik leuk', answer: 'Reageren', postOf: (n) => `Bericht van ${n}`,
    post: 'Mijn bestelling is nu al een week te laat en ik krijg geen antwoord op mijn berichten. Hoe lang moet ik nog wachten?',
    author: 'Sonja de Vries', page: 'Bakkerij Van Dam', feed: 'Een bericht in het nieuwsoverzicht achter het venster.',
    comment: 'Mijn bestelling is ook te laat en niemand reageert op mijn berichten.', commenter: 'Kees Jansen', message: 'Bericht', createPost: 'Bericht maken',
    onYourMind: 'Wat wil je delen?', emoji: 'Emoji invoegen', sticker: 'Reageren met een sticker',
  },
  en: {
    write: 'Write a comment…', replyTo: (n) => `Reply to ${n}`, send: 'Comment',
    commentBy: (n, age) => `Comment by ${n} ${age}`, like: 'Like', answer: 'Reply', postOf: (n) => `${n}'s post`,
    post: 'My order is a week late and nobody answers my messages. How much longer do I have to wait?',
    author: 'Sarah Miller', page: "Miller's Bakery", feed: 'A feed post behind the dialog.',
    comment: 'My order is late too and nobody answers my messages.', commenter: 'Tom Baker', message: 'Message', createPost: 'Create post',
    onYourMind: "What's on your mind?", emoji: 'Insert an emoji', sticker: 'Comment with a sticker',
  },
}[p.lang];

const postText = p.post ?? L.post;
const author = p.author ?? L.author;
const iso = minutesAgoISO(p.age);

const DAYS = { en: ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'], nl: ['zondag', 'maandag', 'dinsdag', 'woensdag', 'donderdag', 'vrijdag', 'zaterdag'] };
const MONTHS = {
  en: ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'],
  nl: ['januari', 'februari', 'maart', 'april', 'mei', 'juni', 'juli', 'augustus', 'september', 'oktober', 'november', 'december'],
};
// "Friday 19 June 2026 at 21:21" / "vrijdag 19 juni 2026 om 21:21", as Facebook's aria-labels.
function fullDate(minutes) {
  const d = new Date(Date.now() - minutes * 60000);
  const hhmm = `${String(d.getHours()).padStart(2, '0')}:${String(d.getMinutes()).padStart(2, '0')}`;
  return `${DAYS[p.lang][d.getDay()]} ${d.getDate()} ${MONTHS[p.lang][d.getMonth()]} ${d.getFullYear()} ${p.lang === 'nl' ? 'om' : 'at'} ${hhmm}`;
}
const ageWords = (minutes) => (p.lang === 'nl' ? `${Math.max(1, Math.round(minutes))} minuten geleden` : `${Math.max(1, Math.round(minutes))} minutes ago`);

// The post's time link: aria-label the full date, text short. Comments: short text only.
function timeLink(minutes, full) {
  return el('a', { href: '#permalink', role: 'link', class: 'fb-time', 'aria-label': full ? fullDate(minutes) : null, text: relLabel(minutes, p.lang) });
}

// A mention, as Lexical's MentionNode: a segmented text node with its own look.
class MentionNode extends TextNode {
  static getType() { return 'mention'; }
  static clone(node) { return new MentionNode(node.__text, node.__key); }
  static importJSON(json) { return new MentionNode(json.text); }
  exportJSON() { return { ...super.exportJSON(), type: 'mention', version: 1 }; }
  createDOM(config) {
    const dom = super.createDOM(config);
    dom.className = 'mention';
    dom.setAttribute('spellcheck', 'false');
    return dom;
  }
  isTextEntity() { return true; }
  canInsertTextBefore() { return false; }
  canInsertTextAfter() { return false; }
}

// Lexical's plain text of one editor: one line per paragraph (a line break node is "\n").
function modelText(editor) {
  return editor.getEditorState().read(() => $getRoot().getChildren().map((n) => n.getTextContent()).join('\n'));
}

const composers = {};
let lastFocused = 'comment';

// A Lexical box. `submit`: the #focused-state-composer-submit button (else Enter sends);
// `mention`: the name it starts with.
function makeComposer(id, label, onPost, { submit = false, mention = null, placeholderText = label } = {}) {
  const wrap = el('div', { class: 'fb-composer', 'data-demo-composer': id });
  const avatar = el('span', {}, el('a', { role: 'link', 'aria-label': 'Your profile', href: '#me', tabindex: '-1', class: 'avatar small', text: 'B' }));
  const form = el('form', { role: 'presentation', class: 'fb-box' });
  const editable = el('div', {
    contenteditable: 'true', role: 'textbox', spellcheck: 'true', 'aria-label': label,
    'aria-placeholder': placeholderText, class: 'fb-editable notranslate', tabindex: '0',
  });
  const placeholder = el('div', { class: 'fb-placeholder', 'aria-hidden': 'true' }, el('div', { text: placeholderText }));
  const tools = el('div', { class: 'fb-tools' });
  const icons = el('div');
  icons.append(
    el('span', {}, el('div', { role: 'button', tabindex: '0', 'aria-label': L.emoji, class: 'tool', text: '☺', 'data-demo': 'emoji' })),
    el('span', {}, el('div', { role: 'button', tabindex: '0', 'aria-label': L.sticker, class: 'tool', text: '▣' })),
  );
  tools.append(icons);
  let send = null;
  if (submit) {
    send = el('div', { role: 'button', tabindex: '-1', 'aria-label': L.send, 'aria-disabled': 'true', 'data-demo': 'send', text: '➤' });
    tools.append(el('div', { id: 'focused-state-composer-submit', class: 'fb-submit' }, el('span', {}, send)));
  }
  form.append(el('div', {}, editable, placeholder), tools);
  form.addEventListener('submit', (e) => e.preventDefault());
  wrap.append(avatar, form);

  const editor = createEditor({
    namespace: `fb-demo-${id}`,
    nodes: [HeadingNode, QuoteNode, MentionNode],
    theme: { paragraph: 'fb-p' },
    onError: (e) => { console.error(e); },
  });
  editor.setRootElement(editable);
  const reset = () => {
    const root = $getRoot();
    root.clear();
    const para = $createParagraphNode();
    if (mention) para.append(new MentionNode(mention).setMode('segmented'), $createTextNode(' '));
    root.append(para);
  };
  const isEmpty = () => modelText(editor).trim() === '' || (mention !== null && modelText(editor).trim() === mention);
  const doSubmit = () => {
    if (isEmpty()) return false;
    onPost(modelText(editor));
    editor.update(reset, { tag: 'history-merge' });
    return true;
  };
  mergeRegister(
    registerRichText(editor),
    registerHistory(editor, createEmptyHistoryState(), 300),
    editor.registerCommand(KEY_ENTER_COMMAND, (event) => {
      if (event?.shiftKey) return false; // rich text inserts a line break
      if (event) event.preventDefault();
      doSubmit();
      return true;
    }, COMMAND_PRIORITY_HIGH),
    editor.registerUpdateListener(() => {
      if (send) send.setAttribute('aria-disabled', String(isEmpty()));
      placeholder.hidden = modelText(editor) !== '';
    }),
  );
  editor.update(reset, { tag: 'history-merge' });
  send?.addEventListener('click', () => { if (send.getAttribute('aria-disabled') !== 'true') doSubmit(); });
  editable.addEventListener('focus', () => { lastFocused = id; });
  composers[id] = { editor, editable, send };
  return wrap;
}

let nextId = 100;
// A comment: the [data-commentid] thread wrapper holds its article and, after it, its replies
// and a reply box. No heading; the avatar link comes first, then the name link.
function comment(name, text, minutes, { replyBox = false } = {}) {
  const thread = el('div', { 'data-commentid': String(nextId++), class: 'fb-comment-item' });
  const inner = el('div');
  const art = el('div', { role: 'article', 'aria-label': L.commentBy(name, ageWords(minutes)), class: 'fb-comment', tabindex: '-1' });
  art.append(el('div', {}, el('a', { 'aria-hidden': 'true', href: '#user', role: 'link', tabindex: '-1', class: 'avatar small', text: name.slice(0, 1) })));
  const bubble = el('div', { class: 'fb-bubble' });
  bubble.append(el('span', {}, el('a', { href: '#user', role: 'link', class: 'fb-name' }, el('span', {}, el('span', { dir: 'auto', text: name })))));
  bubble.append(el('div', {}, el('span', { dir: 'auto' }, el('div', { dir: 'auto', class: 'fb-comment-text', text }))));
  const body = el('div');
  body.append(bubble);
  const actions = el('ul', { class: 'fb-actions' });
  actions.append(
    el('li', {}, timeLink(minutes, false)),
    el('li', {}, el('div', { role: 'button', tabindex: '0', 'aria-label': L.like, text: L.like })),
    el('li', {}, el('div', { role: 'button', tabindex: '0', text: L.answer })),
  );
  body.append(actions);
  art.append(body);
  const replies = el('div', { class: 'fb-replies' });
  inner.append(art, replies);
  thread.append(inner);
  if (replyBox) {
    replies.append(makeComposer('reply', L.replyTo(name), (t) => replies.insertBefore(comment(L.page, t, 0), replies.lastChild), { mention: name }));
  }
  return thread;
}

function render() {
  const root = document.getElementById('root');
  const header = el('div', { role: 'banner', class: 'fb-top' }, el('strong', { text: 'facebook' }), el('span', { class: 'demo-tag', text: 'Reply Coach demo · Facebook' }));
  // The feed behind the dialog: its post must never be read as the one answered.
  const main = el('div', { role: 'main', class: 'fb-feed' });
  main.append(el('div', { role: 'region', 'aria-label': 'Create a post', class: 'fb-create' }, el('div', { role: 'button', tabindex: '0', text: L.onYourMind })));
  const feedUnit = el('div', { 'aria-posinset': '1', class: 'fb-post' });
  feedUnit.append(el('div', { 'data-ad-rendering-role': 'profile_name' }, el('h2', {}, el('a', { href: '#feed', role: 'link' }, el('strong', {}, el('span', { text: 'Pieter Jansen' }))))));
  feedUnit.append(el('div', { 'data-ad-rendering-role': 'story_message' }, el('div', { 'data-ad-comet-preview': 'message', 'data-ad-preview': 'message' }, el('div', { dir: 'auto', text: L.feed }))));
  main.append(el('div', { role: 'feed' }, feedUnit));

  // The post dialog.
  const layer = el('div', { class: 'fb-dialog-layer' });
  const dialog = el('div', { role: 'dialog', 'aria-modal': 'true', 'aria-labelledby': 'post-title', class: 'fb-dialog' });
  dialog.append(el('h2', { id: 'post-title', class: 'fb-dialog-title', dir: 'auto' }, el('span', { text: L.postOf(author) })));
  const post = el('div', { class: 'fb-post-body' });
  const head = el('div', { class: 'fb-post-head' });
  head.append(el('span', {}, el('a', { role: 'link', 'aria-label': author, href: '#author', class: 'avatar', text: author.slice(0, 1) })));
  const who = el('div');
  who.append(el('div', { 'data-ad-rendering-role': 'profile_name' }, el('div', { dir: 'auto' }, el('h2', { class: 'fb-author' }, el('span', {}, el('a', { href: '#author', role: 'link' }, el('strong', {}, el('span', { text: author }))))))));
  who.append(el('div', {}, el('span', {}, timeLink(p.age, true))));
  head.append(who);
  post.append(head);
  post.append(el('div', { dir: 'auto' }, el('div', { 'data-ad-rendering-role': 'story_message' },
    el('div', { 'data-ad-comet-preview': 'message', 'data-ad-preview': 'message', class: 'fb-message' }, el('div', { dir: 'auto', text: postText })))));
  post.append(el('div', { role: 'article', 'aria-label': '', tabindex: '-1' }, el('a', { role: 'link', href: '#photo', 'aria-label': 'May be an image of a parcel' }, el('div', { class: 'fb-media' }))));
  dialog.append(post);
  const list = el('div', { class: 'fb-comments' });
  list.append(comment(L.commenter, L.comment, Math.max(1, p.age - 5), { replyBox: true }));
  dialog.append(list);
  dialog.append(makeComposer('comment', L.write, (t) => list.append(comment(L.page, t, 0)), { submit: true }));
  layer.append(dialog);

  // A Messenger chat window: a Lexical box next to its transcript (a chat, not a comment).
  const chat = el('div', { class: 'fb-chat' });
  chat.append(el('div', { role: 'log', 'aria-label': `Messages in conversation with ${L.commenter}` },
    el('div', { 'data-scope': 'messages_table', 'data-message-id': 'mid.$demo1' }, el('div', { dir: 'auto', text: '👋' }))));
  chat.append(makeComposer('chat', L.message, () => {}, { placeholderText: 'Aa' }));
  root.append(header, main, layer, chat);
}

render();

// The Create-post dialog (a new post, not a comment box), opened by a test.
function openCreatePost() {
  if (composers.create) return;
  const d = el('div', { role: 'dialog', 'aria-labelledby': 'create-title', class: 'fb-dialog fb-create-dialog' });
  d.append(el('h2', { id: 'create-title', class: 'fb-dialog-title', text: L.createPost }));
  d.append(makeComposer('create', L.onYourMind, () => {}));
  d.append(el('div', {}, el('div', { role: 'button', 'aria-label': 'Post', tabindex: '0', text: 'Post' })));
  const layer = el('div', { class: 'fb-dialog-layer', style: 'z-index:30' }, d);
  document.body.append(layer);
}

window.__demo = {
  site: 'facebook',
  post: { text: postText, author, datetime: iso },
  getModelText: (which = lastFocused) => (composers[which] ? modelText(composers[which].editor) : null),
  isSendEnabled: (which = 'comment') => !!composers[which]?.send && composers[which].send.getAttribute('aria-disabled') !== 'true',
  paragraphCount: (which = lastFocused) => composers[which].editor.getEditorState().read(() => $getRoot().getChildrenSize()),
  mention: (which = 'reply') => composers[which]?.editable.querySelector('.mention')?.textContent ?? null,
  // the comment the reply box answers, as the engine should get it
  comment: { text: L.comment, author: L.commenter, age_minutes: Math.max(1, p.age - 5) },
  openCreatePost,
};
