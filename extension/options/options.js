// @ts-check
// Options page: edits the settings in chrome.storage.sync (the form is built from the
// settings table, options/form.js), with a switch per rule of the engine; export, and
// an import that first shows what it would change (merge by default, replace on
// request). Every text is in the interface language, errors included. A link from the
// panel opens the page at a field (#signature_style, #rule-anonymous-reply, …).
import {
  loadSettings, saveSettings, readImport, applyImport, changedFields, exportJson, sanitize, ImportError, FIELDS,
} from '../shared/settings.js';
import { t, tn, localise, plainDuration } from '../shared/i18n.js';
import { ruleTitle } from '../shared/report-view.js';
import { applyPageTheme } from '../shared/page-theme.js';
import { EngineClient } from '../shared/protocol.js';
import { sendMessage } from '../shared/messaging.js';
import { displayShortcut } from '../shared/shortcut.js';
import { SettingsForm } from './form.js';

/** @typedef {import('../shared/settings.js').Settings} Settings */
/** @typedef {import('../shared/settings.js').FieldKey} FieldKey */
/** @typedef {import('reply-coach-engine').Lang} Lang */
/** @typedef {import('reply-coach-engine').RuleDoc} RuleDoc */

/** @param {string} id */
function $(id) {
  const e = document.getElementById(id);
  if (!e) throw new Error(`options page: no #${id}`);
  return e;
}
/** @param {string} id  an input, select or textarea */
const control = (id) => /** @type {HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement} */ ($(id));

applyPageTheme(document);
const engine = new EngineClient(sendMessage);
/** @type {Lang} */
let lang = 'en';
/** @type {Settings | null} */
let current = null;
/** @type {RuleDoc[]} */
let ruleDocs = [];
/** @type {Partial<Record<FieldKey, unknown>> | null} the file being imported */
let pending = null;
const form = new SettingsForm($('fields'), () => lang, {
  save: () => save(),
  async lint(replies, l) {
    const r = await engine.lintSaved(replies, l === 'nl' ? 'nl' : 'en');
    return r.ok ? r.results : null;
  },
  async starter(l) {
    const r = await engine.starterReplies(l === 'nl' ? 'nl' : 'en');
    return r.ok ? r.replies : null;
  },
});

function applyLanguage() {
  document.documentElement.lang = lang;
  localise(document, lang);
  document.title = t(lang, 'optionsTitle');
}

/** @param {Settings} s */
function fill(s) {
  current = s;
  lang = s.ui_language;
  form.write(s);
  applyLanguage();
}

/** What the form holds, over the settings it was filled with (not checked). */
function read() {
  return { ...current, ...form.read() };
}

/**
 * A field, or another name a problem list holds, as the interface calls it.
 * @param {string} key
 */
function fieldName(key) {
  if (Object.hasOwn(FIELDS, key)) return t(lang, FIELDS[/** @type {FieldKey} */ (key)].label);
  if (key === 'schema' || key === 'profile' || key === 'storage') return t(lang, `problem_${key}`);
  return `“${key}”`;
}

/** @param {string[] | null} problems */
function showNotice(problems) {
  const n = $('notice');
  if (!problems) { n.hidden = true; return; }
  n.textContent = t(lang, 'settingsResetDetail', problems.map(fieldName).join(', '));
  n.hidden = false;
}

/** @param {unknown} err */
const errorText = (err) => String(err instanceof Error ? err.message : err);

/**
 * @param {SubmitEvent} [e]
 * @returns {Promise<boolean>} saved
 */
async function save(e) {
  e?.preventDefault();
  // The form is checked as strictly as an imported file: nothing is saved while a field
  // holds something the table refuses, and the first such field says so.
  const { problems } = sanitize(read());
  const bad = /** @type {FieldKey | undefined} */ (problems.find((k) => Object.hasOwn(FIELDS, k)));
  if (bad) {
    const field = FIELDS[bad];
    $('status').textContent = field.invalid ? t(lang, field.invalid) : t(lang, 'invalidField', t(lang, field.label));
    form.focus(bad);
    return false;
  }
  try {
    fill(await saveSettings(read()));
    showNotice(null);
    $('status').textContent = t(lang, 'saved');
    return true;
  } catch (err) {
    $('status').textContent = t(lang, 'saveFailed', errorText(err));
    return false;
  }
}

/**
 * A setting's value in words, for the import preview.
 * @param {FieldKey} key
 * @param {unknown} value
 */
function describe(key, value) {
  const form = FIELDS[key].form;
  switch (form.kind) {
    case 'text': return String(value ?? '') || t(lang, 'valueEmpty');
    case 'choice': {
      const o = form.options.find((x) => x.value === value);
      return o ? t(lang, o.label) : String(value);
    }
    case 'integer': return plainDuration(lang, Number(value));
    case 'switches': {
      const v = /** @type {Record<string, boolean>} */ (value);
      return form.items.map((i) => `${t(lang, i.label)}: ${t(lang, v[i.key] ? 'valueOn' : 'valueOff')}`).join(' · ');
    }
    case 'phrases': {
      const rules = /** @type {{phrase: string}[]} */ (value);
      return rules.length ? `${tn(lang, 'phraseCount', rules.length)}: ${rules.map((r) => `“${r.phrase}”`).join(', ')}` : t(lang, 'valueNone');
    }
    case 'saved': {
      const replies = /** @type {{title: string}[]} */ (value);
      return replies.length ? `${tn(lang, 'savedCount', replies.length)}: ${replies.map((r) => `“${r.title}”`).join(', ')}` : t(lang, 'valueNone');
    }
    case 'rules': {
      const ids = /** @type {string[]} */ (value);
      if (!ids.length) return t(lang, 'valueAllOn');
      const titles = ids.map((id) => ruleTitle(lang, id, ruleDocs.find((d) => d.id === id)?.title));
      return t(lang, 'valueRulesOff', titles.join(', '));
    }
    default: return '';
  }
}

