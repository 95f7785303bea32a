// The message protocol (extension/shared/protocol.js): how the worker reads a message,
// how it dispatches one, and the one client every part of the extension uses.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  EngineClient, parseRequest, serve, MAX_POST_TEXT, MAX_AUTHOR,
} from '../../extension/shared/protocol.js';

const REPORT = { findings: [], rewrite: null };

test('the worker reads an analyze request field by field, and keeps nothing else', () => {
  assert.deepEqual(parseRequest({
    type: 'analyze', draft: 'Hi', platform: 'facebook', post: { text: 'Broken!', author: 'Sonja', age_minutes: 35, html: '<b>' }, extra: 1,
  }), { type: 'analyze', draft: 'Hi', platform: 'facebook', post: { text: 'Broken!', author: 'Sonja', age_minutes: 35 } });
  // anything but facebook is X; a draft that is no string is empty; a post without text is none
  assert.deepEqual(parseRequest({ type: 'analyze', draft: 5, platform: 'myspace', post: { text: '  ' } }),
    { type: 'analyze', draft: '', platform: 'x', post: null });
  // a bad author or age is left out, not guessed
  assert.deepEqual(parseRequest({ type: 'analyze', draft: '', post: { text: 'a', author: 7, age_minutes: -1 } }).post,
    { text: 'a', author: null, age_minutes: null });
  assert.equal(parseRequest({ type: 'analyze', post: { text: 'a', age_minutes: '35' } }).post.age_minutes, null);
  // only `true` asks for a fresh settings read
  assert.equal(parseRequest({ type: 'analyze', reloadSettings: 'yes' }).reloadSettings, undefined);
  assert.equal(parseRequest({ type: 'analyze', reloadSettings: true }).reloadSettings, true);
  // the same for measuring the suggested reply's length
  assert.equal(parseRequest({ type: 'analyze', measureRewrite: 1 }).measureRewrite, undefined);
  assert.equal(parseRequest({ type: 'analyze', measureRewrite: true }).measureRewrite, true);
});

test('the post is clipped, the draft never (the engine windows it and then offers no rewrite)', () => {
  const long = 'x'.repeat(MAX_POST_TEXT + 10);
  const req = parseRequest({ type: 'analyze', draft: long, post: { text: long, author: 'a'.repeat(500) } });
  assert.equal(req.post.text.length, MAX_POST_TEXT);
  assert.equal(req.post.author.length, MAX_AUTHOR);
  assert.equal(req.draft.length, long.length);
});

test('rules and version requests; anything else is no request', () => {
  assert.deepEqual(parseRequest({ type: 'rules', lang: 'nl' }), { type: 'rules', lang: 'nl' });
  assert.deepEqual(parseRequest({ type: 'rules', lang: 'de' }), { type: 'rules' });
  assert.deepEqual(parseRequest({ type: 'version', junk: true }), { type: 'version' });
  assert.deepEqual(parseRequest({ type: 'shortcut', junk: true }), { type: 'shortcut' });
  // the settings page opens at a field id, never at anything that could be a URL
  assert.deepEqual(parseRequest({ type: 'openSettings', field: 'rule-anonymous-reply' }), { type: 'openSettings', field: 'rule-anonymous-reply' });
  for (const field of ['https://evil.example/', '../popup/popup.html', '#x', 5, 'a'.repeat(81)]) {
    assert.deepEqual(parseRequest({ type: 'openSettings', field }), { type: 'openSettings', field: '' }, String(field));
  }
  for (const raw of [null, undefined, 'analyze', [], {}, { type: 'ping' }, { type: 'toString' }, { type: '__proto__' }]) {
    assert.equal(parseRequest(raw), null, JSON.stringify(raw));
  }
});

test('serve: each type to its handler, unknown messages and thrown errors as failures', async () => {
  const seen = [];
  const answer = serve({
    async analyze(req) { seen.push(req); return { ok: true, report: REPORT, uiLanguage: 'nl', settingsNotice: null }; },
    async rules(req) { return { ok: true, rules: [{ id: req.lang ?? 'default' }] }; },
    async version() { throw new Error('wasm failed to load'); },
    async shortcut() { return { ok: true, shortcut: 'Ctrl+Shift+Period' }; },
    async openSettings(req) { seen.push(req); return { ok: true }; },
  });
  assert.deepEqual(await answer({ type: 'analyze', draft: 'Hoi', post: null }),
    { ok: true, report: REPORT, uiLanguage: 'nl', settingsNotice: null });
  assert.deepEqual(seen, [{ type: 'analyze', draft: 'Hoi', platform: 'x', post: null }], 'the handler gets the read request');
  assert.deepEqual(await answer({ type: 'rules', lang: 'en' }), { ok: true, rules: [{ id: 'en' }] });
  assert.deepEqual(await answer({ type: 'version' }), { ok: false, error: 'wasm failed to load' });
  assert.deepEqual(await answer({ type: 'ping' }), { ok: false, error: 'unknown message' });
  assert.deepEqual(await answer('garbage'), { ok: false, error: 'unknown message' });
});

