// The end-to-end scenarios that run in both browsers (sites.test.mjs: Chromium through
// Playwright; firefox.test.mjs: Firefox ESR through geckodriver), written once against a
// small driver: the page's JavaScript (evaluate, waitFor), real clicks and key presses, the
// viewport, and the extension's engine and settings (through one of its own pages).
// Each writes through whatever insertion path the extension uses in that browser (Chromium:
// synthetic paste; Firefox: execCommand('insertText'); a textarea: insertText in both)
// and checks the editor's own model and the site's send button afterwards.
import assert from 'node:assert/strict';

/**
 * @typedef {object} Driver
 * @property {string} browser
 * @property {string} origin  the demo server
 * @property {(url: string) => Promise<void>} open  a fresh tab on this URL
 * @property {(fn: Function, arg?: any) => Promise<any>} evaluate
 * @property {(fn: Function, arg?: any, timeout?: number) => Promise<any>} waitFor
 * @property {(css: string) => Promise<void>} click  a page element (first match)
 * @property {(css: string) => Promise<void>} clickCoach  an element in the coach's shadow root
 * @property {(text: string) => Promise<void>} type
 * @property {(combo: string) => Promise<void>} press
 * @property {(w: number, h: number) => Promise<void>} viewport
 * @property {(msg: object) => Promise<any>} engine  the engine's report, asked through the extension
 * @property {(profile: object | null) => Promise<void>} settings
 * @property {(msg: object) => Promise<any>} call  any message of shared/protocol.js, its answer
 */

export const DRAFTS = {
  nl: 'Wij betreuren het ongemak.\nHelaas kunnen wij daar niets aan doen. Stuur ons uw adres en telefoonnummer.',
  en: 'We apologise for any inconvenience caused.\nUnfortunately there is nothing we can do. Please send us your address and phone number.',
};

export const EDITOR = {
  x: 'main [data-testid="tweetTextarea_0"]',
  'x-dialog': '[role="dialog"] [data-testid="tweetTextarea_0"]',
  'x-home': 'main [data-testid="tweetTextarea_0"]',
  'x-mobile': 'textarea[data-testid="tweetTextarea_0"]',
  facebook: '[data-demo-composer="comment"] [data-lexical-editor="true"]',
  'facebook-reply': '[data-demo-composer="reply"] [data-lexical-editor="true"]',
  'facebook-chat': '[data-demo-composer="chat"] [data-lexical-editor="true"]',
  'facebook-create': '[data-demo-composer="create"] [data-lexical-editor="true"]',
};
const MODEL = { x: 'inline', 'x-dialog': 'dialog', 'x-home': 'home', 'x-mobile': 'mobile', facebook: 'comment', 'facebook-reply': 'reply' };
const PAGE = (box) => (box.startsWith('x') ? 'x.html' : 'facebook.html');
const NEWLINE = (box) => (box.startsWith('x') ? 'Enter' : 'Shift+Enter');

export async function openBox(d, box, { lang = 'en', query = {} } = {}) {
  const q = new URLSearchParams({ lang, ...query });
  if (box === 'x-home') q.set('view', 'home');
  if (box === 'x-mobile') q.set('view', 'mobile');
  await d.open(`${d.origin}/${PAGE(box)}?${q}`);
  await d.waitFor(() => window.__demo !== undefined);
  if (box === 'x-dialog') {
    await d.click('[data-demo="open-dialog"]');
    await d.waitFor((sel) => document.querySelector(sel), EDITOR[box]);
  }
  if (box === 'facebook-create') await d.evaluate(() => window.__demo.openCreatePost());
  await d.waitFor((sel) => document.querySelector(sel), EDITOR[box]);
}

