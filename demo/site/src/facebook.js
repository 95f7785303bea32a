// Facebook demo: a post with comments and the real Lexical editor (rich text + history),
// shaped like facebook.com's DOM ([data-lexical-editor="true"], role="textbox",
// aria-label "Schrijf een opmerking…" / "Write a comment…"). Enter posts, Shift+Enter
// breaks the line, like the real comment box.
import {
  createEditor, $getRoot, $createParagraphNode, COMMAND_PRIORITY_HIGH, KEY_ENTER_COMMAND,
} from 'lexical';
import { registerRichText, HeadingNode, QuoteNode } from '@lexical/rich-text';
import { registerHistory, createEmptyHistoryState } from '@lexical/history';
import { mergeRegister } from '@lexical/utils';
import { params, applyTheme, minutesAgoISO, relLabel, el } from './common.js';

const p = params();
applyTheme(p.theme);
document.documentElement.lang = p.lang;
document.documentElement.classList.add("site-facebook");

const L = {
  nl: {
    write: 'Schrijf een opmerking…', reply: 'Schrijf een antwoord…', send: 'Opmerking plaatsen',
    commentBy: 'Opmerking van', like: 'Vind ik leuk', answer: 'Beantwoorden',
    post: 'Mijn bestelling is nu al een week te laat en ik krijg geen antwoord op mijn berichten. Hoe lang moet ik nog wachten?',
    author: 'Sonja de Vries', page: 'Bakkerij Van Dam',
    comment: 'Herkenbaar, bij mij precies hetzelfde.', commenter: 'Kees Jansen',
  },
  en: {
    write: 'Write a comment…', reply: 'Write a reply…', send: 'Post comment',
    commentBy: 'Comment by', like: 'Like', answer: 'Reply',
    post: 'My order is a week late and nobody answers my messages. How much longer do I have to wait?',
    author: 'Sarah Miller', page: "Miller's Bakery",
    comment: 'Same here, exactly the same problem.', commenter: 'Tom Baker',
  },
}[p.lang];

const postText = p.post ?? L.post;
const author = p.author ?? L.author;

function timeLink(minutes) {
  const a = el('a', { href: '#permalink', class: 'fb-time', 'aria-label': relLabel(minutes, p.lang) });
  a.append(el('time', { datetime: minutesAgoISO(minutes), text: relLabel(minutes, p.lang) }));
  return a;
}

// Lexical's plain text of one editor: one line per paragraph (a line break node is "\n"),
// which is what a comment posts and what the extension reads.
function modelText(editor) {
  return editor.getEditorState().read(() => $getRoot().getChildren().map((n) => n.getTextContent()).join('\n'));
}

const composers = {};
let lastFocused = 'comment';

function makeComposer(id, label, onPost) {
  const wrap = el('div', { class: 'fb-composer', 'data-demo-composer': id });
  const avatar = el('div', { class: 'avatar small', 'aria-hidden': 'true', text: 'B' });
  const box = el('div', { class: 'fb-box' });
  const editable = el('div', {
    contenteditable: 'true', role: 'textbox', spellcheck: 'true', 'aria-label': label,
    'aria-placeholder': label, 'aria-multiline': 'true', class: 'fb-editable', tabindex: '0',
  });
  const placeholder = el('div', { class: 'fb-placeholder', 'aria-hidden': 'true', text: label });
  const tools = el('div', { class: 'fb-tools' });
  const emoji = el('div', { role: 'button', tabindex: '0', 'aria-label': 'Emoji', class: 'tool', text: '☺', 'data-demo': 'emoji' });
  const send = el('button', { type: 'button', 'aria-label': L.send, class: 'fb-send', 'data-demo': 'send', disabled: true, text: '➤' });
  tools.append(emoji, send);
  box.append(editable, placeholder, tools);
  wrap.append(avatar, box);

  const editor = createEditor({
    namespace: `fb-demo-${id}`,
    nodes: [HeadingNode, QuoteNode],
    theme: { paragraph: 'fb-p' },
    onError: (e) => { console.error(e); },
  });
  editor.setRootElement(editable);
  const submit = () => {
    const text = modelText(editor);
    if (!text.trim()) return false;
    onPost(text);
    editor.update(() => { const root = $getRoot(); root.clear(); root.append($createParagraphNode()); });
    return true;
  };
  mergeRegister(
    registerRichText(editor),
    registerHistory(editor, createEmptyHistoryState(), 300),
    editor.registerCommand(KEY_ENTER_COMMAND, (event) => {
      if (event && event.shiftKey) return false; // rich text inserts a line break
      if (event) event.preventDefault();
      submit();
      return true;
    }, COMMAND_PRIORITY_HIGH),
    editor.registerUpdateListener(() => {
      const text = modelText(editor);
      send.disabled = text.trim() === '';
      placeholder.hidden = text !== '';
    }),
  );
  send.addEventListener('click', submit);
  editable.addEventListener('focus', () => { lastFocused = id; });
  composers[id] = { editor, editable, send };
  return wrap;
}

