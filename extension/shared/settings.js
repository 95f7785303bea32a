// @ts-check
// The user's settings, from one table: FIELDS says, for each setting, its default, how a
// stored or imported value is checked, what the engine's Profile (src/model.rs) gets
// from it, and how the options page shows it (options/form.js builds the form from this
// table). chrome.storage.sync holds them under the key "profile", the saved replies
// beside it in parts (see splitChunks: an item holds at most 8 KB).
//
// Settings must never break the extension: anything stored that does not validate falls
// back to its default, field by field, and the caller is told (problems[]). An imported
// file is checked strictly: any problem refuses it whole.
//
// Adding a setting: one entry in FIELDS (and its label in both _locales files); when the
// engine reads it, the engine's Profile has the field of the same name.

/** @typedef {import('reply-coach-engine').Lang} Lang */
/** @typedef {import('reply-coach-engine').Platform} Platform */
/** @typedef {import('reply-coach-engine').Profile} Profile */
/** @typedef {import('reply-coach-engine').CustomRule} CustomRule */
/** @typedef {import('reply-coach-engine').SavedReply} SavedReply */

export const STORAGE_KEY = 'profile';
export const EXPORT_MARKER = 'reply_coach_profile';
export const SCHEMA = 1;
/** @type {readonly Lang[]} */
export const LANGS = ['nl', 'en'];
/** @type {readonly Platform[]} */
export const SITES = ['x', 'facebook'];
export const MAX_RULES = 200;
const MAX_TEXT = 200;
/** Saved replies: at most this many, each title and text at most this long (UTF-16 units). */
export const MAX_SAVED = 50;
export const MAX_SAVED_TITLE = 100;
export const MAX_SAVED_TEXT = 2000;
const MAX_TAGS = 10;
const MAX_TAG = 40;

export function browserLanguage() {
  try {
    const api = globalThis.chrome ?? globalThis.browser;
    const ui = api?.i18n?.getUILanguage?.() ?? globalThis.navigator?.language ?? 'en';
    return String(ui).toLowerCase().startsWith('nl') ? 'nl' : 'en';
  } catch {
    return 'en';
  }
}

/** @param {unknown} v @returns {v is Record<string, unknown>} */
const isObj = (v) => v !== null && typeof v === 'object' && !Array.isArray(v);
/** @param {unknown} v */
const str = (v) => (typeof v === 'string' ? v.trim() : null);

// ---------------------------------------------------------------------------------------
// Kinds of field. Each builds a Field: its check (`parse`: the value to keep, and whether
// the raw value was valid as a whole) and what the options page needs to show it (`form`).

/**
 * @template T
 * @typedef {object} Field
 * @property {string} label  its label, a key in _locales
 * @property {'agent' | 'sites' | 'phrases' | 'saved' | 'rules'} group  where the options page shows it (GROUPS)
 * @property {() => T} initial  its default
 * @property {boolean} nullable  a stored null means "not set": the default, no problem
 * @property {(raw: unknown, fallback: T) => {value: T, ok: boolean}} parse
 * @property {((value: T) => unknown) | null} profile  the engine Profile's field of the
 *   same name, or null when the engine does not read it
 * @property {Form} form
 * @property {string} [invalid]  what the options page says when the form holds an invalid
 *   value (a key in _locales; default "invalidField")
 * @property {string} [help]  a line under the control that says what it does (a key)
 */
/**
 * How a field is shown on the options page (options/form.js).
 * @typedef {{kind: 'text', attrs: Record<string, string>}
 *   | {kind: 'choice', options: readonly {value: string, label: string}[]}
 *   | {kind: 'integer', min: number, max: number}
 *   | {kind: 'switches', items: readonly {key: string, label: string}[]}
 *   | {kind: 'phrases', columns: readonly PhraseColumn[]}
 *   | {kind: 'saved'}
 *   | {kind: 'rules'}} Form
 */