export const model = (d, box) => d.evaluate((w) => window.__demo.getModelText(w), MODEL[box]);
export async function waitModel(d, box, want, timeout = 4000) {
  await d.waitFor(([w, t]) => window.__demo.getModelText(w) === t, [MODEL[box], want], timeout).catch(() => {});
  return model(d, box);
}
const sendEnabled = (d, box) => d.evaluate((w) => window.__demo.isSendEnabled(w), MODEL[box]);

export async function typeDraft(d, box, text) {
  await d.click(EDITOR[box]);
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    if (i) await d.press(NEWLINE(box));
    if (lines[i]) await d.type(lines[i]);
  }
}

export async function waitSettled(d, timeout = 15000) {
  await d.waitFor(() => {
    const b = document.querySelector('[data-reply-coach="host"]')?.shadowRoot?.querySelector('[data-reply-coach="badge"]');
    return b && !b.hidden && b.dataset.state !== 'idle' && !b.hasAttribute('data-pending');
  }, null, timeout);
}

async function badge(d) {
  return d.evaluate(() => {
    const b = document.querySelector('[data-reply-coach="host"]')?.shadowRoot?.querySelector('[data-reply-coach="badge"]');
    return b ? { hidden: b.hidden, state: b.dataset.state, count: Number(b.dataset.count), severity: b.dataset.severity ?? null } : null;
  });
}

// Opens the panel and shows every point (it opens with the top three; the flows below
// apply fixes by their index in the report).
export async function openPanel(d) {
  const open = () => { const p = document.querySelector('[data-reply-coach="host"]').shadowRoot.querySelector('[data-reply-coach="panel"]'); return !p.hidden; };
  if (!(await d.evaluate(open))) await d.clickCoach('[data-reply-coach="badge"]');
  await d.waitFor(open);
  const collapsed = () => document.querySelector('[data-reply-coach="host"]').shadowRoot
    .querySelector('[data-reply-coach="panel"] [data-action="toggle-all"][aria-expanded="false"]') !== null;
  if (await d.evaluate(collapsed)) {
    await d.clickCoach('[data-reply-coach="panel"] [data-action="toggle-all"]');
    await d.waitFor(() => document.querySelector('[data-reply-coach="host"]').shadowRoot
      .querySelector('[data-reply-coach="panel"] [data-action="toggle-all"][aria-expanded="true"]') !== null);
  }
}

const panelPost = (d) => d.evaluate(() => {
  const el = document.querySelector('[data-reply-coach="host"]').shadowRoot.querySelector('[data-reply-coach="panel"] [data-part="post"]');
  return el ? { text: el.textContent, none: el.classList.contains('none') } : null;
});

/** The post the demo page shows, as the engine should get it. */
export async function shownPost(d) {
  const p = await d.evaluate(() => window.__demo.post);
  return { text: p.text, author: p.author, age_minutes: (Date.now() - Date.parse(p.datetime)) / 60000 };
}

const applyFinding = (draft, f) => draft.slice(0, f.span[0]) + f.replacement + draft.slice(f.span[1]);

/**
 * After Ctrl+Z brought `draft` back: one keystroke lands in it as a caret would take it
 * (between `from` and `to`), replacing nothing; Backspace takes it out again.
 */
async function typingAfterUndo(d, box, draft, from, to, what) {
  await d.type('Q');
  const got = await d.waitFor(([w, n]) => { const t = window.__demo.getModelText(w); return t !== null && t.length === n && t; }, [MODEL[box], draft.length + 1], 4000)
    .catch(() => model(d, box));
  const at = got.indexOf('Q');
  assert.ok(at >= 0 && got.slice(0, at) + got.slice(at + 1) === draft,
    `${what}: after Ctrl+Z a keystroke replaced text (a selection was left): ${JSON.stringify(got)}`);
  assert.ok(at >= from && at <= to, `${what}: the keystroke landed at ${at}, expected ${from}..${to}`);
  await d.press('Backspace');
  assert.equal(await waitModel(d, box, draft), draft, `${what}: Backspace takes it out`);
}

