// @ts-check
// Options page: edits the settings in chrome.storage.sync (the form is built from the
// settings table, options/form.js); export/import as JSON; the engine's rules.
import {
  loadSettings, saveSettings, parseImport, exportJson, sanitize, ImportError, FIELDS,
} from '../shared/settings.js';
import { t, localise } from '../shared/i18n.js';
import { EngineClient } from '../shared/protocol.js';
import { sendMessage } from '../shared/messaging.js';
import { SettingsForm } from './form.js';

/** @typedef {import('../shared/settings.js').Settings} Settings */
/** @typedef {import('../shared/settings.js').FieldKey} FieldKey */
/** @typedef {import('reply-coach-engine').Lang} Lang */

/** @param {string} id */
function $(id) {
  const e = document.getElementById(id);
  if (!e) throw new Error(`options page: no #${id}`);
  return e;
}
/** @param {string} id  an input, select or textarea */
const control = (id) => /** @type {HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement} */ ($(id));

const engine = new EngineClient(sendMessage);
/** @type {Lang} */
let lang = 'en';
/** @type {Settings | null} */
let current = null;
const form = new SettingsForm($('fields'), () => lang);

function applyLanguage() {
  document.documentElement.lang = lang;
  localise(document, lang);
  document.title = t(lang, 'optionsTitle');
}

/** @param {Settings} s */
function fill(s) {
  current = s;
  form.write(s);
  lang = s.ui_language;
  applyLanguage();
}

/** What the form holds, over the settings it was filled with (not checked). */
function read() {
  return { ...current, ...form.read() };
}

/** @param {string[] | null} problems */
function showNotice(problems) {
  const n = $('notice');
  if (!problems) { n.hidden = true; return; }
  n.textContent = t(lang, 'settingsResetDetail', problems.join(', '));
  n.hidden = false;
}

/** @param {unknown} err */
const errorText = (err) => String(err instanceof Error ? err.message : err);

/** @param {SubmitEvent} [e] */
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
    return;
  }
  try {
    fill(await saveSettings(read()));
    showNotice(null);
    $('status').textContent = t(lang, 'saved');
  } catch (err) {
    $('status').textContent = t(lang, 'saveFailed', errorText(err));
  }
}

/** @param {string} textValue */
async function doImport(textValue) {
  const out = $('import-status');
  try {
    const s = parseImport(textValue);
    fill(await saveSettings(s));
    showNotice(null);
    out.dataset.result = 'ok';
    out.textContent = t(lang, 'importDone');
  } catch (err) {
    out.dataset.result = 'error';
    out.textContent = err instanceof ImportError ? t(lang, err.key, err.detail) : t(lang, 'saveFailed', errorText(err));
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

// The engine's version and every rule: its id, its message and why.
async function showRules() {
  const [v, r] = await Promise.all([engine.version(), engine.rules(lang)]);
  $('engine-version').textContent = v.ok ? t(lang, 'engineVersion', v.version) : t(lang, 'engineUnavailable');
  const list = $('rule-docs');
  list.replaceChildren();
  for (const doc of r.ok ? r.rules : []) {
    const li = document.createElement('li');
    const id = document.createElement('code');
    id.textContent = doc.id;
    const why = document.createElement('p');
    why.className = 'help';
    why.textContent = doc.explanation;
    li.append(id, ` ${doc.message}`, why);
    list.append(li);
  }
}

async function main() {
  const { settings, notice } = await loadSettings();
  fill(settings);
  showNotice(notice);
  $('form').addEventListener('submit', save);
  const uiLanguage = control('ui_language');
  uiLanguage.addEventListener('change', () => {
    lang = uiLanguage.value === 'nl' ? 'nl' : 'en';
    applyLanguage();
    showRules();
  });
  $('export').addEventListener('click', doExport);
  const file = /** @type {HTMLInputElement} */ ($('import-file'));
  file.addEventListener('change', async () => {
    const f = file.files?.[0];
    if (f) await doImport(await f.text());
    file.value = '';
  });
  $('import-apply').addEventListener('click', () => doImport(control('import-text').value));
  showRules();
}

main();