/**
 * A column of the phrase table: a field of CustomRule, its label (a key in _locales)
 * and, for a choice, its values ("" first: any).
 * @typedef {{key: keyof CustomRule, label: string, values?: readonly string[]}} PhraseColumn
 */

/**
 * @param {{label: string, group?: Field<string>['group'], nullable?: boolean, attrs?: Record<string, string>, help?: string}} spec
 * @returns {Field<string>}
 */
function text({ label, group = 'agent', nullable = true, attrs = {}, help }) {
  return {
    label, group, nullable, help,
    initial: () => '',
    parse(raw, fallback) {
      const v = str(raw);
      return v === null || v.length > MAX_TEXT ? { value: fallback, ok: false } : { value: v, ok: true };
    },
    profile: (v) => v || null,
    form: { kind: 'text', attrs: { maxlength: String(MAX_TEXT), ...attrs } },
  };
}

/**
 * @template {string} V
 * @param {{label: string, values: readonly V[], labels: Record<V, string>, initial: () => V, nullable?: boolean, help?: string}} spec
 *   labels: the label of each value, a key in _locales
 * @returns {Field<V>}
 */
function choice({ label, values, labels, initial, nullable = false, help }) {
  return {
    label, group: 'agent', nullable, initial, help,
    parse: (raw, fallback) => (values.includes(/** @type {V} */ (raw)) ? { value: /** @type {V} */ (raw), ok: true } : { value: fallback, ok: false }),
    profile: (v) => v,
    form: { kind: 'choice', options: values.map((value) => ({ value, label: labels[value] })) },
  };
}

/**
 * @param {{label: string, min: number, max: number, initial: number, invalid: string, help?: string}} spec
 * @returns {Field<number>}
 */
function integer({ label, min, max, initial, invalid, help }) {
  return {
    label, group: 'agent', nullable: false, invalid, help,
    initial: () => initial,
    parse(raw, fallback) {
      const n = Number(raw);
      return Number.isInteger(n) && n >= min && n <= max ? { value: n, ok: true } : { value: fallback, ok: false };
    },
    profile: (v) => v,
    form: { kind: 'integer', min, max },
  };
}

/**
 * One switch per key; each valid one is kept, unknown keys are ignored.
 * @template {string} K
 * @param {{label: string, keys: readonly K[], labels: Record<K, string>}} spec
 * @returns {Field<Record<K, boolean>>}
 */
function switches({ label, keys, labels }) {
  const initial = () => /** @type {Record<K, boolean>} */ (Object.fromEntries(keys.map((k) => [k, true])));
  return {
    label, group: 'sites', nullable: false, initial,
    parse(raw, fallback) {
      if (!isObj(raw)) return { value: fallback, ok: false };
      const value = { ...fallback };
      let ok = true;
      for (const k of keys) {
        if (raw[k] === undefined) continue;
        const v = raw[k];
        if (typeof v === 'boolean') value[k] = v;
        else ok = false;
      }
      return { value, ok };
    },
    profile: null,
    form: { kind: 'switches', items: keys.map((key) => ({ key, label: labels[key] })) },
  };
}

/**
 * A custom phrase rule, checked; null when it is not one.
 * @param {unknown} r
 * @returns {CustomRule | null}
 */
function checkRule(r) {
  if (!isObj(r)) return null;
  const phrase = str(r.phrase);
  if (!phrase || phrase.length > MAX_TEXT) return null;
  /** @param {unknown} v @returns {string | null | undefined} undefined: invalid */
  const opt = (v) => {
    if (v === undefined || v === null) return null;
    if (typeof v !== 'string' || v.length > MAX_TEXT) return undefined;
    const t = v.trim();
    return t === '' ? null : t;
  };
  const replacement = r.replacement === '' ? '' : opt(r.replacement);
  const message = opt(r.message);
  if (replacement === undefined || message === undefined) return null;
  let language = r.language ?? null;
  if (language === '' || language === 'any') language = null;
  if (language !== null && !LANGS.includes(/** @type {Lang} */ (language))) return null;
  return { phrase, replacement, message, language: /** @type {Lang | null} */ (language) };
}