/** Findings, every fix and its undo, the rewrite and its undo, the site's button. */
export async function coachFlow(d, box, lang) {
  await d.settings({ ui_language: lang });
  await openBox(d, box, { lang });
  // a reply box opens with a mention of the person answered: kept, and not the draft
  const prefix = box === 'facebook-reply' ? `${await d.evaluate(() => window.__demo.mention())} ` : '';
  const draft = DRAFTS[lang];
  await typeDraft(d, box, draft);
  assert.equal(await model(d, box), prefix + draft, 'typing reaches the editor model');
  await waitSettled(d);
  const post = box === 'facebook-reply' ? await d.evaluate(() => window.__demo.comment) : await shownPost(d);
  const report = await d.engine({ type: 'analyze', post, draft, platform: box.startsWith('x') ? 'x' : 'facebook' });
  const b = await badge(d);
  assert.equal(b.count, report.findings.length, 'the badge counts the findings');
  await openPanel(d);
  const fixes = report.findings.map((f, i) => [f, i]).filter(([f]) => f.span && f.replacement !== null && f.replacement !== undefined);
  assert.ok(fixes.length >= 2, 'the draft has fixable findings');
  for (const [fix, index] of fixes.slice(0, 3)) {
    await d.clickCoach(`[data-reply-coach="panel"] li[data-index="${index}"] [data-action="apply-fix"]`);
    const fixed = applyFinding(draft, fix);
    assert.equal(await waitModel(d, box, prefix + fixed), prefix + fixed, `${fix.rule}: the editor model holds exactly the fixed text`);
    if (box !== 'facebook-reply') assert.ok(await sendEnabled(d, box), `${fix.rule}: the site's send button follows`);
    await waitSettled(d);
    await d.press('Control+z');
    assert.equal(await waitModel(d, box, prefix + draft), prefix + draft, `${fix.rule}: Ctrl+Z restores the draft`);
    await typingAfterUndo(d, box, prefix + draft, prefix.length + fix.span[0], prefix.length + fix.span[1] + 1, `${fix.rule} undone`);
    await waitSettled(d);
    await openPanel(d);
  }
  assert.ok(report.rewrite, 'the engine proposes a rewrite');
  await d.clickCoach('[data-reply-coach="panel"] [data-action="apply-rewrite"]');
  assert.equal(await waitModel(d, box, prefix + report.rewrite), prefix + report.rewrite, 'the editor model holds exactly the rewrite');
  if (box !== 'facebook-reply') assert.ok(await sendEnabled(d, box), 'the site\'s send button is enabled');
  const first = report.rewrite.split('\n').find((l) => l.trim());
  const dom = await d.evaluate((sel) => { const e = document.querySelector(sel); return e.value ?? e.innerText; }, EDITOR[box]);
  assert.equal(dom.split(first).length - 1, 1, 'no text duplicated in the DOM');
  await waitSettled(d);
  await d.press('Control+z');
  assert.equal(await waitModel(d, box, prefix + draft), prefix + draft, 'Ctrl+Z restores the draft after the rewrite');
  await typingAfterUndo(d, box, prefix + draft, prefix.length, prefix.length + draft.length, 'rewrite undone');
  await waitSettled(d);
  return report;
}

const overlap = (a, b) => a.l < b.r && b.l < a.r && a.t < b.b && b.t < a.b;

