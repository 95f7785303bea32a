// The plain-textarea write path (X in a phone browser) where execCommand('insertText')
// does nothing (jsdom has no execCommand): the value goes in through the native setter
// and an "input" event (what React listens to), and Ctrl+Z brings the text back with a
// caret, not a selection. (The insertText path is tested in both browsers in the e2e suite.)
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { JSDOM } from 'jsdom';

const dom = new JSDOM('<main><label data-testid="tweetTextarea_0_label"><textarea data-testid="tweetTextarea_0"></textarea></label><button data-testid="tweetButton">Reply</button></main>');
const { window } = dom;
Object.assign(globalThis, { Node: window.Node, NodeFilter: window.NodeFilter, MutationObserver: window.MutationObserver });
const { replaceRange } = await import('../../extension/content/editor-write.js');
const { xAdapter } = await import('../../extension/content/adapters/x.js');

test('textarea: a fix goes in through the value setter with an input event; Ctrl+Z restores the draft with a caret', async () => {
  const field = window.document.querySelector('textarea');
  assert.deepEqual(xAdapter.findReplyBoxes(window.document), [field]);
  const draft = 'We apologise for any inconvenience caused. Thanks';
  field.value = draft;
  const inputs = [];
  field.addEventListener('input', () => inputs.push(field.value));
  const result = await replaceRange(xAdapter, field, 0, 41, 'Sorry about that', {});
  assert.deepEqual(result, { ok: true, method: 'value' });
  assert.equal(field.value, 'Sorry about that. Thanks');
  assert.deepEqual(inputs, ['Sorry about that. Thanks'], 'one input event, after the value changed');
  assert.equal(field.selectionStart, 16);
  const undo = new window.KeyboardEvent('keydown', { key: 'z', code: 'KeyZ', ctrlKey: true, bubbles: true, cancelable: true });
  field.dispatchEvent(undo);
  assert.ok(undo.defaultPrevented, 'the undo was handled here');
  assert.equal(field.value, draft, 'Ctrl+Z restores the draft');
  assert.equal(field.selectionStart, field.selectionEnd, 'a caret, not a selection');
  assert.equal(field.selectionEnd, 41);
  assert.deepEqual(inputs.at(-1), draft);
  // a second Ctrl+Z is the browser's again
  const again = new window.KeyboardEvent('keydown', { key: 'z', ctrlKey: true, bubbles: true, cancelable: true });
  field.dispatchEvent(again);
  assert.equal(again.defaultPrevented, false);
});

test('textarea: a Ctrl+Z after the user typed on is not taken over', async () => {
  const field = window.document.querySelector('textarea');
  field.value = 'Hello there';
  await replaceRange(xAdapter, field, 0, 5, 'Hi', {});
  assert.equal(field.value, 'Hi there');
  field.value = 'Hi there!';
  field.dispatchEvent(new window.InputEvent('input', { bubbles: true, inputType: 'insertText', data: '!' }));
  const undo = new window.KeyboardEvent('keydown', { key: 'z', ctrlKey: true, bubbles: true, cancelable: true });
  field.dispatchEvent(undo);
  assert.equal(undo.defaultPrevented, false);
  assert.equal(field.value, 'Hi there!');
});