/**
 * The custom phrase rules: the valid ones are kept, at most MAX_RULES.
 * @param {{label: string}} spec
 * @returns {Field<CustomRule[]>}
 */
function phrases({ label }) {
  return {
    label, group: 'phrases', nullable: false,
    initial: () => [],
    parse(raw, fallback) {
      if (!Array.isArray(raw)) return { value: fallback, ok: false };
      /** @type {CustomRule[]} */
      const value = [];
      let ok = raw.length <= MAX_RULES;
      for (const r of raw.slice(0, MAX_RULES)) {
        const rule = checkRule(r);
        if (rule) value.push(rule);
        else ok = false;
      }
      return { value, ok };
    },
    profile: (rules) => rules.map((r) => ({ phrase: r.phrase, replacement: r.replacement, message: r.message, language: r.language })),
    form: {
      kind: 'phrases',
      columns: [
        { key: 'phrase', label: 'rulePhrase' },
        { key: 'replacement', label: 'ruleReplacement' },
        { key: 'message', label: 'ruleMessage' },
        { key: 'language', label: 'ruleLanguage', values: ['', ...LANGS] },
      ],
    },
  };
}

/**
 * A saved reply, checked: title and text not blank (the engine refuses a profile with one
 * that is: analyze would throw), a language of LANGS or none, tags short words; null when
 * it is not one.
 * @param {unknown} r
 * @returns {SavedReply | null}
 */
export function checkSavedReply(r) {
  if (!isObj(r)) return null;
  const title = str(r.title);
  const text = typeof r.text === 'string' ? r.text.trim() : null;
  if (!title || title.length > MAX_SAVED_TITLE || !text || text.length > MAX_SAVED_TEXT) return null;
  let language = r.language ?? null;
  if (language === '' || language === 'any') language = null;
  if (language !== null && !LANGS.includes(/** @type {Lang} */ (language))) return null;
  const rawTags = r.tags ?? [];
  if (!Array.isArray(rawTags) || rawTags.length > MAX_TAGS) return null;
  /** @type {string[]} */
  const tags = [];
  for (const tag of rawTags) {
    const v = str(tag);
    if (!v || v.length > MAX_TAG) return null;
    if (!tags.includes(v.toLowerCase())) tags.push(v.toLowerCase());
  }
  /** @type {SavedReply} */
  const out = { title, text };
  if (language) out.language = /** @type {Lang} */ (language);
  if (tags.length) out.tags = tags;
  return out;
}

/** @param {{title: string}} r  two saved replies are the same when their titles are */
export const savedKey = (r) => r.title.trim().toLowerCase();

/**
 * The team's saved replies: the valid ones are kept (each title once: the last wins), at
 * most MAX_SAVED. The engine reads them only when asked to fill or coach one (the worker
 * adds them to the Profile then), not with every analysis.
 * @param {{label: string}} spec
 * @returns {Field<SavedReply[]>}
 */
function savedReplies({ label }) {
  return {
    label, group: 'saved', nullable: false,
    initial: () => [],
    parse(raw, fallback) {
      if (!Array.isArray(raw)) return { value: fallback, ok: false };
      /** @type {Map<string, SavedReply>} */
      const byTitle = new Map();
      let ok = raw.length <= MAX_SAVED;
      for (const r of raw.slice(0, MAX_SAVED)) {
        const reply = checkSavedReply(r);
        if (!reply) { ok = false; continue; }
        if (byTitle.has(savedKey(reply))) ok = false;
        byTitle.set(savedKey(reply), reply);
      }
      return { value: [...byTitle.values()], ok };
    },
    profile: null,
    form: { kind: 'saved' },
  };
}

