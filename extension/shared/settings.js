// The user's settings: what the options page edits, what chrome.storage.sync holds under
// the key "profile", and how it becomes the engine's Profile (src/model.rs).
// Settings must never break the extension: anything stored that does not validate falls
// back to its default, field by field, and the caller is told (problems[]).

export const STORAGE_KEY = 'profile';
export const EXPORT_MARKER = 'reply_coach_profile';
export const SCHEMA = 1;
export const SITES = ['x', 'facebook'];
export const SIGNATURE_STYLES = ['caret', 'dash', 'greeting'];
export const LANGS = ['nl', 'en'];
export const MAX_RULES = 200;
const MAX_TEXT = 200;

export function browserLanguage() {
  try {
    const api = globalThis.chrome ?? globalThis.browser;
    const ui = api?.i18n?.getUILanguage?.() ?? globalThis.navigator?.language ?? 'en';
    return String(ui).toLowerCase().startsWith('nl') ? 'nl' : 'en';
  } catch {
    return 'en';
  }
}

export function defaults() {
  return {
    schema: SCHEMA,
    agent_name: '',
    agent_initials: '',
    signature_style: 'caret',
    organisation: '',
    response_time_norm_minutes: 60,
    ui_language: browserLanguage(),
    sites: { x: true, facebook: true },
    custom_rules: [],
  };
}

const isObj = (v) => v !== null && typeof v === 'object' && !Array.isArray(v);
const str = (v) => (typeof v === 'string' ? v.trim() : null);

function checkRule(r) {
  if (!isObj(r)) return null;
  const phrase = str(r.phrase);
  if (!phrase || phrase.length > MAX_TEXT) return null;
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
  if (language !== null && !LANGS.includes(language)) return null;
  return { phrase, replacement, message, language };
}

// The fields a stored profile or an imported file may have.
const KNOWN_FIELDS = new Set(['schema', EXPORT_MARKER, 'agent_name', 'agent_initials', 'signature_style', 'organisation',
  'response_time_norm_minutes', 'ui_language', 'sites', 'custom_rules', 'platform']);

// Field by field: returns {settings, problems} where problems lists the fields that
// were invalid and replaced by their defaults. Never throws.
export function sanitize(raw) {
  const d = defaults();
  const problems = [];
  if (raw === undefined || raw === null) return { settings: d, problems };
  if (!isObj(raw)) return { settings: d, problems: ['profile'] };
  const s = { ...d, sites: { ...d.sites }, custom_rules: [] };
  // Settings written by another version of the extension: what this version knows is
  // kept (field by field, below), the rest is named in the notice and dropped on the
  // next save, which writes the current schema (the migration).
  if (raw.schema !== undefined && raw.schema !== SCHEMA) problems.push('schema');
  problems.push(...Object.keys(raw).filter((k) => !KNOWN_FIELDS.has(k)));
  for (const key of ['agent_name', 'agent_initials', 'organisation']) {
    if (raw[key] === undefined || raw[key] === null) continue;
    const v = str(raw[key]);
    if (v === null || v.length > MAX_TEXT) problems.push(key);
    else s[key] = v;
  }
  if (raw.signature_style !== undefined) {
    if (SIGNATURE_STYLES.includes(raw.signature_style)) s.signature_style = raw.signature_style;
    else problems.push('signature_style');
  }
  if (raw.response_time_norm_minutes !== undefined) {
    const n = Number(raw.response_time_norm_minutes);
    if (Number.isInteger(n) && n >= 1 && n <= 10080) s.response_time_norm_minutes = n;
    else problems.push('response_time_norm_minutes');
  }
  if (raw.ui_language !== undefined && raw.ui_language !== null) {
    if (LANGS.includes(raw.ui_language)) s.ui_language = raw.ui_language;
    else problems.push('ui_language');
  }
  if (raw.sites !== undefined) {
    if (!isObj(raw.sites)) problems.push('sites');
    else for (const site of SITES) {
      if (raw.sites[site] === undefined) continue;
      if (typeof raw.sites[site] === 'boolean') s.sites[site] = raw.sites[site];
      else problems.push('sites');
    }
  }
  if (raw.custom_rules !== undefined) {
    if (!Array.isArray(raw.custom_rules)) problems.push('custom_rules');
    else {
      for (const r of raw.custom_rules.slice(0, MAX_RULES)) {
        const ok = checkRule(r);
        if (ok) s.custom_rules.push(ok);
        else if (!problems.includes('custom_rules')) problems.push('custom_rules');
      }
      if (raw.custom_rules.length > MAX_RULES) problems.push('custom_rules');
    }
  }
  return { settings: s, problems: [...new Set(problems)] };
}

