// The settings table (extension/shared/settings.js): defaults, the tolerant load of what
// is stored (settings of another version included), the strict import, the export, and
// the engine's Profile.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  FIELDS, FIELD_KEYS, GROUPS, SCHEMA, MAX_RULES, defaults, sanitize, parseImport, exportJson, toProfile, ImportError,
  readImport, applyImport, changedFields, splitChunks, joinChunks,
} from '../../extension/shared/settings.js';
import en from '../../extension/_locales/en/messages.json' with { type: 'json' };
import nl from '../../extension/_locales/nl/messages.json' with { type: 'json' };

// The stored JSON of schema 1, as every version so far wrote it: it must keep loading.
const STORED_V1 = {
  schema: 1, agent_name: 'Pim Kramer', agent_initials: 'PK', signature_style: 'dash', organisation: 'Bakkerij Van Dam',
  response_time_norm_minutes: 30, ui_language: 'nl', sites: { x: true, facebook: false },
  custom_rules: [{ phrase: 'geen zorgen', replacement: null, message: 'Zeg het gewoon', language: null }],
};

// The same with the fields added since (the je/u house style, the rules switched off,
// the saved replies), as this version stores it.
const STORED = {
  ...STORED_V1, house_register: 'formal',
  saved_replies: [{ title: 'Bestelnummer', text: 'Hoi {first_name}, stuur je je {order_number} via DM? {signature}', language: 'nl', tags: ['complaint'] }],
  disabled_rules: ['emoji-on-complaint'],
};

const without = (o, ...keys) => Object.fromEntries(Object.entries(o).filter(([k]) => !keys.includes(k)));

test('defaults: every field of the table, in the stored order, in the current schema', () => {
  const d = defaults();
  assert.deepEqual(Object.keys(d), ['schema', ...FIELD_KEYS]);
  assert.deepEqual(Object.keys(STORED_V1).filter((k) => !(k in d)), [], 'every field schema 1 ever stored is still there');
  assert.deepEqual(without(d, 'ui_language'), {
    schema: SCHEMA, agent_name: '', agent_initials: '', signature_style: 'caret', organisation: '', house_register: 'informal',
    response_time_norm_minutes: 60, sites: { x: true, facebook: true }, custom_rules: [], saved_replies: [], disabled_rules: [],
  });
  assert.ok(['nl', 'en'].includes(d.ui_language));
  assert.notEqual(defaults().sites, defaults().sites, 'each call gives fresh objects');
});

test('stored settings of this version load as they are, with no problem', () => {
  assert.deepEqual(sanitize(STORED), { settings: STORED, problems: [] });
  // as the versions before the house style and the rule switches stored them: the new
  // fields take their defaults, and nothing is reported
  assert.deepEqual(sanitize(STORED_V1), { settings: { ...STORED_V1, house_register: 'informal', saved_replies: [], disabled_rules: [] }, problems: [] });
  assert.deepEqual(sanitize(undefined).problems, []);
  assert.deepEqual(sanitize(null).problems, []);
});

test('tolerant load: each invalid field falls back to its default and is named', () => {
  const { settings, problems } = sanitize({
    agent_name: 42, agent_initials: '  PK  ', signature_style: 'shout', organisation: 'x'.repeat(201),
    response_time_norm_minutes: -3, ui_language: 'de', sites: 'all', custom_rules: 'none',
  });
  assert.deepEqual(problems.sort(), ['agent_name', 'custom_rules', 'organisation', 'response_time_norm_minutes',
    'signature_style', 'sites', 'ui_language']);
  assert.equal(settings.agent_initials, 'PK', 'a valid field is kept (trimmed)');
  assert.deepEqual(without(settings, 'ui_language', 'agent_initials'), without(defaults(), 'ui_language', 'agent_initials'));
  assert.deepEqual(sanitize('total garbage'), { settings: sanitize(undefined).settings, problems: ['profile'] });
  assert.deepEqual(sanitize([1, 2]).problems, ['profile']);
});