const RULE_ID = /^[a-z0-9]+(-[a-z0-9]+)*$/;

/**
 * The rules switched off: rule ids (the engine's, lower-case words joined by "-"), each
 * once. The options page lists every rule the engine has with a switch.
 * @param {{label: string}} spec
 * @returns {Field<string[]>}
 */
function ruleSwitches({ label }) {
  return {
    label, group: 'rules', nullable: false,
    initial: () => [],
    parse(raw, fallback) {
      if (!Array.isArray(raw)) return { value: fallback, ok: false };
      const value = [...new Set(raw.filter((r) => typeof r === 'string' && RULE_ID.test(r)))].slice(0, MAX_RULES);
      return { value, ok: value.length === raw.length };
    },
    profile: (ids) => [...ids],
    form: { kind: 'rules' },
  };
}
// ---------------------------------------------------------------------------------------
// The table. Its order is the options page's order.

export const FIELDS = {
  agent_name: text({ label: 'fieldAgentName', attrs: { autocomplete: 'name' } }),
  agent_initials: text({ label: 'fieldInitials', attrs: { maxlength: '20' } }),
  signature_style: choice({
    label: 'fieldSignature',
    values: /** @type {const} */ (['caret', 'dash', 'greeting', 'organisation']),
    initial: () => 'caret',
    labels: { caret: 'signatureCaret', dash: 'signatureDash', greeting: 'signatureGreeting', organisation: 'signatureOrganisation' },
    help: 'helpSignature',
  }),
  organisation: text({ label: 'fieldOrganisation', attrs: { autocomplete: 'organization' } }),
  house_register: choice({
    label: 'fieldHouseRegister',
    values: /** @type {const} */ (['informal', 'formal']),
    initial: () => 'informal',
    labels: { informal: 'houseInformal', formal: 'houseFormal' },
    help: 'helpHouseRegister',
  }),
  response_time_norm_minutes: integer({
    label: 'fieldNorm', min: 1, max: 10080, initial: 60, invalid: 'invalidNorm', help: 'helpNorm',
  }),
  ui_language: choice({
    label: 'fieldLanguage',
    values: LANGS,
    initial: () => browserLanguage(),
    nullable: true,
    labels: { nl: 'languageNl', en: 'languageEn' },
  }),
  sites: switches({ label: 'optionsSites', keys: SITES, labels: { x: 'siteX', facebook: 'siteFacebook' } }),
  custom_rules: phrases({ label: 'optionsPhrases' }),
  saved_replies: savedReplies({ label: 'optionsSaved' }),
  disabled_rules: ruleSwitches({ label: 'optionsRules' }),
};

/** The fieldsets of the options page, in order: their legend and help (keys in _locales). */
export const GROUPS = [
  { id: 'agent', legend: 'optionsAgent' },
  { id: 'sites', legend: 'optionsSites' },
  { id: 'phrases', legend: 'optionsPhrases', help: 'phrasesHelp' },
  { id: 'saved', legend: 'optionsSaved', help: 'savedHelp' },
  { id: 'rules', legend: 'optionsRules', help: 'rulesHelp' },
];

/** @typedef {keyof typeof FIELDS} FieldKey */
/** @template F @typedef {F extends Field<infer T> ? T : never} ValueOf */
/**
 * The settings as stored: the schema and every field of the table.
 * @typedef {{schema: number} & {-readonly [K in FieldKey]: ValueOf<(typeof FIELDS)[K]>}} Settings
 */

/** @type {FieldKey[]} */
export const FIELD_KEYS = /** @type {FieldKey[]} */ (Object.keys(FIELDS));

// Read and ignored: `platform` was stored by an earlier version (the page decides it now).
const IGNORED = ['platform'];
// The fields a stored profile or an imported file may have.
const KNOWN_FIELDS = new Set(['schema', EXPORT_MARKER, ...FIELD_KEYS, ...IGNORED]);

