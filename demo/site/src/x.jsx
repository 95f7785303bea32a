// X demo: the real Draft.js editor in the structure of x.com (2025-26, see
// tests/fixtures/realdom/x-*.html): #layers (the reply dialog) before <main>; a post's page
// with the focal article and, right after it, [data-testid="inline_reply_offscreen"] with
// the composer and tweetButtonInline; the reply dialog with a COPY of the post whose
// User-Name holds no link, "Replying to", the toolBar and tweetButton; the home composer
// ("What's happening?", tweetButtonInline "Post") left behind the dialog; and the phone
// composer, a React-controlled <textarea data-testid="tweetTextarea_0">.
//   ?view=post (default) | home | mobile
import React, { useEffect, useRef, useState } from 'react';
import ReactDOM from 'react-dom';
import { Editor, EditorState } from 'draft-js';
import 'draft-js/dist/Draft.css';
import { params, applyTheme, minutesAgoISO, relLabel } from './common.js';

const p = params();
applyTheme(p.theme);
document.documentElement.lang = p.lang;
const view = ['home', 'mobile'].includes(new URLSearchParams(location.search).get('view')) ? new URLSearchParams(location.search).get('view') : 'post';

const L = {
  nl: { placeholder: 'Plaats je antwoord', newPost: 'Wat gebeurt er?', reply: 'Beantwoorden', post: 'Posten', replying: 'Antwoord aan', title: 'Post',
    text: 'Al drie dagen wacht ik op mijn pakket en niemand reageert op mijn mails. Echt belachelijk dit!',
    author: 'Sonja de Vries', handle: 'sonjadevries', dialog: 'Antwoorden in venster', close: 'Sluiten', label: 'Posttekst' },
  en: { placeholder: 'Post your reply', newPost: 'What’s happening?', reply: 'Reply', post: 'Post', replying: 'Replying to', title: 'Post',
    text: 'My parcel has been stuck for three days and nobody answers my emails. This is ridiculous!',
    author: 'Sarah Miller', handle: 'sarahmiller', dialog: 'Reply in dialog', close: 'Close', label: 'Post text' },
}[p.lang];

const post = {
  text: p.post ?? L.text,
  author: p.author ?? L.author,
  handle: p.handle ?? L.handle,
  iso: minutesAgoISO(p.age),
  rel: relLabel(p.age, p.lang),
};

// A post in the timeline or on its page: the name and handle are links, the time is a
// status link. `copy`: the reply dialog's copy, where nothing in User-Name is a link.
function Tweet({ author, handle, iso, rel, text, lang, focal, copy, onReply }) {
  const name = <div dir="ltr"><span><span className="display-name">{author}</span></span></div>;
  const at = <div dir="ltr"><span className="handle">@{handle}</span></div>;
  const time = <time dateTime={iso}>{rel}</time>;
  return (
    <article data-testid="tweet" role="article" tabIndex={focal || copy ? -1 : 0} className="tweet">
      <div data-testid="Tweet-User-Avatar"><div className="avatar" aria-hidden="true">{author.slice(0, 1)}</div></div>
      <div className="tweet-body">
        <div data-testid="User-Name" className="user-name">
          {copy ? (
            <>
              <div>{name}</div>
              <div><div tabIndex={-1}>{at}</div><div dir="ltr"><span>·</span></div><div><div dir="ltr" aria-label={rel}>{time}</div></div></div>
            </>
          ) : (
            <>
              <div><a href={`#${handle}`} role="link">{name}</a></div>
              <div><a href={`#${handle}`} role="link" tabIndex={-1}>{at}</a>
                {!focal && <><div dir="ltr"><span>·</span></div><a href="#status" dir="ltr" role="link" aria-label={rel}>{time}</a></>}
              </div>
            </>
          )}
        </div>
        <div data-testid="tweetText" lang={lang} dir="auto" className="tweet-text">{text}</div>
        {focal && <div className="tweet-meta"><a href="#status" role="link" aria-label={rel}>{time}</a></div>}
        {onReply && <div role="group"><button type="button" data-testid="reply" aria-label={L.reply} className="tool" onClick={onReply}>↩</button></div>}
      </div>
    </article>
  );
}