function comment(name, text, minutes, withReplyBox) {
  const li = el('li', { class: 'fb-comment-item' });
  const art = el('div', { role: 'article', 'aria-label': `${L.commentBy} ${name} ${relLabel(minutes, p.lang)}`, class: 'fb-comment', tabindex: '-1' });
  const bubble = el('div', { class: 'fb-bubble' });
  bubble.append(el('a', { href: '#user', role: 'link', class: 'fb-name' }, el('span', { text: name })));
  bubble.append(el('div', { dir: 'auto', class: 'fb-comment-text', text }));
  art.append(el('div', { class: 'avatar small', 'aria-hidden': 'true', text: name.slice(0, 1) }), bubble);
  const actions = el('div', { class: 'fb-actions' });
  actions.append(el('span', { text: L.like }), el('span', { text: L.answer }), timeLink(minutes));
  li.append(art, actions);
  if (withReplyBox) li.append(makeComposer('reply', L.reply, (t) => li.append(comment(L.page, t, 0, false))));
  return li;
}

function render() {
  const root = document.getElementById('root');
  const header = el('header', { class: 'fb-top' }, el('strong', { text: 'facebook' }), el('span', { class: 'demo-tag', text: 'Reply Coach demo · Facebook' }));
  const feed = el('div', { role: 'feed', class: 'fb-feed' });
  const post = el('div', { role: 'article', class: 'fb-post', 'aria-posinset': '1' });
  const head = el('div', { class: 'fb-post-head' });
  head.append(el('div', { class: 'avatar', 'aria-hidden': 'true', text: author.slice(0, 1) }));
  const who = el('div');
  who.append(el('h2', { class: 'fb-author' }, el('a', { href: '#user', role: 'link' }, el('strong', {}, el('span', { text: author })))));
  who.append(timeLink(p.age));
  head.append(who);
  post.append(head);
  post.append(el('div', { 'data-ad-comet-preview': 'message', 'data-ad-preview': 'message', dir: 'auto', class: 'fb-message', text: postText }));
  const list = el('ul', { class: 'fb-comments' });
  list.append(comment(L.commenter, L.comment, Math.max(1, p.age - 5), true));
  post.append(list);
  post.append(makeComposer('comment', L.write, (t) => list.append(comment(L.page, t, 0, false))));
  feed.append(post);
  root.append(header, feed);
}

render();

window.__demo = {
  site: 'facebook',
  getModelText: (which = lastFocused) => (composers[which] ? modelText(composers[which].editor) : null),
  isSendEnabled: (which = lastFocused) => !!composers[which] && !composers[which].send.disabled,
  paragraphCount: (which = lastFocused) => composers[which].editor.getEditorState().read(() => $getRoot().getChildrenSize()),
};