function importMode() {
  return /** @type {HTMLInputElement} */ ($('import-replace')).checked ? 'replace' : 'merge';
}

// The preview of what the file being imported changes, in the mode chosen.
function showPreview() {
  if (!pending || !current) return;
  const next = applyImport(current, pending, importMode());
  const keys = changedFields(current, next);
  const body = $('import-changes');
  body.replaceChildren(...keys.map((k) => {
    const tr = document.createElement('tr');
    tr.dataset.field = k;
    const th = document.createElement('th');
    th.scope = 'row';
    th.textContent = t(lang, FIELDS[k].label);
    const now = document.createElement('td');
    now.textContent = describe(k, current?.[k]);
    const after = document.createElement('td');
    after.textContent = describe(k, next[k]);
    tr.append(th, now, after);
    return tr;
  }));
  $('import-nochange').hidden = keys.length > 0;
  /** @type {HTMLButtonElement} */ ($('import-confirm')).disabled = keys.length === 0;
  $('import-preview').hidden = false;
}

/** @param {string} textValue */
function startImport(textValue) {
  const out = $('import-status');
  delete out.dataset.result;
  out.textContent = '';
  try {
    pending = readImport(textValue);
    showPreview();
    $('preview-title').focus();
  } catch (err) {
    pending = null;
    $('import-preview').hidden = true;
    out.dataset.result = 'error';
    out.textContent = importErrorText(err);
  }
}

/** @param {unknown} err */
function importErrorText(err) {
  if (!(err instanceof ImportError)) return t(lang, 'saveFailed', errorText(err));
  switch (err.key) {
    case 'importNotJson': {
      const [line, col] = err.detail.split(':');
      return err.detail ? t(lang, 'importNotJsonAt', line, col) : t(lang, 'importNotJson');
    }
    case 'importInvalidFields': return t(lang, 'importInvalidFields', err.detail.split(', ').map(fieldName).join(', '));
    default: return t(lang, err.key, err.detail);
  }
}

async function confirmImport() {
  if (!pending || !current) return;
  const out = $('import-status');
  try {
    const next = applyImport(current, pending, importMode());
    const n = changedFields(current, next).length;
    fill(await saveSettings(next));
    showNotice(null);
    pending = null;
    $('import-preview').hidden = true;
    out.dataset.result = 'ok';
    out.textContent = tn(lang, 'importDone', n);
    showRules();
  } catch (err) {
    out.dataset.result = 'error';
    out.textContent = t(lang, 'saveFailed', errorText(err));
  }
}

function doExport() {
  const json = exportJson(read());
  const blob = new Blob([json], { type: 'application/json' });
  const a = document.createElement('a');
  a.href = URL.createObjectURL(blob);
  a.download = 'reply-coach-profile.json';
  document.body.append(a);
  a.click();
  setTimeout(() => { URL.revokeObjectURL(a.href); a.remove(); }, 1000);
  control('import-text').value = json;
}

// The engine's version, the shortcut, and a switch per rule.
async function showRules() {
  const [v, r, k] = await Promise.all([engine.version(), engine.rules(lang), engine.shortcut()]);
  $('shortcut-help').textContent = k.ok && k.shortcut ? t(lang, 'optionsShortcut', displayShortcut(k.shortcut)) : t(lang, 'optionsNoShortcut');
  $('engine-version').textContent = v.ok ? t(lang, 'engineVersion', v.version) : t(lang, 'engineUnavailable');
  ruleDocs = r.ok ? r.rules : [];
  form.setRules(ruleDocs);
  focusFromHash();
}

// The panel links to a field: #signature_style, #custom_rules, #rule-<id>.
let hashDone = '';
function focusFromHash() {
  const id = decodeURIComponent(location.hash.slice(1));
  if (!id || id === hashDone) return;
  let target = /** @type {HTMLElement | null} */ (document.getElementById(id));
  if (id === 'custom_rules') target = $('group-phrases');
  if (!target) return; // (a rule's switch appears once the engine listed the rules)
  hashDone = id;
  const box = target.closest('.field, li, fieldset') ?? target;
  box.classList.add('highlight');
  box.scrollIntoView({ block: 'center' });
  if (id === 'custom_rules') form.focus('custom_rules');
  else target.focus();
}

async function main() {
  const { settings, notice } = await loadSettings();
  fill(settings);
  showNotice(notice);
  focusFromHash();
  window.addEventListener('hashchange', () => { hashDone = ''; focusFromHash(); });
  $('form').addEventListener('submit', save);
  const uiLanguage = control('ui_language');
  uiLanguage.addEventListener('change', () => {
    lang = uiLanguage.value === 'nl' ? 'nl' : 'en';
    applyLanguage();
    showRules();
    showPreview();
    form.saved.relocalise();
  });
  $('export').addEventListener('click', doExport);
  const file = /** @type {HTMLInputElement} */ ($('import-file'));
  file.addEventListener('change', async () => {
    const f = file.files?.[0];
    if (f) startImport(await f.text());
    file.value = '';
  });
  $('import-apply').addEventListener('click', () => startImport(control('import-text').value));
  for (const id of ['import-merge', 'import-replace']) $(id).addEventListener('change', showPreview);
  $('import-confirm').addEventListener('click', confirmImport);
  $('import-cancel').addEventListener('click', () => {
    pending = null;
    $('import-preview').hidden = true;
    $('import-status').textContent = t(lang, 'importCancelled');
  });
  $('preview-title').tabIndex = -1;
  showRules();
}

main();
