// The panel's plain words and pure decisions (issue 14): sources by their real names
// instead of "brief §", rule titles with a fallback, the findings the user switched off
// or that a team phrase covers, the shortcut, where the panel opens, and the interface
// strings (both languages, every key the code asks for, plural forms).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { plainSources, citedSources, SOURCES } from '../../extension/shared/sources.js';
import { ruleTitle, ruleTitles, excerpt, fixName } from '../../extension/shared/report-view.js';
import { settleFindings } from '../../extension/shared/findings.js';
import { parseShortcut, matchesShortcut, displayShortcut } from '../../extension/shared/shortcut.js';
import { placePanel, pickList } from '../../extension/content/coach-ui.js';
import { t, tn, plainDuration } from '../../extension/shared/i18n.js';
import en from '../../extension/_locales/en/messages.json' with { type: 'json' };
import nl from '../../extension/_locales/nl/messages.json' with { type: 'json' };

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

// Every explanation of the rulebook, in both languages (data/rules.toml, or one file per
// rule under data/rules/).
function explanations() {
  const files = [];
  if (fs.existsSync(path.join(REPO, 'data/rules.toml'))) files.push(path.join(REPO, 'data/rules.toml'));
  const dir = path.join(REPO, 'data/rules');
  if (fs.existsSync(dir)) for (const f of fs.readdirSync(dir)) if (f.endsWith('.toml')) files.push(path.join(dir, f));
  const out = [];
  for (const f of files) {
    for (const m of fs.readFileSync(f, 'utf8').matchAll(/^explanation\.(en|nl)\s*=\s*"((?:[^"\\]|\\.)*)"/gm)) {
      out.push({ lang: m[1], text: JSON.parse(`"${m[2]}"`) });
    }
  }
  return out;
}