// A transport that answers from a script: each entry is a value to resolve to, or an
// Error to throw.
function scripted(...steps) {
  const sent = [];
  const transport = async (request) => {
    sent.push(request);
    const step = steps.shift();
    if (step instanceof Error) throw step;
    return step;
  };
  return { sent, transport };
}

test('client: one request, its answer', async () => {
  const ok = { ok: true, version: '0.1.0' };
  const { sent, transport } = scripted(ok);
  assert.deepEqual(await new EngineClient(transport).version(), ok);
  assert.deepEqual(sent, [{ type: 'version' }]);
});

test('client: a request nobody answered (the worker stopped) is sent once more', async () => {
  const ok = { ok: true, rules: [] };
  const { sent, transport } = scripted(undefined, ok);
  assert.deepEqual(await new EngineClient(transport).rules('nl'), ok);
  assert.deepEqual(sent, [{ type: 'rules', lang: 'nl' }, { type: 'rules', lang: 'nl' }]);
});

test('client: a transport that throws is retried once, then the error is the answer', async () => {
  const ok = { ok: true, version: '1' };
  assert.deepEqual(await new EngineClient(scripted(new Error('port closed'), ok).transport).version(), ok);
  const twice = scripted(new Error('Extension context invalidated.'), new Error('Extension context invalidated.'));
  assert.deepEqual(await new EngineClient(twice.transport).version(), { ok: false, error: 'Extension context invalidated.' });
  assert.equal(twice.sent.length, 2);
});

test('client: no answer twice is a failure, never a throw', async () => {
  const { sent, transport } = scripted(undefined, undefined, { ok: true, version: 'too late' });
  assert.deepEqual(await new EngineClient(transport).version(), { ok: false, error: 'no response' });
  assert.equal(sent.length, 2);
});

test('client: an answer of the wrong shape is a failure', async () => {
  for (const bad of [null, 'ok', { ok: true }, { ok: 'yes', report: REPORT }, { ok: false }, { ok: true, version: 1 }]) {
    const resp = await new EngineClient(scripted(bad).transport).version();
    assert.deepEqual(resp, { ok: false, error: 'malformed response' }, JSON.stringify(bad));
  }
  const failure = { ok: false, error: 'invalid exchange' };
  assert.deepEqual(await new EngineClient(scripted(failure).transport).version(), failure, 'a failure passes through');
  const analysed = { ok: true, report: REPORT, uiLanguage: 'en', settingsNotice: ['sites'] };
  assert.deepEqual(await new EngineClient(scripted(analysed).transport).analyze({ post: null, draft: '', platform: 'x' }), analysed);
  const noLang = { ok: true, report: REPORT, uiLanguage: 'de', settingsNotice: null };
  assert.equal((await new EngineClient(scripted(noLang).transport).analyze({ post: null, draft: '', platform: 'x' })).ok, false);
});

test('client: analyze sends what the worker reads, reloadSettings only when asked', async () => {
  const answer = { ok: true, report: REPORT, uiLanguage: 'en', settingsNotice: null };
  const { sent, transport } = scripted(answer, answer);
  const client = new EngineClient(transport);
  const post = { text: 'Broken!', author: null, age_minutes: 3 };
  await client.analyze({ post, draft: 'Sorry!', platform: 'x' });
  await client.analyze({ post: null, draft: 'Sorry!', platform: 'facebook', reloadSettings: true });
  assert.deepEqual(sent, [
    { type: 'analyze', post, draft: 'Sorry!', platform: 'x' },
    { type: 'analyze', post: null, draft: 'Sorry!', platform: 'facebook', reloadSettings: true },
  ]);
  for (const request of sent) assert.deepEqual(parseRequest(request), request, 'the worker reads it unchanged');
});

test('fillSaved: the agent\'s values by placeholder name, short, never bringing a brace in', () => {
  const req = parseRequest({
    type: 'fillSaved', post: null, text: 'Hi {first_name}, {order_number}', platform: 'facebook',
    values: { order_number: ' 12345 ', 'bad name': 'x', link: '{first_name}', empty: '  ', long: 'x'.repeat(500) },
  });
  assert.deepEqual(req, {
    type: 'fillSaved', post: null, text: 'Hi {first_name}, {order_number}', platform: 'facebook',
    values: { order_number: '12345', long: 'x'.repeat(200) },
  });
  assert.deepEqual(parseRequest({ type: 'lintSaved', replies: 'x', lang: 'de' }), { type: 'lintSaved', replies: [] });
  assert.deepEqual(parseRequest({ type: 'starterReplies', lang: 'nl' }), { type: 'starterReplies', lang: 'nl' });
});