/** The open panel and the badge cover neither the site's send button nor the editor's toolbar. */
export async function keepsClear(d, box, width, height) {
  await d.viewport(width, height);
  await openBox(d, box, { lang: 'en' });
  await typeDraft(d, box, 'We apologise for any inconvenience caused. Please send us your address.');
  await waitSettled(d);
  await openPanel(d);
  await new Promise((r) => setTimeout(r, 150));
  const rects = await d.evaluate((sel) => {
    const r = (el) => { const b = el.getBoundingClientRect(); return { l: b.left, t: b.top, r: b.right, b: b.bottom }; };
    const editor = document.querySelector(sel);
    const scope = editor.closest('form, .composer, .phone');
    const send = scope.querySelector('[data-testid="tweetButton"], [data-testid="tweetButtonInline"], [data-demo="send"]');
    const toolbar = scope.querySelector('[data-testid="toolBar"], .fb-tools');
    const root = document.querySelector('[data-reply-coach="host"]').shadowRoot;
    return {
      send: send && r(send), toolbar: toolbar && r(toolbar), editor: r(editor),
      badge: r(root.querySelector('[data-reply-coach="badge"]')), panel: r(root.querySelector('[data-reply-coach="panel"]')),
      vw: document.documentElement.clientWidth, vh: document.documentElement.clientHeight,
    };
  }, EDITOR[box]);
  assert.ok(Math.abs(rects.vw - width) <= 20 && Math.abs(rects.vh - height) <= 20, `viewport ${rects.vw}x${rects.vh}`);
  for (const ours of ['badge', 'panel']) {
    for (const theirs of ['send', 'toolbar', 'editor']) {
      if (!rects[theirs]) continue;
      assert.ok(!overlap(rects[ours], rects[theirs]), `${box} ${width}x${height}: the ${ours} covers the ${theirs} ${JSON.stringify(rects)}`);
    }
  }
}

// mulberry32: a small seeded PRNG, so a failing sequence can be replayed (E2E_SEED=N).
function rng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6D2B79F5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const WORDS = ['We apologise for any inconvenience caused.', 'Unfortunately there is nothing we can do.', 'Sorry to hear that!',
  'café', 'Zoë', 'order 12345', 'please', 'send us your address', 'kind regards', 'thanks', '@sarah', 'lol', 'Hi Sarah,'];
const graphemes = (s) => [...new Intl.Segmenter('en', { granularity: 'grapheme' }).segment(s)].map((x) => x.segment);

/** A seeded random sequence of typing, deleting, fixes, the rewrite and undo loses nothing. */
export async function randomEdits(d, box, seed, steps = 14) {
  const rand = rng(seed);
  const pick = (xs) => xs[Math.floor(rand() * xs.length)];
  await d.settings({ ui_language: 'en', agent_name: 'Pim' });
  await openBox(d, box, { lang: 'en' });
  let expected = '';
  let beforeFix = null;
  const log = [];
  const check = async (what) => {
    const got = await waitModel(d, box, expected, 4000);
    assert.equal(got, expected, `seed ${seed}, after ${log.join(' | ')} (${what})`);
  };
  await d.click(EDITOR[box]);
  for (let step = 0; step < steps; step++) {
    const r = rand();
    if (r < 0.35 || !expected) {
      const w = pick(WORDS);
      const atStart = expected && rand() < 0.3;
      await d.press(atStart ? 'Control+Home' : 'Control+End');
      const text = atStart ? `${w} ` : `${expected && !expected.endsWith(' ') ? ' ' : ''}${w}`;
      await d.type(text);
      expected = atStart ? text + expected : expected + text;
      log.push(`type ${atStart ? 'start' : 'end'} ${JSON.stringify(text)}`);
      beforeFix = null;
    } else if (r < 0.55) {
      const n = 1 + Math.floor(rand() * 6);
      await d.press('Control+End');
      for (let k = 0; k < n; k++) await d.press('Backspace');
      const g = graphemes(expected);
      expected = g.slice(0, Math.max(0, g.length - n)).join('');
      log.push(`backspace ${n}`);
      beforeFix = null;
    } else if (r < 0.85) {
      await waitSettled(d);
      const report = await d.engine({ type: 'analyze', post: await shownPost(d), draft: expected, platform: box.startsWith('x') ? 'x' : 'facebook' });
      const fixes = report.findings.map((f, i) => [f, i]).filter(([f]) => f.span && f.replacement !== null);
      const useRewrite = report.rewrite && report.rewrite !== expected && (!fixes.length || rand() < 0.25);
      if (!fixes.length && !useRewrite) { log.push('no fix offered'); continue; }
      await openPanel(d);
      if (useRewrite) {
        await d.clickCoach('[data-reply-coach="panel"] [data-action="apply-rewrite"]');
        beforeFix = expected;
        expected = report.rewrite;
        log.push('apply rewrite');
      } else {
        const [f, i] = pick(fixes);
        await d.clickCoach(`[data-reply-coach="panel"] li[data-index="${i}"] [data-action="apply-fix"]`);
        beforeFix = expected;
        expected = applyFinding(expected, f);
        log.push(`fix ${f.rule} ${JSON.stringify(f.span)}`);
      }
      await check('fix');
      await waitSettled(d);
      await d.click(EDITOR[box]);
    } else if (beforeFix !== null) {
      await d.press('Control+z');
      expected = beforeFix;
      beforeFix = null;
      log.push('undo the fix');
    } else {
      log.push('(nothing to undo)');
      continue;
    }
    await check(log[log.length - 1]);
  }
  await waitSettled(d);
  assert.equal(await model(d, box), expected);
  return log;
}