/** @returns {Settings} */
export function defaults() {
  const s = /** @type {Record<string, unknown>} */ ({ schema: SCHEMA });
  for (const key of FIELD_KEYS) s[key] = FIELDS[key].initial();
  return /** @type {Settings} */ (s);
}

/**
 * Field by field: returns {settings, problems} where problems lists the fields that were
 * invalid and replaced by their defaults (or kept in part: the valid sites and phrases).
 * Never throws.
 * @param {unknown} raw
 * @returns {{settings: Settings, problems: string[]}}
 */
export function sanitize(raw) {
  const s = defaults();
  /** @type {string[]} */
  const problems = [];
  if (raw === undefined || raw === null) return { settings: s, problems };
  if (!isObj(raw)) return { settings: s, problems: ['profile'] };
  // Settings written by another version of the extension: what this version knows is
  // kept (field by field, below), the rest is named in the notice and dropped on the
  // next save, which writes the current schema (the migration).
  if (raw.schema !== undefined && raw.schema !== SCHEMA) problems.push('schema');
  problems.push(...Object.keys(raw).filter((k) => !KNOWN_FIELDS.has(k)));
  const out = /** @type {Record<FieldKey, unknown>} */ (s);
  for (const key of FIELD_KEYS) {
    const field = /** @type {Field<unknown>} */ (FIELDS[key]);
    const v = raw[key];
    if (v === undefined || (v === null && field.nullable)) continue;
    const { value, ok } = field.parse(v, out[key]);
    out[key] = value;
    if (!ok) problems.push(key);
  }
  return { settings: s, problems: [...new Set(problems)] };
}

/**
 * The engine's Profile for one request.
 * @param {Settings} settings
 * @param {Platform} platform
 * @returns {Profile}
 */
export function toProfile(settings, platform) {
  const p = /** @type {Record<string, unknown>} */ ({ platform: platform === 'facebook' ? 'facebook' : 'x' });
  for (const key of FIELD_KEYS) {
    const field = /** @type {Field<unknown>} */ (FIELDS[key]);
    if (field.profile) p[key] = field.profile(settings[key]);
  }
  return /** @type {Profile} */ (/** @type {unknown} */ (p));
}

// Strict check for an imported profile file: refuses anything that does not validate,
// with an error whose `key` names a message in _locales; `detail` says what was wrong:
// the fields (keys of FIELDS) for importInvalidFields, the names for importUnknownFields,
// the version for importWrongVersion, "line:column" (or "") for importNotJson.
export class ImportError extends Error {
  /** @param {string} key @param {string} [detail] */
  constructor(key, detail = '') {
    super(`${key}${detail ? `: ${detail}` : ''}`);
    this.key = key;
    this.detail = detail;
  }
}

/**
 * Where JSON.parse stopped, as "line:column" of the text, when the engine says (V8 writes
 * "at position N"); "" otherwise.
 * @param {string} text
 * @param {unknown} err
 */
function jsonErrorAt(text, err) {
  const m = /position (\d+)/.exec(err instanceof Error ? err.message : String(err));
  if (!m) return '';
  const before = text.slice(0, Number(m[1]));
  const lines = before.split('\n');
  return `${lines.length}:${lines[lines.length - 1].length + 1}`;
}

/**
 * An imported profile file, checked strictly: the fields it sets (only those), or an
 * ImportError.
 * @param {string} jsonText
 * @returns {Partial<Record<FieldKey, unknown>>}
 */
