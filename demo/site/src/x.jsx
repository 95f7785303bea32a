// X demo: a reply thread with the real Draft.js editor, shaped like x.com's DOM
// (article[data-testid="tweet"], [data-testid="tweetTextarea_0"], tweetButtonInline).
import React, { useEffect, useRef, useState } from 'react';
import ReactDOM from 'react-dom';
import { Editor, EditorState } from 'draft-js';
import 'draft-js/dist/Draft.css';
import { params, applyTheme, minutesAgoISO, relLabel } from './common.js';

const p = params();
applyTheme(p.theme);
document.documentElement.lang = p.lang;

const L = {
  nl: { placeholder: 'Plaats je antwoord', reply: 'Beantwoorden', replying: 'Antwoord aan', title: 'Post',
    post: 'Al drie dagen wacht ik op mijn pakket en niemand reageert op mijn mails. Echt belachelijk dit!',
    author: 'Sonja de Vries', handle: 'sonjadevries', dialog: 'Antwoorden in venster', close: 'Sluiten' },
  en: { placeholder: 'Post your reply', reply: 'Reply', replying: 'Replying to', title: 'Post',
    post: 'My parcel has been stuck for three days and nobody answers my emails. This is ridiculous!',
    author: 'Sarah Miller', handle: 'sarahmiller', dialog: 'Reply in dialog', close: 'Close' },
}[p.lang];

const post = {
  text: p.post ?? L.post,
  author: p.author ?? L.author,
  handle: p.handle ?? L.handle,
  iso: minutesAgoISO(p.age),
  rel: relLabel(p.age, p.lang),
};

function Tweet({ author, handle, iso, rel, text, lang }) {
  return (
    <article data-testid="tweet" role="article" tabIndex={0} className="tweet">
      <div className="avatar" aria-hidden="true">{author.slice(0, 1)}</div>
      <div className="tweet-body">
        <div data-testid="User-Name" className="user-name">
          <a href="#profile"><span className="display-name">{author}</span></a>
          <span className="handle">@{handle}</span>
          <span aria-hidden="true">·</span>
          <a href="#status"><time dateTime={iso}>{rel}</time></a>
        </div>
        <div data-testid="tweetText" lang={lang} dir="auto" className="tweet-text">{text}</div>
      </div>
    </article>
  );
}

// One Draft.js composer; `testId` mirrors X (tweetTextarea_0 in both the inline box and
// the dialog), `buttonTestId` is tweetButtonInline (inline) or tweetButton (dialog).
function Composer({ buttonTestId, onPost, registerModel, autoFocus }) {
  const [editorState, setEditorState] = useState(() => EditorState.createEmpty());
  const stateRef = useRef(editorState);
  stateRef.current = editorState;
  const editorRef = useRef(null);
  useEffect(() => registerModel({
    getModelText: () => stateRef.current.getCurrentContent().getPlainText('\n'),
    getSelection: () => {
      const s = stateRef.current.getSelection();
      return { anchorKey: s.getAnchorKey(), anchorOffset: s.getAnchorOffset(), focusOffset: s.getFocusOffset(), hasFocus: s.getHasFocus() };
    },
    blockCount: () => stateRef.current.getCurrentContent().getBlocksAsArray().length,
  }), []);
  useEffect(() => { if (autoFocus) editorRef.current?.focus(); }, []);
  const hasText = editorState.getCurrentContent().hasText();
  const send = () => {
    const text = editorState.getCurrentContent().getPlainText('\n');
    if (!text.trim()) return;
    onPost(text);
    setEditorState(EditorState.createEmpty());
  };
  return (
    <div className="composer">
      <div className="avatar small" aria-hidden="true">W</div>
      <div className="composer-main">
        <div className="editor-frame">
          <Editor
            ref={editorRef}
            editorState={editorState}
            onChange={setEditorState}
            placeholder={L.placeholder}
            webDriverTestID="tweetTextarea_0"
            ariaLabel={L.placeholder}
            ariaMultiline={true}
            spellCheck={true}
          />
        </div>
        <div className="toolbar">
          <span className="tool" role="button" aria-label="Emoji" data-testid="emojiButton" tabIndex={0}>☺</span>
          <button type="button" data-testid={buttonTestId} className="btn-reply" disabled={!hasText} onClick={send}>{L.reply}</button>
        </div>
      </div>
    </div>
  );
}

function App() {
  const [replies, setReplies] = useState([]);
  const [dialog, setDialog] = useState(false);
  const models = useRef({});
  useEffect(() => {
    window.__demo = {
      site: 'x',
      getModelText: (which = dialog ? 'dialog' : 'inline') => models.current[which]?.getModelText() ?? null,
      getSelection: (which = 'inline') => models.current[which]?.getSelection() ?? null,
      blockCount: (which = 'inline') => models.current[which]?.blockCount() ?? null,
      isSendEnabled: (which = 'inline') => {
        const b = document.querySelector(which === 'dialog' ? '[data-testid="tweetButton"]' : '[data-testid="tweetButtonInline"]');
        return !!b && !b.disabled;
      },
      posted: replies.map((r) => r.text),
    };
  });
  const onPost = (text) => setReplies((r) => [...r, { text, iso: new Date().toISOString() }]);
  return (
    <main className="timeline" aria-label="Timeline">
      <header className="topbar"><h1>{L.title}</h1><span className="demo-tag">Reply Coach demo · X</span></header>
      <section className="thread">
        <Tweet {...post} lang={p.lang} />
        <div className="replying-to">{L.replying} <span className="handle">@{post.handle}</span></div>
        <Composer buttonTestId="tweetButtonInline" onPost={onPost} registerModel={(m) => { models.current.inline = m; }} />
        {replies.map((r, i) => (
          <Tweet key={i} author="Webcare" handle="webcare" iso={r.iso} rel={relLabel(0, p.lang)} text={r.text} lang={p.lang} />
        ))}
        <div className="dialog-opener">
          <button type="button" data-demo="open-dialog" onClick={() => setDialog(true)}>{L.dialog}</button>
        </div>
      </section>
      {dialog && (
        <div className="modal-backdrop">
          <div role="dialog" aria-modal="true" aria-labelledby="dlg-title" className="modal">
            <div className="modal-head">
              <button type="button" aria-label={L.close} data-testid="app-bar-close" onClick={() => setDialog(false)}>✕</button>
              <span id="dlg-title" className="sr-only">{L.reply}</span>
            </div>
            <Tweet {...post} lang={p.lang} />
            <Composer buttonTestId="tweetButton" autoFocus onPost={(t) => { onPost(t); setDialog(false); }} registerModel={(m) => { models.current.dialog = m; }} />
          </div>
        </div>
      )}
    </main>
  );
}

ReactDOM.render(<App />, document.getElementById('root'));