test('tolerant load: null means "not set" for the text fields and the language only', () => {
  assert.deepEqual(sanitize({ agent_name: null, organisation: null, ui_language: null }).problems, []);
  for (const key of ['signature_style', 'response_time_norm_minutes', 'sites', 'custom_rules']) {
    assert.deepEqual(sanitize({ [key]: null }).problems, [key], key);
  }
});

test('tolerant load: numbers as strings, the range of the norm', () => {
  assert.equal(sanitize({ response_time_norm_minutes: '45' }).settings.response_time_norm_minutes, 45);
  for (const bad of [0, 10081, 1.5, 'soon', '']) {
    assert.deepEqual(sanitize({ response_time_norm_minutes: bad }).problems, ['response_time_norm_minutes'], String(bad));
  }
  assert.equal(sanitize({ response_time_norm_minutes: 10080 }).settings.response_time_norm_minutes, 10080);
});

test('tolerant load: the valid sites and phrases are kept, the rest named', () => {
  const { settings, problems } = sanitize({
    sites: { x: false, facebook: 'yes', myspace: true },
    custom_rules: [
      { phrase: ' asap ', replacement: 'today', language: 'en' },
      { phrase: '' },
      { phrase: 'ok', language: 'de' },
      { phrase: 'kind regards', replacement: '', message: '  ', language: 'any' },
      'not a rule',
    ],
  });
  assert.deepEqual(settings.sites, { x: false, facebook: true }, 'x kept, facebook default, unknown sites ignored');
  assert.deepEqual(settings.custom_rules, [
    { phrase: 'asap', replacement: 'today', message: null, language: 'en' },
    { phrase: 'kind regards', replacement: '', message: null, language: null },
  ]);
  assert.deepEqual(problems, ['sites', 'custom_rules']);
  const many = Array.from({ length: MAX_RULES + 5 }, (_, i) => ({ phrase: `p${i}` }));
  const capped = sanitize({ custom_rules: many });
  assert.equal(capped.settings.custom_rules.length, MAX_RULES);
  assert.deepEqual(capped.problems, ['custom_rules']);
});

test('settings from an older and a newer version: what this version knows is kept, the rest named', () => {
  // the two stored profiles of tests/e2e/faults.test.mjs
  const older = sanitize({ schema: 0, agent_name: 'Pim', signature: 'dash', norm_minutes: 30, ui_language: 'en' });
  assert.equal(older.settings.agent_name, 'Pim');
  assert.equal(older.settings.ui_language, 'en');
  assert.equal(older.settings.signature_style, 'caret', 'an unknown field does not set a known one');
  assert.equal(older.settings.response_time_norm_minutes, 60);
  assert.equal(older.settings.schema, SCHEMA, 'saved again, it is in the current schema');
  assert.deepEqual(older.problems, ['schema', 'signature', 'norm_minutes']);
  const newer = sanitize({ schema: 2, agent_name: 'Pim', ui_language: 'en', tone: 'friendly' });
  assert.deepEqual(newer.problems, ['schema', 'tone']);
  assert.ok(!('tone' in newer.settings));
  // `platform`, which an earlier version stored, is read and dropped without a word
  assert.deepEqual(sanitize({ agent_name: 'Pim', platform: 'facebook' }).problems, []);
});

/** @returns {ImportError} */
function refused(text) {
  try {
    parseImport(text);
  } catch (e) {
    assert.ok(e instanceof ImportError, `${text}: ${e}`);
    return e;
  }
  assert.fail(`imported: ${text}`);
}

