// The site adapters over trimmed copies of the real pages (tests/fixtures/realdom/, each
// file says what it reproduces and where it comes from), in jsdom: one test per fact of
// issue 13 that the adapters used to get wrong. ADAPTERS_DIR=<dir> runs the same tests on
// other adapters (the ones before issue 13 fail them).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { JSDOM } from 'jsdom';

const here = path.dirname(fileURLToPath(import.meta.url));
const FIXTURES = path.join(here, '../fixtures/realdom');
const DIR = process.env.ADAPTERS_DIR ? path.resolve(process.env.ADAPTERS_DIR) : path.join(here, '../../extension/content/adapters');

// The adapters use the page's Node and NodeFilter constants, as in a content script.
const boot = new JSDOM('');
Object.assign(globalThis, { Node: boot.window.Node, NodeFilter: boot.window.NodeFilter });
const { xAdapter } = await import(path.join(DIR, 'x.js'));
const { facebookAdapter } = await import(path.join(DIR, 'facebook.js'));
const { selectOffsets } = await import(path.join(DIR, '../dom-text.js'));

/** @param {string} name */
function load(name) {
  const dom = new JSDOM(fs.readFileSync(path.join(FIXTURES, name), 'utf8'));
  return dom.window.document;
}

// Dates in the fixtures are local times of June 2026 / October 2026: a fixed "now".
const NOW = new Date(2026, 5, 20, 11, 15).getTime(); // Saturday 20 June 2026 11:15 local
const minutesSince = (y, mo, d, h, mi) => (NOW - new Date(y, mo, d, h, mi).getTime()) / 60000;
const isoAge = (iso, now) => (now - Date.parse(iso)) / 60000;

const byLabel = (doc, label) => doc.querySelector(`[aria-label="${label}"][contenteditable="true"]`);
const levelsUp = (from, to) => { let n = 0; for (let el = from; el && el !== to; el = el.parentElement) n++; return n; };

// --- X -----------------------------------------------------------------------------------

test('x reply dialog: the post copy with no link in User-Name gives author "Ana Silva", its text and its time', () => {
  const doc = load('x-reply-dialog.html');
  const box = doc.querySelector('[role="dialog"] [data-testid="tweetTextarea_0"]');
  assert.ok(xAdapter.findReplyBoxes(doc).includes(box));
  const now = Date.parse('2026-10-02T17:00:00Z');
  const post = xAdapter.readPost(box, now);
  assert.equal(post.author, 'Ana Silva');
  assert.equal(post.text, 'We cut onboarding from 14 steps to 5. Activation went from 31% to 48%. What would you cut next?');
  assert.ok(Math.abs(post.age_minutes - isoAge('2026-10-02T04:39:07.000Z', now)) < 0.5, `age ${post.age_minutes}`);
});

test('x reply dialog: the composer is found by structure and holds tweetButton (22 levels up) and the toolbar', () => {
  const doc = load('x-reply-dialog.html');
  const box = doc.querySelector('[role="dialog"] [data-testid="tweetTextarea_0"]');
  const button = doc.querySelector('[role="dialog"] [data-testid="tweetButton"]');
  const composer = xAdapter.composer(box);
  assert.ok(composer.contains(button), 'the Reply button is inside the area kept clear');
  assert.ok(composer.contains(doc.querySelector('[role="dialog"] [data-testid="toolBar"]')), 'and the toolbar');
  assert.ok(!composer.contains(doc.querySelector('[role="dialog"] article')), 'not the post copy above it');
  assert.equal(xAdapter.sendButton(box), button);
  assert.ok(levelsUp(box, composer) > 14, 'deeper than the old depth guess');
});

test('x reply dialog: the home composer behind the dialog is a new post, never a reply to the dialog\'s post', () => {
  const doc = load('x-reply-dialog.html');
  const home = doc.querySelector('main [data-testid="tweetTextarea_0"]');
  assert.equal(xAdapter.readPost(home), null);
  assert.equal(xAdapter.sendButton(home), doc.querySelector('main [data-testid="tweetButtonInline"]'));
});

test('x home composer: tweetButtonInline 20 levels up is inside the composer; no post is answered; two-line draft', () => {
  const doc = load('x-home-composer.html');
  const [box] = xAdapter.findReplyBoxes(doc);
  const button = doc.querySelector('[data-testid="tweetButtonInline"]');
  assert.equal(levelsUp(box, xAdapter.composer(box)), 20);
  assert.ok(xAdapter.composer(box).contains(button));
  assert.equal(xAdapter.readPost(box), null);
  assert.equal(xAdapter.readDraft(box), 'Second shop opens Saturday.\nCome by!');
});