/** X: the reply dialog's post copy is read right; the home composer answers no post. */
export async function xHomeAndDialog(d) {
  await d.settings({ ui_language: 'en' });
  await openBox(d, 'x-home', { lang: 'en' });
  const shown = await d.evaluate(() => window.__demo.post);
  await typeDraft(d, 'x-home', 'Our second shop opens on Saturday!');
  await waitSettled(d);
  await openPanel(d);
  assert.deepEqual(await panelPost(d), { text: (await panelPost(d)).text, none: true }, 'the home composer answers no post');
  await d.click('[data-testid="reply"]');
  await d.waitFor((sel) => document.querySelector(sel), EDITOR['x-dialog']);
  await d.click(EDITOR['x-dialog']);
  await d.type('Sorry to hear that! What is your order number?');
  await d.waitFor(() => window.__demo.getModelText('dialog') === 'Sorry to hear that! What is your order number?');
  await waitSettled(d);
  await openPanel(d);
  const quoted = await panelPost(d);
  assert.ok(quoted.text.startsWith(`${shown.author}: ${shown.text.slice(0, 20)}`), `the dialog answers the post, author alone: ${quoted.text}`);
  // (behind the open dialog, as on x.com: focused, as the faults test does, not clicked)
  await d.evaluate((sel) => document.querySelector(sel).focus(), EDITOR['x-home']);
  await d.type(' Come by');
  await waitSettled(d);
  await openPanel(d);
  assert.equal((await panelPost(d)).none, true, 'back in the home composer: still no post (never the dialog\'s)');
}

/** Facebook: the chat and Create-post boxes get no coach; a reply box answers its comment, its mention untouched. */
export async function facebookBoxes(d) {
  await d.settings({ ui_language: 'en' });
  await openBox(d, 'facebook', { lang: 'en' });
  await d.click(EDITOR['facebook-chat']);
  await d.type('Hello there, what is your address?');
  await new Promise((r) => setTimeout(r, 800));
  const b = await badge(d);
  assert.ok(!b || b.hidden, 'no coach in a Messenger chat');
  await d.evaluate(() => window.__demo.openCreatePost());
  await d.click(EDITOR['facebook-create']);
  await d.type('We are hiring!');
  await new Promise((r) => setTimeout(r, 800));
  const b2 = await badge(d);
  assert.ok(!b2 || b2.hidden, 'no coach in the Create-post box');
}

/** A reply box that opens with a mention: the mention is not the draft; fixes land after it. */
export async function facebookReplyWithMention(d) {
  const report = await coachFlow(d, 'facebook-reply', 'en');
  const { mention, comment } = await d.evaluate(() => ({ mention: window.__demo.mention(), comment: window.__demo.comment.text }));
  await openPanel(d);
  const quoted = await panelPost(d);
  assert.ok(quoted.text.startsWith(`${mention}: ${comment.slice(0, 20)}`), `the reply box answers the comment: ${quoted.text}`);
  return report;
}

