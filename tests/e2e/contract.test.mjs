// The fields the engine is adding (/work/contracts.md: incoming.certainty and signals,
// rewrite_note, RuleDoc.title) rendered by the extension's own view code in Chromium,
// with and without them: a real report of the engine, then the same report with each
// new field, so the panel is right before and after the engine ships them. The view
// modules are bundled from extension/ for the page (esbuild, as the build does).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import * as esbuild from 'esbuild';
import { setup, setSettings, engineReport, REPO } from './helpers.mjs';

let env;
let page;
const POST = { text: 'Al twee weken wacht ik op mijn fiets uit reparatie. Belachelijk!', author: 'Sonja de Vries', age_minutes: 25 };
const DRAFT = 'Wij betreuren het ongemak. Stuur ons uw adres.';

before(async () => {
  env = await setup();
  await setSettings(env, { ui_language: 'nl' });
  const out = await esbuild.build({
    stdin: {
      contents: `import * as view from './extension/shared/report-view.js';
        import { SettingsForm } from './extension/options/form.js';
        globalThis.RC = { ...view, SettingsForm };`,
      resolveDir: REPO, loader: 'js',
    },
    bundle: true, format: 'iife', write: false, logLevel: 'silent',
  });
  page = await env.context.newPage();
  await page.setContent('<!doctype html><html><body><div id="out"></div><div id="fields"></div></body></html>');
  await page.evaluate(out.outputFiles[0].text);
  await page.evaluate(() => { const s = document.createElement('style'); s.textContent = RC.THEME_CSS + RC.REPORT_CSS; document.head.append(s); document.body.className = 'rc-theme'; });
});
after(async () => { await env?.close(); });

// Renders a report as the panel does; what the test asks about it.
function render(report, lang = 'nl') {
  return page.evaluate(([r, d, post, l]) => {
    const out = document.getElementById('out');
    out.replaceChildren(RC.renderReport(document, r, d, { lang: l, actions: true, post, showMore: true }));
    const q = (s) => out.querySelector(s);
    return {
      first: q('.rc-report > :first-child')?.dataset.part ?? null,
      kind: q('[data-kind]')?.textContent ?? null,
      certainty: q('[data-kind]')?.dataset.certainty ?? null,
      signals: q('[data-part="signals"]')?.textContent ?? null,
      quoted: [...out.querySelectorAll('[data-part="signals"] q')].map((e) => e.textContent),
      note: q('[data-part="rewrite-note"] .rewrite-note')?.textContent ?? null,
      use: out.querySelectorAll('[data-action="apply-rewrite"]').length,
      rewrite: q('[data-rewrite]')?.textContent ?? null,
    };
  }, [report, DRAFT, POST, lang]);
}

test('without the new fields: the report renders as the engine gives it today', async () => {
  const report = await engineReport(env, { post: POST, draft: DRAFT, platform: 'x' });
  const plain = structuredClone(report);
  delete plain.incoming.certainty;
  delete plain.incoming.signals;
  delete plain.rewrite_note;
  const r = await render(plain);
  assert.equal(r.first, 'rewrite');
  assert.equal(r.kind, 'Klacht');
  assert.equal(r.certainty, null);
  assert.equal(r.signals, null);
  assert.equal(r.rewrite, report.rewrite);
});

test('this engine\'s own report, as it comes (certainty and signals as the engine fills them today)', async () => {
  const report = await engineReport(env, { post: POST, draft: DRAFT, platform: 'x' });
  const r = await render(report);
  assert.equal(r.certainty, report.incoming.certainty ?? null, 'the certainty the engine gave is on the kind');
  assert.equal(r.kind, report.incoming.certainty === 'unsure' ? 'Mogelijk een klacht' : 'Klacht');
  if ((report.incoming.signals ?? []).some((x) => ['waiting', 'bad_evaluation'].includes(x.id))) {
    assert.match(r.signals ?? '', /wachten|een hard oordeel/, `the engine's signals, in words: ${JSON.stringify(report.incoming.signals)}`);
  }
  assert.equal(r.first, report.rewrite ? 'rewrite' : (report.rewrite_note ? 'rewrite-note' : 'findings'));
});

test('incoming.certainty "unsure": "could be a complaint"; "sure": the kind as before', async () => {
  const report = await engineReport(env, { post: POST, draft: DRAFT, platform: 'x' });
  const unsure = await render({ ...report, incoming: { ...report.incoming, kind: 'complaint', certainty: 'unsure' } });
  assert.equal(unsure.kind, 'Mogelijk een klacht');
  assert.equal(unsure.certainty, 'unsure');
  const en = await render({ ...report, incoming: { ...report.incoming, kind: 'complaint', certainty: 'unsure' } }, 'en');
  assert.equal(en.kind, 'Could be a complaint');
  const sure = await render({ ...report, incoming: { ...report.incoming, kind: 'complaint', certainty: 'sure' } });
  assert.equal(sure.kind, 'Klacht');
});