test('x post page (real capture): tweetButtonInline 15 levels up; the focal post is answered', () => {
  const doc = load('x-status-page-inline-reply.html');
  const [box] = xAdapter.findReplyBoxes(doc);
  const composer = xAdapter.composer(box);
  assert.ok(composer.contains(doc.querySelector('[data-testid="tweetButtonInline"]')));
  assert.equal(levelsUp(box, composer), 15);
  const now = Date.parse('2026-10-02T17:00:00Z');
  const post = xAdapter.readPost(box, now);
  assert.equal(post.author, 'Priya Raman');
  assert.ok(Math.abs(post.age_minutes - isoAge('2026-10-02T04:39:07.000Z', now)) < 0.5, 'the focal post\'s time, not the next reply\'s');
});

test('x in a phone browser: the <textarea> composer is a box; its value is the draft; the post copy is answered', () => {
  const doc = load('x-mobile-textarea.html');
  const boxes = xAdapter.findReplyBoxes(doc);
  assert.equal(boxes.length, 1);
  const [box] = boxes;
  assert.equal(box.tagName, 'TEXTAREA');
  box.value = 'Hi Ana, the poll step.';
  assert.equal(xAdapter.readDraft(box), 'Hi Ana, the poll step.');
  const post = xAdapter.readPost(box, Date.parse('2026-10-02T17:00:00Z'));
  assert.equal(post.author, 'Ana Silva');
  assert.equal(post.text, 'Which onboarding step would you drop first?');
  assert.equal(xAdapter.sendButton(box), doc.querySelector('[data-testid="tweetButton"]'));
  assert.ok(xAdapter.composer(box).contains(doc.querySelector('[data-testid="toolBar"]')));
});

test('x: a textarea with the composer\'s test id but no composer around it (Grok\'s input) is not a box', () => {
  const doc = load('x-mobile-textarea.html');
  for (const el of doc.querySelectorAll('[data-testid="tweetButton"]')) el.remove();
  assert.deepEqual(xAdapter.findReplyBoxes(doc), []);
});

// --- Facebook ------------------------------------------------------------------------------

test('facebook post dialog: the post outside role="article" is answered, not the last comment or the photo box', () => {
  const doc = load('fb-post-dialog-comments.html');
  const box = byLabel(doc, 'Write a comment…');
  assert.deepEqual(facebookAdapter.findReplyBoxes(doc), [box]);
  const post = facebookAdapter.readPost(box, NOW);
  assert.equal(post.text, 'We finally opened the second shop in Utrecht!\nThank you all for the support this year. What should we stock first?');
  assert.equal(post.author, 'Ana Silva');
  assert.ok(Math.abs(post.age_minutes - minutesSince(2026, 5, 17, 20, 5)) < 0.5, `age from the time link's full date: ${post.age_minutes}`);
});

test('facebook post dialog (Dutch interface): the post, its author and its Dutch date', () => {
  const doc = load('fb-post-dialog-comments.nl.html');
  const [box] = facebookAdapter.findReplyBoxes(doc);
  assert.equal(box.getAttribute('aria-label'), 'Schrijf een openbare reactie…');
  const post = facebookAdapter.readPost(box, NOW);
  assert.equal(post.author, 'Ana Silva');
  assert.ok(post.text.length > 0 && !post.text.includes('Bram'), post.text);
  assert.ok(Math.abs(post.age_minutes - minutesSince(2026, 5, 17, 20, 5)) < 0.5, `"woensdag 17 juni 2026 om 20:05": ${post.age_minutes}`);
});

test('facebook: the real send button is #focused-state-composer-submit [role="button"], disabled while empty', () => {
  const doc = load('fb-post-dialog-comments.html');
  const box = byLabel(doc, 'Write a comment…');
  const send = facebookAdapter.sendButton(box);
  assert.ok(send, 'found');
  assert.equal(send.getAttribute('aria-label'), 'Comment');
  assert.equal(send.getAttribute('aria-disabled'), 'true');
  assert.ok(facebookAdapter.composer(box).contains(send));
  // where Enter submits there is no send button: never "Comment with a sticker"
  const reply = load('fb-reply-box-mention.html');
  assert.equal(facebookAdapter.sendButton(byLabel(reply, 'Reply to Bram de Vries')), null);
});