// One Draft.js composer in X's markup. `testId` tweetTextarea_0 everywhere (as on X);
// `buttonTestId` tweetButtonInline (post page, home) or tweetButton (dialog).
function Composer({ buttonTestId, buttonText, placeholder, onPost, registerModel, autoFocus, toolbar }) {
  const [editorState, setEditorState] = useState(() => EditorState.createEmpty());
  const stateRef = useRef(editorState);
  stateRef.current = editorState;
  const editorRef = useRef(null);
  useEffect(() => registerModel({
    getModelText: () => stateRef.current.getCurrentContent().getPlainText('\n'),
    getSelection: () => {
      const s = stateRef.current.getSelection();
      return { anchorKey: s.getAnchorKey(), anchorOffset: s.getAnchorOffset(), focusKey: s.getFocusKey(), focusOffset: s.getFocusOffset(), hasFocus: s.getHasFocus() };
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
  const button = <div><div><button type="button" role="button" data-testid={buttonTestId} className="btn-reply" disabled={!hasText} aria-disabled={!hasText} onClick={send}><div dir="ltr"><span><span>{buttonText}</span></span></div></button></div></div>;
  return (
    <div className="composer">
      <div className="avatar small" aria-hidden="true">W</div>
      <div className="composer-main">
        <div><div><div>
          <div data-testid="tweetTextarea_0_label"><div><div dir="ltr">
            <div data-testid="tweetTextarea_0RichTextInputContainer" className="editor-frame">
              <Editor
                ref={editorRef}
                editorState={editorState}
                onChange={setEditorState}
                placeholder={placeholder}
                webDriverTestID="tweetTextarea_0"
                ariaLabel={L.label}
                ariaMultiline={true}
                spellCheck={true}
              />
            </div>
          </div></div></div>
        </div></div></div>
        <div className="toolbar">
          <div data-testid="toolBar"><nav role="navigation">
            <span className="tool" role="button" aria-label="Add emoji" data-testid="emojiButton" tabIndex={0}>☺</span>
            {toolbar}
          </nav></div>
          {button}
        </div>
      </div>
    </div>
  );
}

// The phone composer: a React-controlled textarea (value set by React on every change).
function PhoneComposer({ registerModel, onPost }) {
  const [value, setValue] = useState('');
  const ref = useRef(null);
  const valueRef = useRef(value);
  valueRef.current = value;
  useEffect(() => registerModel({
    getModelText: () => valueRef.current,
    getSelection: () => ({ start: ref.current.selectionStart, end: ref.current.selectionEnd }),
    blockCount: () => 1,
  }), []);
  const send = () => { if (value.trim()) { onPost(value); setValue(''); } };
  return (
    <div data-testid="primaryColumn" className="phone">
      <div className="topbar">
        <button type="button" aria-label="Back" data-testid="app-bar-back" className="tool">←</button>
        <div><div><button type="button" role="button" data-testid="tweetButton" className="btn-reply" disabled={!value.trim()} aria-disabled={!value.trim()} onClick={send}>{L.reply}</button></div></div>
      </div>
      <div><Tweet {...post} lang={p.lang} copy /></div>
      <div className="replying-to"><button type="button" dir="ltr" role="button" className="linkish">{L.replying} <span dir="ltr"><span className="handle">@{post.handle}</span></span></button></div>
      <div className="composer">
        <div className="avatar small" aria-hidden="true">W</div>
        <label data-testid="tweetTextarea_0_label" className="composer-main"><div><div dir="auto">
          <textarea ref={ref} aria-label={L.label} data-testid="tweetTextarea_0" dir="auto" placeholder={L.placeholder} rows={3}
            className="phone-textarea" value={value} onChange={(e) => setValue(e.target.value)} />
        </div></div></label>
      </div>
      <div className="toolbar"><div data-testid="toolBar"><nav role="navigation">
        <span className="tool" role="button" aria-label="Add emoji" data-testid="emojiButton" tabIndex={0}>☺</span>
      </nav></div></div>
    </div>
  );
}

function App() {
  const [replies, setReplies] = useState([]);
  const [dialog, setDialog] = useState(false);
  const models = useRef({});
  const main = view === 'home' ? 'home' : view === 'mobile' ? 'mobile' : 'inline';
  useEffect(() => {
    window.__demo = {
      site: 'x',
      view,
      post: { text: post.text, author: post.author, datetime: post.iso },
      getModelText: (which = dialog ? 'dialog' : main) => models.current[which]?.getModelText() ?? null,
      getSelection: (which = dialog ? 'dialog' : main) => models.current[which]?.getSelection() ?? null,
      blockCount: (which = dialog ? 'dialog' : main) => models.current[which]?.blockCount() ?? null,
      isSendEnabled: (which = dialog ? 'dialog' : main) => {
        const scope = which === 'dialog' ? document.querySelector('[role="dialog"]') : document.querySelector('main');
        const b = scope?.querySelector(which === 'dialog' || which === 'mobile' ? '[data-testid="tweetButton"]' : '[data-testid="tweetButtonInline"]');
        return !!b && !b.disabled;
      },
      posted: replies.map((r) => r.text),
    };
  });
  const onPost = (text) => setReplies((r) => [...r, { text, iso: new Date().toISOString() }]);
  const layers = document.getElementById('layers');
  const dialogEl = dialog && ReactDOM.createPortal(
    <div role="dialog" className="modal-backdrop"><div><div role="group" tabIndex={0}>
      <div data-testid="mask" />
      <div role="dialog" aria-modal="true" aria-labelledby="modal-header" className="modal">
        <div className="modal-head">
          <button type="button" aria-label={L.close} data-testid="app-bar-close" onClick={() => setDialog(false)}>✕</button>
          <span id="modal-header" className="sr-only">{L.reply}</span>
        </div>
        <Tweet {...post} lang={p.lang} copy />
        <div className="replying-to"><button type="button" dir="ltr" role="button" className="linkish">{L.replying} <span dir="ltr"><span className="handle">@{post.handle}</span></span></button></div>
        <Composer buttonTestId="tweetButton" buttonText={L.reply} placeholder={L.placeholder} autoFocus
          onPost={(t) => { onPost(t); setDialog(false); }} registerModel={(m) => { models.current.dialog = m; }} />
      </div>
    </div></div></div>,
    layers,
  );
  if (view === 'mobile') {
    return <main role="main" className="timeline"><PhoneComposer registerModel={(m) => { models.current.mobile = m; }} onPost={onPost} /></main>;
  }
  const header = <header className="topbar"><h1>{view === 'home' ? 'Home' : L.title}</h1><span className="demo-tag">Reply Coach demo · X</span></header>;
  const replyCells = replies.map((r, i) => (
    <div data-testid="cellInnerDiv" key={i}><Tweet author="Webcare" handle="webcare" iso={r.iso} rel={relLabel(0, p.lang)} text={r.text} lang={p.lang} /></div>
  ));
  return (
    <main role="main" className="timeline">
      <div data-testid="primaryColumn">
        {header}
        {view === 'home' ? (
          <>
            <Composer buttonTestId="tweetButtonInline" buttonText={L.post} placeholder={L.newPost} onPost={onPost} registerModel={(m) => { models.current.home = m; }} />
            <section role="region" aria-label="Timeline: Your Home Timeline">
              <div data-testid="cellInnerDiv"><Tweet {...post} lang={p.lang} onReply={() => setDialog(true)} /></div>
              {replyCells}
            </section>
          </>
        ) : (
          <section role="region" aria-label="Timeline: Conversation" className="thread">
            <div data-testid="cellInnerDiv">
              <Tweet {...post} lang={p.lang} focal />
              <div data-testid="inline_reply_offscreen">
                <Composer buttonTestId="tweetButtonInline" buttonText={L.reply} placeholder={L.placeholder} onPost={onPost} registerModel={(m) => { models.current.inline = m; }} />
              </div>
            </div>
            {replyCells}
            <div className="dialog-opener">
              <button type="button" data-demo="open-dialog" onClick={() => setDialog(true)}>{L.dialog}</button>
            </div>
          </section>
        )}
      </div>
      {dialogEl}
    </main>
  );
}

ReactDOM.render(<App />, document.getElementById('root'));