test('strict import: anything that does not validate is refused whole, with the reason', () => {
  assert.equal(refused('not json at all').key, 'importNotJson');
  assert.equal(refused('[1,2]').key, 'importNotObject');
  assert.equal(refused('"profile"').key, 'importNotObject');
  assert.deepEqual(refused('{"reply_coach_profile": 2, "agent_name": "Pim"}').key, 'importWrongVersion');
  const unknown = refused('{"agent_name": "Pim", "hack": true, "tone": 1}');
  assert.deepEqual([unknown.key, unknown.detail], ['importUnknownFields', 'hack, tone']);
  assert.equal(refused('{}').key, 'importEmpty');
  assert.equal(refused('{"reply_coach_profile": 1, "schema": 1}').key, 'importEmpty');
  for (const [text, field] of [['{"agent_name": 5}', 'agent_name'], ['{"signature_style": "shout"}', 'signature_style'],
    ['{"custom_rules": [{"phrase": ""}]}', 'custom_rules'], ['{"sites": {"x": 1}}', 'sites'], ['{"signature_style": null}', 'signature_style']]) {
    const e = refused(text);
    assert.deepEqual([e.key, e.detail], ['importInvalidFields', field], text);
  }
});

test('export and import: a round trip gives the same settings, in the current schema', () => {
  const json = exportJson(STORED);
  const file = JSON.parse(json);
  assert.equal(file.reply_coach_profile, SCHEMA);
  assert.ok(!('schema' in file));
  assert.deepEqual(parseImport(json), STORED);
  // a file with only some fields: the rest are defaults
  const partial = parseImport('{"reply_coach_profile": 1, "agent_initials": "TW", "ui_language": "en"}');
  assert.deepEqual(partial, { ...defaults(), agent_initials: 'TW', ui_language: 'en' });
});

test('the engine Profile: every field the engine reads, empty text as null, the platform of the page', () => {
  assert.deepEqual(toProfile(STORED, 'facebook'), {
    platform: 'facebook', agent_name: 'Pim Kramer', agent_initials: 'PK', signature_style: 'dash',
    organisation: 'Bakkerij Van Dam', house_register: 'formal', response_time_norm_minutes: 30, ui_language: 'nl',
    custom_rules: [{ phrase: 'geen zorgen', replacement: null, message: 'Zeg het gewoon', language: null }],
    disabled_rules: ['emoji-on-complaint'],
  });
  // the shop's name as the signature, and a rule switched off, reach the engine as such
  const shop = toProfile({ ...STORED, signature_style: 'organisation', disabled_rules: ['anonymous-reply'] }, 'x');
  assert.equal(shop.signature_style, 'organisation');
  assert.deepEqual(shop.disabled_rules, ['anonymous-reply']);
  const p = toProfile(defaults(), 'myspace');
  assert.equal(p.platform, 'x');
  assert.equal(p.agent_name, null);
  assert.equal(p.organisation, null);
  assert.ok(!('sites' in p), 'the sites switch is the extension\'s own');
  assert.notEqual(toProfile(STORED, 'x').custom_rules[0], STORED.custom_rules[0], 'a copy');
  assert.notEqual(toProfile(STORED, 'x').disabled_rules, STORED.disabled_rules, 'a copy');
});

test('the table: every field and group has its label in both languages, in a group that exists', () => {
  const groups = new Set(GROUPS.map((g) => g.id));
  const keys = [];
  for (const g of GROUPS) keys.push(g.legend, ...(g.help ? [g.help] : []));
  for (const key of FIELD_KEYS) {
    const f = FIELDS[key];
    assert.ok(groups.has(f.group), `${key}: group ${f.group}`);
    keys.push(f.label);
    if (f.invalid) keys.push(f.invalid);
    if (f.help) keys.push(f.help);
    if (f.form.kind === 'choice') keys.push(...f.form.options.map((o) => o.label));
    if (f.form.kind === 'switches') keys.push(...f.form.items.map((i) => i.label));
    if (f.form.kind === 'phrases') keys.push(...f.form.columns.map((c) => c.label));
  }
  for (const [lang, table] of [['en', en], ['nl', nl]]) {
    assert.deepEqual(keys.filter((k) => !table[k]), [], `missing in _locales/${lang}`);
  }
});