/**
 * The page's side of a race between a write and the editor's model: `race` a number holds
 * back the page's `selectionchange` events for that many ms (then dispatches them again),
 * so the editor hears of a new selection late; 'drop' holds them back for good; 'desync'
 * lets the editor hear of it and then has its model take back the selection it had (the
 * demo pages' test hook, as a late render of an older state would). An editor whose model
 * does not hold the range applies the input at the selection it does hold (Draft.js in
 * Firefox: the leaf's new text into the block of the old caret; a paste at the old caret).
 * `release()` ends it.
 */
async function raceSelection(d, box, race) {
  if (race === 'desync') {
    await d.evaluate((w) => window.__demo.desyncSelection(w), MODEL[box]);
    return { release: async () => {} };
  }
  await d.evaluate((h) => {
    let replaying = false;
    const onChange = (e) => {
      if (replaying) return;
      e.stopImmediatePropagation();
      if (h === 'drop') return;
      setTimeout(() => { replaying = true; try { document.dispatchEvent(new Event('selectionchange')); } finally { replaying = false; } }, h);
    };
    window.addEventListener('selectionchange', onChange, true);
    window.__releaseSelectionChange = () => window.removeEventListener('selectionchange', onChange, true);
  }, race);
  return { release: () => d.evaluate(() => window.__releaseSelectionChange()) };
}

const notice = (d) => d.evaluate(() => document.querySelector('[data-reply-coach="host"]')?.shadowRoot?.querySelector('[data-reply-coach="notice"]')?.textContent ?? '');

/**
 * The page's text of the Draft.js editor, block by block (what the person sees): it must
 * be the model's, never a native edit the editor put into another block.
 */
const draftDom = (d, box) => d.evaluate((sel) => [...document.querySelector(sel).querySelectorAll('[data-block="true"]')].map((b) => b.textContent).join('\n'), EDITOR[box]);

/**
 * A fix (the first line's corporate phrase, in a two-line draft) or the rewrite, applied
 * while the page races the editor's model (raceSelection). The write waits for the editor
 * to hear of its selection: told late, it lands exactly; never told, nothing is written
 * and the panel says so; told and then out of step, the write lands exactly (an editor
 * that reads the page's selection itself) or the draft is put back exactly through the
 * editor's own undo and the panel says so. Never a partial or misplaced edit; the page
 * shows the model's text; after a failed write the next keystroke replaces nothing.
 * Returns 'landed' or 'kept'.
 */