test('sources: no "brief §" survives, and every source the brief section stood for is named', () => {
  const all = explanations();
  assert.ok(all.length >= 40, `the rulebook's explanations (${all.length})`);
  for (const { lang, text } of all) {
    const plain = plainSources(text, lang);
    assert.doesNotMatch(plain, /§|\bbrief\s+§|\(\s*\)|\(\s*,|,\s*\)|\s[,.;]|,,/, `${lang}: ${plain}`);
    assert.match(plain, /[.!?)"]$/, `${lang}: ends as a sentence: ${plain}`);
    if (/brief §5/.test(text) && !/advice report|adviesrapport/.test(text)) {
      assert.match(plain, lang === 'nl' ? /adviesrapport 2013/ : /advice report 2013/, plain);
    }
  }
  assert.equal(plainSources('Denial is the least favourable webcare strategy (brief §3, Huibers & Verhoeven 2014, §10).', 'en'),
    'Denial is the least favourable webcare strategy (HAN/SWOCC 2017, Huibers & Verhoeven 2014).');
  assert.equal(plainSources('Never ask for it in public (brief §8).', 'en'), 'Never ask for it in public.');
  assert.equal(plainSources('Anoniem reageren is een webcare-don\'t (adviesrapport 2013, brief §5).', 'nl'),
    'Anoniem reageren is een webcare-don\'t (adviesrapport 2013).');
  assert.equal(plainSources('No citation here.', 'en'), 'No citation here.', 'text without § is left alone');
  assert.deepEqual(citedSources('(Gao et al., MIS Quarterly 2023) and (Coosto)'), ['gao2023', 'coosto']);
  for (const s of SOURCES) {
    for (const table of [en, nl]) assert.ok(table[`source_${s.key}`], `source_${s.key}`);
  }
});

test('rule titles: the engine\'s when it gives one, else the interface\'s, else the id made readable', () => {
  assert.equal(ruleTitle('en', 'anonymous-reply', 'Nobody signs'), 'Nobody signs');
  assert.equal(ruleTitle('en', 'anonymous-reply', undefined), 'Reply without a name');
  assert.equal(ruleTitle('nl', 'anonymous-reply', ''), 'Antwoord zonder naam');
  assert.equal(ruleTitle('en', 'some-new-rule'), 'Some new rule');
  // the engine's rule docs as the panel reads them: titles by id, none for a doc without one
  const titles = ruleTitles([{ id: 'late-reply', title: ' Te laat ' }, { id: 'anonymous-reply' }, { id: 'too-long', title: '' }, null]);
  assert.deepEqual([...titles], [['late-reply', 'Te laat']]);
  assert.equal(ruleTitles(undefined).size, 0);
  assert.equal(ruleTitle('nl', 'anonymous-reply', titles.get('anonymous-reply')), 'Antwoord zonder naam');
  assert.equal(ruleTitle('nl', 'constructor', ruleTitles([]).get('constructor')), 'Constructor');
  // every rule of the rulebook has a title in both languages
  const ids = [];
  for (const f of [path.join(REPO, 'data/rules.toml')].filter(fs.existsSync)) {
    for (const m of fs.readFileSync(f, 'utf8').matchAll(/^id = "([a-z-]+)"/gm)) ids.push(m[1]);
  }
  const dir = path.join(REPO, 'data/rules');
  if (fs.existsSync(dir)) for (const f of fs.readdirSync(dir)) if (f.endsWith('.toml')) ids.push(f.replace(/\.toml$/, ''));
  assert.ok(ids.length >= 20, `rule ids (${ids.length})`);
  for (const id of ids) {
    for (const [lang, table] of [['en', en], ['nl', nl]]) assert.ok(table[`rule_${id.replace(/-/g, '_')}`], `${lang}: rule_${id}`);
  }
});

test('findings: a rule switched off says nothing; a team phrase on the same words gives one finding', () => {
  const f = (rule, span, severity = 'warning') => ({ rule, severity, message: rule, explanation: '', span, replacement: null });
  const report = { findings: [f('corporate-phrase', [0, 25]), f('custom-banned-phrase', [0, 25]), f('anonymous-reply', [0, 40]), f('too-long', [30, 40])] };
  assert.deepEqual(settleFindings(report, []).findings.map((x) => x.rule), ['custom-banned-phrase', 'anonymous-reply', 'too-long']);
  assert.deepEqual(settleFindings(report, ['anonymous-reply', 'custom-banned-phrase']).findings.map((x) => x.rule),
    ['corporate-phrase', 'too-long'], 'the built-in one is back when the team phrase is switched off');
  const clean = { findings: [f('too-long', [30, 40])] };
  assert.equal(settleFindings(clean, []), clean, 'nothing taken out: the same report');
});

test('the shortcut: read as the browser writes it, matched on the keys, shown as people read it', () => {
  assert.deepEqual(parseShortcut('Ctrl+Shift+Period'), { ctrl: true, alt: false, shift: true, meta: false, code: 'Period' });
  assert.deepEqual(parseShortcut('Alt+Shift+C'), { ctrl: false, alt: true, shift: true, meta: false, code: 'KeyC' });
  assert.deepEqual(parseShortcut('⇧⌘.'), { ctrl: false, alt: false, shift: true, meta: true, code: 'Period' });
  assert.equal(parseShortcut(''), null);
  assert.equal(parseShortcut('Ctrl+Hyper+Q'), null);
  const key = (code, mods = {}) => ({ code, ctrlKey: false, altKey: false, shiftKey: false, metaKey: false, ...mods });
  assert.ok(matchesShortcut(key('Period', { ctrlKey: true, shiftKey: true }), 'Ctrl+Shift+Period'));
  assert.ok(!matchesShortcut(key('Period', { ctrlKey: true }), 'Ctrl+Shift+Period'));
  assert.ok(!matchesShortcut(key('KeyC', { altKey: true, shiftKey: true }), 'Ctrl+Shift+Period'), 'Alt+Shift+C is no longer it');
  assert.equal(displayShortcut('Ctrl+Shift+Period'), 'Ctrl+Shift+.');
});

test('the panel opens where there is room', () => {
  const base = { width: 380, tall: 752, right: 300, left: 300 };
  assert.equal(placePanel({ ...base, right: 400, below: 100, above: 100, needed: 600 }), 'right', 'beside the thread when it fits');
  assert.equal(placePanel({ ...base, below: 460, above: 150, needed: 400 }), 'below', 'below when all of it fits');
  assert.equal(placePanel({ ...base, below: 315, above: 349, needed: 700 }), 'above', 'Facebook at 1366×768: more room above');
  assert.equal(placePanel({ ...base, below: 460, above: 150, needed: 700 }), 'below');
  assert.equal(placePanel({ ...base, left: 400, below: 200, above: 180, needed: 700 }), 'left', 'left only when above and below are too small');
  assert.equal(placePanel({ ...base, below: 200, above: 250, needed: 700 }), 'above');
});

test('plain words: durations in words, counts in the right form', () => {
  assert.equal(plainDuration('en', 60), '1 hour');
  assert.equal(plainDuration('nl', 60), '1 uur');
  assert.equal(plainDuration('en', 90), '1 hour 30 minutes');
  assert.equal(plainDuration('nl', 90), '1 uur en 30 minuten');
  assert.equal(plainDuration('en', 1), '1 minute');
  assert.equal(plainDuration('nl', 2 * 1440 + 60), '2 dagen en 1 uur');
  assert.equal(t('en', 'badgeFindings_one', '1', 'Tip'), 'Reply Coach: 1 point (Tip). Open the coach');
  assert.equal(tn('nl', 'showAll', 4), 'Toon alle 4 punten');
  assert.equal(tn('en', 'importDone', 1), 'Imported and saved: 1 setting changed.');
  assert.equal(excerpt('one two three four five six', 12), 'one two…', 'cut at a word');
  const f = { rule: 'corporate-phrase', severity: 'warning', message: '', explanation: '', span: [0, 25], replacement: 'Wat vervelend dat dit gebeurd is' };
  assert.equal(fixName('nl', f, 'Wij betreuren het ongemak. Stuur ons uw adres.'),
    '“Wij betreuren het ongemak” wijzigen in “Wat vervelend dat dit gebeurd is”');
});

test('interface strings: the same keys in both languages, valid names, both plural forms, every key the code asks for', () => {
  assert.deepEqual(Object.keys(en).filter((k) => !nl[k]), [], 'in en, not in nl');
  assert.deepEqual(Object.keys(nl).filter((k) => !en[k]), [], 'in nl, not in en');
  for (const k of Object.keys(en)) assert.match(k, /^[A-Za-z0-9_]+$/, `a message name the browser accepts: ${k}`);
  for (const k of Object.keys(en).filter((x) => x.endsWith('_one'))) assert.ok(en[k.replace(/_one$/, '_other')], `${k}: its _other`);
  for (const [k, v] of Object.entries(en)) {
    const names = (m) => [...m.matchAll(/\$([A-Z0-9_]+)\$/g)].map((x) => x[1]).sort();
    assert.deepEqual(names(nl[k].message), names(v.message), `${k}: the same placeholders in both languages`);
  }
  // t(lang, 'key' …) and tn(lang, 'key' …) with a literal key anywhere in extension/
  const asked = new Set();
  const walk = (dir) => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (p.endsWith('.js')) {
        const src = fs.readFileSync(p, 'utf8');
        for (const m of src.matchAll(/\bt\(\s*[\w.]+\s*,\s*'([A-Za-z0-9_]+)'/g)) asked.add(m[1]);
        for (const m of src.matchAll(/\btn\(\s*[\w.]+\s*,\s*'([A-Za-z0-9_]+)'/g)) { asked.add(`${m[1]}_one`); asked.add(`${m[1]}_other`); }
      } else if (p.endsWith('.html')) {
        for (const m of fs.readFileSync(p, 'utf8').matchAll(/data-i18n="([A-Za-z0-9_]+)"/g)) asked.add(m[1]);
      }
    }
  };
  walk(path.join(REPO, 'extension'));
  assert.ok(asked.size > 80, `keys found (${asked.size})`);
  assert.deepEqual([...asked].filter((k) => !en[k] || !nl[k]), [], 'asked for and missing');
});

test('saved replies picker: filtered by every word typed, in the reply\'s language first, then those without one', () => {
  const replies = [
    { title: 'Order number', text: 'Could you DM me your {order_number}?', language: 'en', tags: ['complaint'] },
    { title: 'Bestelnummer', text: 'Stuur je je {order_number} via DM?', language: 'nl', tags: ['complaint'] },
    { title: 'Thanks', text: 'Thank you {first_name}!', tags: ['compliment'] },
  ];
  assert.deepEqual(pickList(replies, '', 'nl').map((x) => x.index), [1, 2, 0]);
  assert.deepEqual(pickList(replies, '', 'en').map((x) => x.index), [0, 2, 1]);
  assert.deepEqual(pickList(replies, 'DM order', 'nl').map((x) => x.index), [1, 0]);
  assert.deepEqual(pickList(replies, 'compliment', null).map((x) => x.index), [2]);
  assert.deepEqual(pickList(replies, 'nothing like it', 'en'), []);
});