test('rules switched off: rule ids only, each once; anything else is named', () => {
  assert.deepEqual(sanitize({ disabled_rules: ['denial', 'denial', 'too-long'] }).settings.disabled_rules, ['denial', 'too-long']);
  const bad = sanitize({ disabled_rules: ['denial', 'Not A Rule', 5, '<b>'] });
  assert.deepEqual(bad.settings.disabled_rules, ['denial']);
  assert.deepEqual(bad.problems, ['disabled_rules']);
  assert.deepEqual(sanitize({ disabled_rules: 'denial' }).problems, ['disabled_rules']);
  assert.deepEqual(sanitize({ signature_style: 'organisation' }).problems, []);
  assert.deepEqual(sanitize({ house_register: 'formal' }).problems, []);
  assert.deepEqual(sanitize({ house_register: 'jij' }).problems, ['house_register']);
});

test('import that asks: only the fields of the file, merged into yours by default, or the whole profile on request', () => {
  const mine = sanitize(STORED).settings;
  const file = readImport('{"agent_name": "Pim"}');
  assert.deepEqual(file, { agent_name: 'Pim' }, 'what the file sets, nothing else');
  const merged = applyImport(mine, file, 'merge');
  assert.deepEqual(changedFields(mine, merged), ['agent_name'], 'merge changes what the file sets and only that');
  assert.equal(merged.organisation, 'Bakkerij Van Dam');
  assert.deepEqual(merged.custom_rules, mine.custom_rules, "the team's phrases stay");
  const replaced = applyImport(mine, file, 'replace');
  assert.equal(replaced.agent_name, 'Pim');
  assert.equal(replaced.organisation, '', 'replace: what the file does not set goes back to the default');
  assert.deepEqual(replaced.custom_rules, []);
  assert.ok(changedFields(mine, replaced).includes('organisation'));
  // phrases and switched-off rules are added to yours; the file's wording wins for the same phrase
  const more = readImport(JSON.stringify({
    custom_rules: [{ phrase: 'Geen zorgen', replacement: 'geen probleem', language: null }, { phrase: 'asap', replacement: 'vandaag' }],
    disabled_rules: ['denial'], sites: { x: false },
  }));
  const m2 = applyImport(mine, more, 'merge');
  assert.deepEqual(m2.custom_rules.map((r) => [r.phrase, r.replacement]), [['Geen zorgen', 'geen probleem'], ['asap', 'vandaag']]);
  assert.deepEqual(m2.disabled_rules, ['emoji-on-complaint', 'denial']);
  assert.deepEqual(m2.sites, { x: false, facebook: false }, 'a site the file does not name keeps its switch');
  assert.equal(applyImport(mine, readImport('{"agent_name": null}'), 'merge').agent_name, '', 'null clears a text');
  assert.deepEqual(changedFields(mine, applyImport(mine, readImport(exportJson(mine)), 'merge')), [], 'your own export changes nothing');
});

test('import errors carry what the page needs to say them in its language', () => {
  const at = (text) => { try { readImport(text); } catch (e) { return [e.key, e.detail]; } return null; };
  const [key, detail] = at('{"agent_name": "Pim",\n  oops}');
  assert.equal(key, 'importNotJson');
  assert.equal(detail, '2:3', 'line:column, from the position V8 gives');
  assert.deepEqual(at('not json at all'), ['importNotJson', ''], 'no position given, none invented');
  assert.deepEqual(at('{"agent_name": 5, "sites": 1}'), ['importInvalidFields', 'agent_name, sites'], 'field ids, which the page turns into labels');
});