export async function selectionRace(d, box, { race, target }) {
  await d.settings({ ui_language: 'en' });
  await openBox(d, box, { lang: 'en' });
  const draft = DRAFTS.en;
  await typeDraft(d, box, draft);
  assert.equal(await model(d, box), draft, 'typing reaches the editor model');
  await waitSettled(d);
  const report = await d.engine({ type: 'analyze', post: await shownPost(d), draft, platform: box.startsWith('x') ? 'x' : 'facebook' });
  let want;
  let action;
  if (target === 'rewrite') {
    assert.ok(report.rewrite, 'the engine proposes a rewrite');
    want = report.rewrite;
    action = '[data-reply-coach="panel"] [data-action="apply-rewrite"]';
  } else {
    const index = report.findings.findIndex((f) => f.rule === target && f.span && f.replacement !== null && f.replacement !== undefined);
    assert.ok(index >= 0, `the draft has a ${target} fix`);
    const f = report.findings[index];
    assert.ok(f.span[1] <= draft.indexOf('\n'), 'on the first line: the old caret is at the end of the second');
    want = applyFinding(draft, f);
    action = `[data-reply-coach="panel"] li[data-index="${index}"] [data-action="apply-fix"]`;
  }
  await openPanel(d);
  const raced = await raceSelection(d, box, race);
  const what = `${target}, ${race === 'drop' ? 'selectionchange dropped' : race === 'desync' ? 'the model takes back its selection' : `selectionchange held ${race} ms`}`;
  try {
    await d.clickCoach(action);
    // the write's end: the text it meant, or the draft with a notice
    await d.waitFor(([w, t, dr]) => {
      const m = window.__demo.getModelText(w);
      const n = document.querySelector('[data-reply-coach="host"]')?.shadowRoot?.querySelector('[data-reply-coach="notice"]')?.textContent;
      return m === t || (m === dr && Boolean(n));
    }, [MODEL[box], want, draft], 8000).catch(() => {});
    await new Promise((r) => setTimeout(r, 300)); // nothing more comes after it
  } finally {
    await raced.release();
  }
  const got = await model(d, box);
  const outcome = got === want ? 'landed' : got === draft ? 'kept' : 'mangled';
  assert.notEqual(outcome, 'mangled', `${what}: the editor model holds a partial or misplaced edit: ${JSON.stringify(got)}`);
  if (outcome === 'kept') assert.ok(await notice(d), `${what}: the draft is as it was, and the panel says the change did not go in`);
  else assert.equal(await notice(d), '', `${what}: landed, no notice`);
  if (box.startsWith('x')) assert.equal(await draftDom(d, box), got, `${what}: the page shows the model's text`);
  if (typeof race === 'number') assert.equal(outcome, 'landed', `${what}: the write waits for the editor to hear of its selection`);
  if (race === 'drop') assert.equal(outcome, 'kept', `${what}: the editor never heard of the range: nothing is written`);
  // Draft.js applies every input at its model's selection: the write went in wrong and was undone
  if (race === 'desync' && box.startsWith('x')) assert.equal(outcome, 'kept', `${what}: put back`);
  if (outcome === 'kept') {
    await d.click(EDITOR[box]);
    await d.press('Control+End');
    await typingAfterUndo(d, box, draft, draft.length, draft.length, `${what}, kept`);
  }
  return outcome;
}

const inCoach = (css) => `[data-reply-coach="panel"] ${css}`;
const coachHas = (d, css) => d.evaluate((c) => document.querySelector('[data-reply-coach="host"]')?.shadowRoot?.querySelector(c) !== null, css);

/**
 * Saved replies from the panel: the picker filters as you type; a saved reply with
 * {order_number} asks for it inline (nothing reaches the box before), then goes in through
 * the editor write in place of the draft, filled exactly as the engine fills it; the site's
 * button follows; Ctrl+Z brings the draft back. One with a placeholder nobody fills never
 * reaches the box.
 */