export function readImport(jsonText) {
  let raw;
  try {
    raw = JSON.parse(jsonText);
  } catch (e) {
    throw new ImportError('importNotJson', jsonErrorAt(jsonText, e));
  }
  if (!isObj(raw)) throw new ImportError('importNotObject');
  if (raw[EXPORT_MARKER] !== undefined && raw[EXPORT_MARKER] !== SCHEMA) {
    throw new ImportError('importWrongVersion', String(raw[EXPORT_MARKER]));
  }
  const unknown = Object.keys(raw).filter((k) => !KNOWN_FIELDS.has(k));
  if (unknown.length) throw new ImportError('importUnknownFields', unknown.join(', '));
  const keys = FIELD_KEYS.filter((k) => raw[k] !== undefined);
  if (!keys.length) throw new ImportError('importEmpty');
  const { problems } = sanitize(raw);
  const bad = problems.filter((p) => p !== 'schema');
  if (bad.length) throw new ImportError('importInvalidFields', bad.join(', '));
  return Object.fromEntries(keys.map((k) => [k, raw[k]]));
}

/** @param {CustomRule} r */
const phraseKey = (r) => `${r.phrase.toLowerCase()}|${r.language ?? ''}`;

/**
 * The settings after an import. 'merge' (the default) changes only what the file sets:
 * its phrases are added to yours (its wording wins for the same phrase), its saved replies
 * too (merged by title: its text wins for the same title), its switched-off
 * rules join yours, a site it does not name keeps its switch. 'replace' takes the file as
 * the whole profile: what it does not set goes back to the default.
 * @param {Settings} current
 * @param {Partial<Record<FieldKey, unknown>>} fields  from readImport
 * @param {'merge' | 'replace'} mode
 * @returns {Settings}
 */
export function applyImport(current, fields, mode) {
  if (mode === 'replace') return sanitize(fields).settings;
  const next = /** @type {Record<FieldKey, unknown>} */ ({ ...structuredClone(current) });
  for (const key of FIELD_KEYS) {
    if (fields[key] === undefined) continue;
    const field = /** @type {Field<unknown>} */ (FIELDS[key]);
    if (fields[key] === null && field.nullable) { next[key] = field.initial(); continue; }
    const { value } = field.parse(fields[key], next[key]);
    if (key === 'custom_rules') {
      const theirs = /** @type {CustomRule[]} */ (value);
      const keys = new Set(theirs.map(phraseKey));
      next[key] = [...current.custom_rules.filter((r) => !keys.has(phraseKey(r))), ...theirs].slice(0, MAX_RULES);
    } else if (key === 'saved_replies') {
      // merged by title: the file's wording wins for the same title, yours stay
      const theirs = /** @type {SavedReply[]} */ (value);
      const keys = new Set(theirs.map(savedKey));
      next[key] = [...current.saved_replies.filter((r) => !keys.has(savedKey(r))), ...theirs].slice(0, MAX_SAVED);
    } else if (key === 'disabled_rules') {
      next[key] = [...new Set([...current.disabled_rules, .../** @type {string[]} */ (value)])];
    } else {
      next[key] = value;
    }
  }
  return sanitize({ ...next, schema: SCHEMA }).settings;
}

/**
 * The fields whose value differs.
 * @param {Settings} a
 * @param {Settings} b
 * @returns {FieldKey[]}
 */
export function changedFields(a, b) {
  return FIELD_KEYS.filter((k) => JSON.stringify(a[k]) !== JSON.stringify(b[k]));
}

/**
 * The settings a file gives on its own (as 'replace' imports them); kept for callers
 * that take a file whole.
 * @param {string} jsonText
 * @returns {Settings}
 */
export function parseImport(jsonText) {
  return sanitize(readImport(jsonText)).settings;
}

/**
 * @param {Record<string, unknown>} settings  (what the form holds: not necessarily valid)
 * @returns {string}
 */
export function exportJson(settings) {
  const { schema, ...rest } = settings;
  return JSON.stringify({ [EXPORT_MARKER]: SCHEMA, ...rest }, null, 2);
}

function api() {
  return globalThis.browser ?? globalThis.chrome;
}

/**
 * Reads the stored settings; corrupt or unreadable storage falls back to defaults with
 * `notice` set (the list of fields that were reset, or "storage").
 * @returns {Promise<{settings: Settings, notice: string[] | null}>}
 */