test('saved replies: a blank title or text never loads (the engine would refuse the whole profile), an import with one is refused', () => {
  const good = { title: 'Thanks', text: 'Thanks {first_name}! {signature}', language: 'en', tags: ['Compliment'] };
  const { settings, problems } = sanitize({
    saved_replies: [good, { title: '  ', text: 'x' }, { title: 'No text', text: '' }, { title: 'Lang', text: 'x', language: 'de' }, 'x'],
  });
  assert.deepEqual(settings.saved_replies, [{ ...good, tags: ['compliment'] }], 'the valid one is kept, tags in lower case');
  assert.deepEqual(problems, ['saved_replies']);
  assert.deepEqual(sanitize({ saved_replies: [{ title: 'A', text: 'one' }, { title: 'a', text: 'two' }] }).settings.saved_replies,
    [{ title: 'a', text: 'two' }], 'each title once');
  for (const bad of [[{ title: '', text: 'x' }], [{ title: 'x', text: '   ' }], [{ title: 'x' }], [{ title: 'x', text: 'y', tags: 'a' }], {}]) {
    assert.throws(() => readImport(JSON.stringify({ saved_replies: bad })), (e) => e instanceof ImportError && e.key === 'importInvalidFields'
      && e.detail === 'saved_replies', JSON.stringify(bad));
  }
  assert.equal(toProfile(STORED, 'x').saved_replies, undefined, 'not sent with every analysis');
});

test('saved replies: an import merges them by title (the file\'s text wins), replace takes the file\'s', () => {
  const mine = { ...STORED, saved_replies: [{ title: 'Order', text: 'mine' }, { title: 'Late', text: 'sorry' }] };
  const file = readImport(JSON.stringify({ saved_replies: [{ title: 'order', text: 'theirs {order_number}' }, { title: 'New', text: 'hi' }] }));
  assert.deepEqual(applyImport(mine, file, 'merge').saved_replies,
    [{ title: 'Late', text: 'sorry' }, { title: 'order', text: 'theirs {order_number}' }, { title: 'New', text: 'hi' }]);
  assert.deepEqual(changedFields(mine, applyImport(mine, file, 'merge')), ['saved_replies']);
  assert.deepEqual(applyImport(mine, file, 'replace').saved_replies, [{ title: 'order', text: 'theirs {order_number}' }, { title: 'New', text: 'hi' }]);
});

test('saved replies are stored in parts that each fit one sync item (8,192 bytes), and read back whole', () => {
  const long = 'Hoi {first_name}, wat vervelend! '.repeat(60).slice(0, 2000);
  const replies = Array.from({ length: 50 }, (_, i) => ({ title: `Reply ${i}`, text: `${i} ${long}`, language: 'nl', tags: ['complaint'] }));
  const settings = sanitize({ ...STORED, saved_replies: replies }).settings;
  const items = splitChunks(settings);
  for (const [key, value] of Object.entries(items)) {
    assert.ok(new TextEncoder().encode(key + JSON.stringify(value)).length <= 8192, `${key} fits one item`);
  }
  assert.ok(Object.keys(items).length > 10, 'in parts');
  assert.equal(items.profile.saved_replies, undefined, 'not in the profile item');
  assert.deepEqual(sanitize(joinChunks(items)), { settings, problems: [] }, 'read back as saved');
  // none: no parts, and the list comes back empty
  const none = splitChunks(sanitize(STORED_V1).settings);
  assert.deepEqual(Object.keys(none), ['profile']);
  assert.deepEqual(sanitize(joinChunks(none)).settings.saved_replies, []);
  // a part lost: the list is reported and reset, the rest of the profile kept
  const lost = { ...items };
  delete lost['saved_replies.1'];
  const back = sanitize(joinChunks(lost));
  assert.deepEqual(back.problems, ['saved_replies']);
  assert.equal(back.settings.agent_name, settings.agent_name);
  // stored inline (older versions, tests): taken as it is
  assert.deepEqual(sanitize(joinChunks({ profile: STORED })).settings, sanitize(STORED).settings);
});