// Strict check for an imported profile file: refuses anything that does not validate,
// with an error whose `key` names a message in _locales (and `detail` what was wrong).
export class ImportError extends Error {
  constructor(key, detail = '') {
    super(`${key}${detail ? `: ${detail}` : ''}`);
    this.key = key;
    this.detail = detail;
  }
}

export function parseImport(jsonText) {
  let raw;
  try {
    raw = JSON.parse(jsonText);
  } catch (e) {
    throw new ImportError('importNotJson', e.message);
  }
  if (!isObj(raw)) throw new ImportError('importNotObject');
  if (raw[EXPORT_MARKER] !== undefined && raw[EXPORT_MARKER] !== SCHEMA) {
    throw new ImportError('importWrongVersion', String(raw[EXPORT_MARKER]));
  }
  const unknown = Object.keys(raw).filter((k) => !KNOWN_FIELDS.has(k));
  if (unknown.length) throw new ImportError('importUnknownFields', unknown.join(', '));
  if (!Object.keys(raw).some((k) => k !== 'schema' && k !== EXPORT_MARKER)) throw new ImportError('importEmpty');
  const { settings, problems } = sanitize(raw);
  if (problems.length) throw new ImportError('importInvalidFields', problems.join(', '));
  return settings;
}

export function exportJson(settings) {
  const { schema, ...rest } = settings;
  return JSON.stringify({ [EXPORT_MARKER]: SCHEMA, ...rest }, null, 2);
}

// The engine's Profile for one request.
export function toProfile(settings, platform) {
  const nz = (v) => (v ? v : null);
  return {
    agent_name: nz(settings.agent_name),
    agent_initials: nz(settings.agent_initials),
    signature_style: settings.signature_style,
    organisation: nz(settings.organisation),
    response_time_norm_minutes: settings.response_time_norm_minutes,
    platform: platform === 'facebook' ? 'facebook' : 'x',
    ui_language: settings.ui_language,
    custom_rules: settings.custom_rules.map((r) => ({
      phrase: r.phrase, replacement: r.replacement, message: r.message, language: r.language,
    })),
  };
}

function api() {
  return globalThis.browser ?? globalThis.chrome;
}

// Reads the stored settings; corrupt or unreadable storage falls back to defaults with
// `notice` set (the list of fields that were reset, or "storage").
export async function loadSettings() {
  try {
    const got = await api().storage.sync.get(STORAGE_KEY);
    const { settings, problems } = sanitize(got?.[STORAGE_KEY]);
    return { settings, notice: problems.length ? problems : null };
  } catch (e) {
    return { settings: defaults(), notice: ['storage'] };
  }
}

export async function saveSettings(settings) {
  const { settings: clean } = sanitize(settings);
  await api().storage.sync.set({ [STORAGE_KEY]: clean });
  return clean;
}

export function onSettingsChanged(callback) {
  try {
    api().storage.onChanged.addListener((changes, area) => {
      if (area === 'sync' && changes[STORAGE_KEY]) callback();
    });
  } catch {
    /* storage events unavailable: settings apply on the next page load */
  }
}