export async function loadSettings() {
  try {
    const got = await api().storage.sync.get(null);
    const { settings, problems } = sanitize(joinChunks(got ?? {}));
    return { settings, notice: problems.length ? problems : null };
  } catch {
    return { settings: defaults(), notice: ['storage'] };
  }
}

// chrome.storage.sync holds at most 8,192 bytes an item (102,400 in all): the saved
// replies are stored beside the profile in parts of at most SAVED_PART_BYTES, under
// "saved_replies.0", "saved_replies.1", …, and the profile says how many there are.
export const SAVED_PARTS = 'saved_replies_parts';
const SAVED_PART_KEY = 'saved_replies.';
const SAVED_PART_BYTES = 7000;

/**
 * The stored profile with its saved replies joined back from their parts (a profile
 * stored with them inline, as older versions and tests do, is taken as it is; a part that
 * is missing makes the list invalid, which `sanitize` reports).
 * @param {Record<string, unknown>} got  everything in storage.sync
 * @returns {unknown}
 */
export function joinChunks(got) {
  const stored = got[STORAGE_KEY];
  if (!stored || typeof stored !== 'object' || Array.isArray(stored)) return stored;
  const { [SAVED_PARTS]: n, ...profile } = /** @type {Record<string, unknown>} */ (stored);
  if (n === undefined) return stored;
  if (!Number.isInteger(n) || /** @type {number} */ (n) < 0) return { ...profile, saved_replies: null };
  const replies = [];
  for (let i = 0; i < /** @type {number} */ (n); i++) {
    const part = got[`${SAVED_PART_KEY}${i}`];
    if (!Array.isArray(part)) return { ...profile, saved_replies: null };
    replies.push(...part);
  }
  return { ...profile, saved_replies: replies };
}

/**
 * The items to store for `clean` settings: the profile, without its saved replies, and
 * the saved replies in parts small enough for one storage item each.
 * @param {Settings} clean
 * @returns {Record<string, unknown>}
 */
export function splitChunks(clean) {
  const { saved_replies: replies = [], ...profile } = clean;
  const size = (/** @type {unknown} */ v) => new TextEncoder().encode(JSON.stringify(v)).length;
  /** @type {unknown[][]} */
  const parts = [];
  let part = [];
  for (const reply of replies) {
    if (part.length && size([...part, reply]) > SAVED_PART_BYTES) {
      parts.push(part);
      part = [];
    }
    part.push(reply);
  }
  if (part.length) parts.push(part);
  /** @type {Record<string, unknown>} */
  const items = { [STORAGE_KEY]: { ...profile, [SAVED_PARTS]: parts.length } };
  parts.forEach((p, i) => {
    items[`${SAVED_PART_KEY}${i}`] = p;
  });
  return items;
}

/**
 * Saves what validates (the rest: defaults) in the current schema; returns what was saved.
 * @param {unknown} settings
 * @returns {Promise<Settings>}
 */
export async function saveSettings(settings) {
  const { settings: clean } = sanitize(settings);
  const items = splitChunks(clean);
  const before = Object.keys((await api().storage.sync.get(null)) ?? {});
  await api().storage.sync.set(items);
  // parts of a longer list saved before
  const stale = before.filter((k) => k.startsWith(SAVED_PART_KEY) && !(k in items));
  if (stale.length) await api().storage.sync.remove(stale);
  return clean;
}

/** @param {() => void} callback  called when the stored settings change */
export function onSettingsChanged(callback) {
  try {
    api().storage.onChanged.addListener((changes, area) => {
      if (area === 'sync' && Object.keys(changes).some((k) => k === STORAGE_KEY || k.startsWith(SAVED_PART_KEY))) callback();
    });
  } catch {
    /* storage events unavailable: settings apply on the next page load */
  }
}