/**
 * A reply box opened under the comment by `author` (inside its [data-commentid] wrapper,
 * after its replies), as facebook.com builds it.
 */
function openReplyBox(doc, author) {
  const article = [...doc.querySelectorAll('[role="article"]')].find((a) => a.getAttribute('aria-label')?.startsWith(`Comment by ${author}`));
  const wrapper = article.closest('[data-commentid]');
  const holder = doc.createElement('div');
  const form = doc.createElement('form');
  form.setAttribute('role', 'presentation');
  const editor = doc.createElement('div');
  for (const [k, v] of Object.entries({ contenteditable: 'true', role: 'textbox', 'data-lexical-editor': 'true', 'aria-label': `Reply to ${author}`, 'aria-placeholder': `Reply to ${author}` })) editor.setAttribute(k, v);
  const p = doc.createElement('p');
  p.append(doc.createElement('br'));
  editor.append(p);
  form.append(editor);
  holder.append(form);
  wrapper.firstElementChild.append(holder);
  return editor;
}

test('facebook comments have no heading and start with the avatar link: the author is the name link', () => {
  const doc = load('fb-post-dialog-comments.html');
  const box = openReplyBox(doc, 'Sanne Bakker');
  const post = facebookAdapter.readPost(box, NOW);
  assert.equal(post.author, 'Sanne Bakker');
  assert.equal(post.text, 'Will you have gluten-free bread too?');
  assert.equal(post.age_minutes, 120, 'its own short time "2h"');
});

test('facebook comment time: the link\'s aria-label holds the full date ("Friday 19 June 2026 at 21:21"), its text "19 June"', () => {
  const doc = load('fb-post-dialog-comments.html');
  const post = facebookAdapter.readPost(openReplyBox(doc, 'Bram de Vries'), NOW);
  assert.equal(post.author, 'Bram de Vries');
  assert.ok(Math.abs(post.age_minutes - minutesSince(2026, 5, 19, 21, 21)) < 0.5, `age ${post.age_minutes}`);
  const joost = facebookAdapter.readPost(openReplyBox(doc, 'Joost Mulder'), NOW);
  assert.equal(joost.age_minutes, 45, 'its own "45m", not a neighbour\'s');
});

test('facebook reply box with a leading mention: the mention is not the draft, and names the comment answered', () => {
  const doc = load('fb-reply-box-mention.html');
  const box = byLabel(doc, 'Reply to Bram de Vries');
  assert.ok(facebookAdapter.findReplyBoxes(doc).includes(box));
  assert.equal(facebookAdapter.readDraft(box), 'Sunday 10 to 4, see you there!');
  const post = facebookAdapter.readPost(box, NOW);
  assert.equal(post.text, 'What are the opening hours on Sunday?', 'the comment, not its last reply');
  assert.equal(post.author, 'Bram de Vries');
  assert.ok(Math.abs(post.age_minutes - minutesSince(2026, 5, 19, 18, 2)) < 0.5, `age ${post.age_minutes}`);
});

test('facebook reply box with a leading mention: the engine\'s spans map onto the DOM after the mention', () => {
  const doc = load('fb-reply-box-mention.html');
  const box = byLabel(doc, 'Reply to Bram de Vries');
  const draft = facebookAdapter.readDraft(box);
  const blocks = facebookAdapter.map(box);
  const sel = doc.getSelection();
  for (const [start, end] of [[0, 6], [7, 14], [0, draft.length], [draft.length, draft.length], [0, 0]]) {
    assert.ok(selectOffsets(box, blocks, start, end), `select ${start}-${end}`);
    assert.equal(sel.toString(), draft.slice(start, end), `[${start}, ${end}) selects "${draft.slice(start, end)}"`);
    if (start === 0) {
      const mention = box.querySelector('.mention');
      assert.ok(!sel.getRangeAt(0).intersectsNode(mention.firstChild) || sel.getRangeAt(0).startContainer !== mention.firstChild, 'the mention stays out of the range');
      assert.ok(sel.getRangeAt(0).comparePoint(mention.firstChild, mention.firstChild.length) <= 0, 'the range starts after the mention');
    }
  }
});