export async function savedReplyFlow(d, box) {
  const order = {
    title: 'Order status', language: 'en', tags: ['complaint'],
    text: 'Hi {first_name}, sorry for the wait! I looked up order {order_number}: it ships today. {signature}',
  };
  const raw = { title: 'Discount code', language: 'en', text: 'Sorry about that! Here is a code for your next order: {code}. {signature}' };
  await d.settings({ ui_language: 'en', agent_name: 'Pim', agent_initials: 'PK', saved_replies: [raw, order] });
  await openBox(d, box, { lang: 'en' });
  const prefix = box === 'facebook-reply' ? `${await d.evaluate(() => window.__demo.mention())} ` : '';
  const draft = 'Thanks for letting us know.';
  await typeDraft(d, box, draft);
  assert.equal(await model(d, box), prefix + draft, 'typing reaches the editor model');
  await waitSettled(d);
  const post = box === 'facebook-reply' ? await d.evaluate(() => window.__demo.comment) : await shownPost(d);
  const platform = box.startsWith('x') ? 'x' : 'facebook';
  const first = await d.call({ type: 'fillSaved', post, text: order.text, values: {}, platform });
  assert.ok(first.ok && first.missing.includes('order_number'), `the engine asks for the order number: ${JSON.stringify(first)}`);
  const want = await d.call({ type: 'fillSaved', post, text: order.text, values: Object.fromEntries(first.missing.map((n) => [n, n === 'order_number' ? 'A-12345' : 'Sam'])), platform });
  assert.deepEqual(want.missing, [], 'every placeholder filled');
  assert.ok(want.text.includes('A-12345') && !/[{}]/.test(want.text), want.text);

  await openPanel(d);
  await d.clickCoach(inCoach('[data-action="toggle-saved"]'));
  await d.waitFor(() => document.querySelector('[data-reply-coach="host"]').shadowRoot.activeElement?.dataset.replyCoach === 'saved-filter');
  await d.type('order status');
  const titles = () => [...document.querySelector('[data-reply-coach="host"]').shadowRoot.querySelectorAll('[data-reply-coach="saved-list"] .pick-title')].map((e) => e.textContent).join('|');
  await d.waitFor(() => [...document.querySelector('[data-reply-coach="host"]').shadowRoot.querySelectorAll('[data-reply-coach="saved-list"] .pick-title')]
    .map((e) => e.textContent).join('|') === 'Order status').catch(() => {});
  assert.equal(await d.evaluate(titles), 'Order status', 'the picker is filtered as you type');
  await d.clickCoach(inCoach('[data-action="pick-saved"][data-index="1"]'));
  const ask = '[data-reply-coach="saved-value"][data-placeholder="order_number"]';
  await d.waitFor((c) => document.querySelector('[data-reply-coach="host"]').shadowRoot.querySelector(`[data-reply-coach="panel"] ${c}`) !== null, ask);
  assert.equal(await model(d, box), prefix + draft, 'nothing reaches the box while a placeholder is asked for');
  for (const name of first.missing) {
    await d.clickCoach(inCoach(`[data-reply-coach="saved-value"][data-placeholder="${name}"]`));
    await d.type(name === 'order_number' ? 'A-12345' : 'Sam');
  }
  await d.clickCoach(inCoach('[data-action="saved-insert"]'));
  assert.equal(await waitModel(d, box, prefix + want.text), prefix + want.text, 'the editor model holds exactly the filled saved reply');
  if (box !== 'facebook-reply') assert.ok(await sendEnabled(d, box), 'the site\'s send button is enabled');
  await waitSettled(d);
  await d.press('Control+z');
  assert.equal(await waitModel(d, box, prefix + draft), prefix + draft, 'Ctrl+Z brings the draft back');
  await waitSettled(d);

  // a placeholder left empty, or filled with another placeholder, never goes in
  await openPanel(d);
  await d.clickCoach(inCoach('[data-action="toggle-saved"]'));
  await d.clickCoach(inCoach('[data-action="pick-saved"][data-index="0"]'));
  const code = '[data-reply-coach="saved-value"][data-placeholder="code"]';
  await d.waitFor((c) => document.querySelector('[data-reply-coach="host"]').shadowRoot.querySelector(`[data-reply-coach="panel"] ${c}`) !== null, code);
  await d.clickCoach(inCoach('[data-action="saved-insert"]'));
  await d.clickCoach(inCoach(code));
  await d.type('{first_name}');
  await d.clickCoach(inCoach('[data-action="saved-insert"]'));
  await new Promise((r) => setTimeout(r, 500));
  assert.ok(await coachHas(d, inCoach(code)), 'still asked for');
  const error = await d.evaluate(() => document.querySelector('[data-reply-coach="host"]').shadowRoot.querySelector('[data-reply-coach="saved-error"]').textContent);
  assert.ok(error, 'the panel says what is missing');
  const got = await model(d, box);
  assert.equal(got, prefix + draft, 'a raw placeholder never reaches the box');
  assert.ok(!/[{}]/.test(got));
}