test('incoming.signals: what the reading rests on, quoted from the post, weightiest first; what has no words or lies outside the post left out', async () => {
  const report = await engineReport(env, { post: POST, draft: DRAFT, platform: 'x' });
  const at = (w) => [POST.text.indexOf(w), POST.text.indexOf(w) + w.length];
  const r = await render({
    ...report,
    incoming: {
      ...report.incoming,
      signals: [{ id: 'waiting', span: at('twee weken wacht ik'), weight: 0.8 }, { id: 'bad_evaluation', span: at('Belachelijk'), weight: 1.4 },
        { id: 'exclamations', span: at('!'), weight: 0.3 }, { id: 'something_new', span: at('fiets'), weight: 2 },
        { id: 'waiting', span: [500, 510], weight: 3 }],
    },
  });
  // the weightiest first; a shape of the text ("!") and an id without words are left out,
  // and so is a span outside the post
  assert.equal(r.signals, 'Waar de coach op let: Belachelijk (een hard oordeel) · twee weken wacht ik (wachten)');
  assert.deepEqual(r.quoted, ['Belachelijk', 'twee weken wacht ik'], 'each quoted (<q>) from the post');
});

test('rewrite_note: shown where the suggested reply would be, with no Use button', async () => {
  const report = await engineReport(env, { post: POST, draft: DRAFT, platform: 'x' });
  const note = 'Geen voorstel: het adres staat al in je antwoord; haal het weg en vraag het via DM.';
  const r = await render({ ...report, rewrite: null, rewrite_note: note });
  assert.equal(r.first, 'rewrite-note');
  assert.equal(r.note, note);
  assert.equal(r.use, 0);
  const none = await render({ ...report, rewrite: null, rewrite_note: null });
  assert.notEqual(none.first, 'rewrite-note', 'no note, no empty box');
  const both = await render({ ...report, rewrite_note: note });
  assert.equal(both.first, 'rewrite', 'a suggested reply wins over a note');
});

test('RuleDoc.title: the settings list shows the engine\'s title, else the interface\'s own plain name', async () => {
  const labels = await page.evaluate(() => {
    const form = new RC.SettingsForm(document.getElementById('fields'), () => 'nl');
    const doc = (id, title) => ({ id, title, family: 'x', severity: 'warning', message: 'Het is {age} oud, norm {norm}', explanation: 'Uitleg (brief §5).', fix: null, examples: [] });
    form.setRules([doc('late-reply', 'Te laat geantwoord'), doc('anonymous-reply', undefined), doc('brand-new-rule', '')]);
    return {
      titles: [...document.querySelectorAll('.rule-title')].map((e) => e.textContent),
      text: document.getElementById('fields').textContent,
    };
  });
  assert.deepEqual(labels.titles, ['Te laat geantwoord', 'Antwoord zonder naam', 'Brand new rule']);
  assert.doesNotMatch(labels.text, /\{age\}|\{norm\}|§/, 'no raw placeholders, no "brief §"');
});

test('RuleDoc.title: the panel\'s buttons name a rule by the engine\'s title, else by the interface\'s own name', async () => {
  const report = await engineReport(env, { post: POST, draft: DRAFT, platform: 'x' });
  const names = (docs) => page.evaluate(([r, d, post, ds]) => {
    const out = document.getElementById('out');
    out.replaceChildren(RC.renderReport(document, r, d, { lang: 'nl', actions: true, post, titles: RC.ruleTitles(ds) }));
    return [...out.querySelectorAll('li.finding')].map((li) => ({
      rule: li.dataset.rule,
      dismiss: li.querySelector('[data-action="dismiss"]')?.getAttribute('aria-label') ?? null,
      off: li.querySelector('[data-action="open-settings"][data-field^="rule-"]')?.textContent ?? null,
    }));
  }, [report, DRAFT, POST, docs]);
  const rule = report.findings[0]?.rule;
  assert.ok(rule, `the engine finds something in ${JSON.stringify(DRAFT)}`);
  const titled = (await names([{ id: rule, title: 'Titel van de motor' }])).find((x) => x.rule === rule);
  assert.match(titled.dismiss, /Titel van de motor/);
  assert.match(titled.off, /Titel van de motor/);
  const untitled = (await names([{ id: rule }])).find((x) => x.rule === rule);
  const own = await page.evaluate((id) => RC.ruleTitle('nl', id), rule);
  assert.doesNotMatch(untitled.dismiss, /Titel van de motor/);
  assert.match(untitled.dismiss, new RegExp(own.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')), 'the interface\'s own name');
});