test('facebook reply box whose mention names someone who replied: that reply is answered', () => {
  const doc = load('fb-reply-box-mention.html');
  const box = byLabel(doc, 'Reply to Bram de Vries');
  box.querySelector('.mention').textContent = 'Sanne Bakker';
  const post = facebookAdapter.readPost(box, NOW);
  assert.equal(post.author, 'Sanne Bakker');
  assert.equal(post.text, 'I\'d like to know too.');
  assert.equal(facebookAdapter.readDraft(box), 'Sunday 10 to 4, see you there!');
});

test('facebook reply box, Dutch interface: "Antwoord van …" replies, mention left out, Dutch date', () => {
  const doc = load('fb-reply-box-mention.nl.html');
  const box = byLabel(doc, 'Reageer op Bram de Vries');
  assert.equal(facebookAdapter.readDraft(box), 'zondag van 10 tot 4, tot dan!');
  const post = facebookAdapter.readPost(box, NOW);
  assert.equal(post.author, 'Bram de Vries');
  assert.equal(post.text, 'Wat zijn de openingstijden op zondag?');
  assert.ok(Math.abs(post.age_minutes - minutesSince(2026, 5, 19, 18, 2)) < 0.5, `"vrijdag 19 juni 2026 om 18:02": ${post.age_minutes}`);
});

test('facebook: the Create-post box, a Messenger chat and a private reply get no coach; the feed box answers its own post', () => {
  const doc = load('fb-create-post-and-messenger.html');
  const boxes = facebookAdapter.findReplyBoxes(doc);
  const labels = boxes.map((b) => b.getAttribute('aria-label'));
  assert.deepEqual(labels, ['Write a comment…', 'Comment as Ana\'s Shop']);
  const feed = facebookAdapter.readPost(boxes[0], NOW);
  assert.equal(feed.text, 'Anyone know a good bakery in Utrecht?', 'the post, not its comment');
  assert.equal(feed.author, 'Pieter Jansen');
  // the post dialog whose message is not in the page: a coach with no post, never the comment
  assert.equal(facebookAdapter.readPost(boxes[1], NOW), null);
});

test('facebook posts without a message: text "" with the author and age, never the author\'s name or the photo as the post', () => {
  const doc = load('fb-post-without-message.html');
  const boxes = facebookAdapter.findReplyBoxes(doc);
  assert.equal(boxes.length, 2);
  const [one, two] = boxes.map((b) => facebookAdapter.readPost(b, NOW));
  assert.deepEqual(one, { text: '', author: 'Pieter Jansen', age_minutes: minutesSince(2026, 5, 20, 8, 15) });
  assert.deepEqual(two, { text: '', author: 'Marieke Visser', age_minutes: minutesSince(2026, 5, 20, 10, 40) });
  assert.equal(facebookAdapter.readDraft(boxes[0]), 'Nice bike! Is it still for sale?');
});

test('facebook Page permalink: the post IS role="article" aria-posinset holding its comments and box; it is answered', () => {
  const doc = load('fb-page-post-permalink-article.html');
  const [box] = facebookAdapter.findReplyBoxes(doc);
  assert.equal(box.getAttribute('aria-label'), 'Comment as Toko Uji');
  const post = facebookAdapter.readPost(box, NOW);
  assert.deepEqual(post, { text: 'wow', author: 'Toko Uji', age_minutes: 1440 });
});

test('facebook 2025 feed unit (real capture): a comment box in the unit answers the story_message', () => {
  const doc = load('fb-2025-feed-unit-story-message.html');
  const unit = doc.querySelector('[aria-posinset]');
  const form = doc.createElement('form');
  form.setAttribute('role', 'presentation');
  form.innerHTML = '<div contenteditable="true" role="textbox" data-lexical-editor="true" aria-label="Write a comment…"><p><br></p></div>';
  unit.firstElementChild.append(form);
  const [box] = facebookAdapter.findReplyBoxes(doc);
  const post = facebookAdapter.readPost(box, NOW);
  assert.match(post.text, /^Saatnya Upgrade Skill, Belajar Bareng, berkembang bareng!\n🌱 PELATIHAN CODING DAN AI\n/);
});

test('Meta Business Suite: the Messenger thread\'s box is a chat, not a comment box', () => {
  const doc = load('mbs-inbox-messenger-thread.html');
  assert.deepEqual(facebookAdapter.findReplyBoxes(doc), []);
});
