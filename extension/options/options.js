// Options page: edits the profile in chrome.storage.sync; export/import as JSON.
import {
  loadSettings, saveSettings, parseImport, exportJson, ImportError, LANGS,
} from '../shared/settings.js';
import { t, localise } from '../shared/i18n.js';

const $ = (id) => document.getElementById(id);
let lang = 'en';
let current = null;

function applyLanguage() {
  document.documentElement.lang = lang;
  localise(document, lang);
  document.title = t(lang, 'optionsTitle');
  for (const row of $('rules').rows) localiseRow(row);
}

function el(tag, attrs = {}) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (k === 'text') e.textContent = v;
    else if (k === 'value') e.value = v;
    else e.setAttribute(k, v);
  }
  return e;
}

function localiseRow(row) {
  const [phrase, repl, msg, language, remove] = row.querySelectorAll('input, select, button');
  phrase.setAttribute('aria-label', t(lang, 'rulePhrase'));
  repl.setAttribute('aria-label', t(lang, 'ruleReplacement'));
  msg.setAttribute('aria-label', t(lang, 'ruleMessage'));
  language.setAttribute('aria-label', t(lang, 'ruleLanguage'));
  language.options[0].textContent = t(lang, 'ruleAnyLanguage');
  remove.textContent = '×';
  remove.setAttribute('aria-label', t(lang, 'ruleRemove'));
}

function addRuleRow(rule = { phrase: '', replacement: null, message: null, language: null }) {
  const tr = document.createElement('tr');
  const phrase = el('input', { value: rule.phrase, maxlength: '200', 'data-field': 'phrase' });
  const repl = el('input', { value: rule.replacement ?? '', maxlength: '200', 'data-field': 'replacement' });
  const msg = el('input', { value: rule.message ?? '', maxlength: '200', 'data-field': 'message' });
  const language = el('select', { 'data-field': 'language' });
  language.append(el('option', { value: '', text: '' }), ...LANGS.map((l) => el('option', { value: l, text: l.toUpperCase() })));
  language.value = rule.language ?? '';
  const remove = el('button', { type: 'button', class: 'remove' });
  remove.addEventListener('click', () => tr.remove());
  for (const c of [phrase, repl, msg, language, remove]) {
    const td = document.createElement('td');
    td.append(c);
    tr.append(td);
  }
  $('rules').append(tr);
  localiseRow(tr);
  return tr;
}

function fill(s) {
  current = s;
  $('agent_name').value = s.agent_name;
  $('agent_initials').value = s.agent_initials;
  $('signature_style').value = s.signature_style;
  $('organisation').value = s.organisation;
  $('response_time_norm_minutes').value = String(s.response_time_norm_minutes);
  $('ui_language').value = s.ui_language;
  $('site_x').checked = s.sites.x;
  $('site_facebook').checked = s.sites.facebook;
  $('rules').replaceChildren();
  for (const r of s.custom_rules) addRuleRow(r);
  lang = s.ui_language;
  applyLanguage();
}

function read() {
  const norm = Number($('response_time_norm_minutes').value);
  const rules = [];
  for (const row of $('rules').rows) {
    const get = (f) => row.querySelector(`[data-field="${f}"]`).value.trim();
    if (!get('phrase')) continue;
    rules.push({ phrase: get('phrase'), replacement: get('replacement') || null, message: get('message') || null, language: get('language') || null });
  }
  return {
    ...current,
    agent_name: $('agent_name').value.trim(),
    agent_initials: $('agent_initials').value.trim(),
    signature_style: $('signature_style').value,
    organisation: $('organisation').value.trim(),
    response_time_norm_minutes: norm,
    ui_language: $('ui_language').value,
    sites: { x: $('site_x').checked, facebook: $('site_facebook').checked },
    custom_rules: rules,
  };
}

function showNotice(problems) {
  const n = $('notice');
  if (!problems) { n.hidden = true; return; }
  n.textContent = t(lang, 'settingsResetDetail', problems.join(', '));
  n.hidden = false;
}

async function save(e) {
  e?.preventDefault();
  const s = read();
  if (!Number.isInteger(s.response_time_norm_minutes) || s.response_time_norm_minutes < 1 || s.response_time_norm_minutes > 10080) {
    $('status').textContent = t(lang, 'invalidNorm');
    $('response_time_norm_minutes').focus();
    return;
  }
  try {
    fill(await saveSettings(s));
    showNotice(null);
    $('status').textContent = t(lang, 'saved');
  } catch (err) {
    $('status').textContent = t(lang, 'saveFailed', String(err?.message ?? err));
  }
}

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
    out.textContent = err instanceof ImportError ? t(lang, err.key, err.detail) : t(lang, 'saveFailed', String(err?.message ?? err));
  }
}

function doExport() {
  const blob = new Blob([exportJson(read())], { type: 'application/json' });
  const a = el('a', { href: URL.createObjectURL(blob), download: 'reply-coach-profile.json' });
  document.body.append(a);
  a.click();
  setTimeout(() => { URL.revokeObjectURL(a.href); a.remove(); }, 1000);
  $('import-text').value = exportJson(read());
}

async function showRules() {
  const api = globalThis.browser ?? globalThis.chrome;
  try {
    const [v, r] = await Promise.all([
      api.runtime.sendMessage({ type: 'version' }),
      api.runtime.sendMessage({ type: 'rules', lang }),
    ]);
    if (v?.ok) $('engine-version').textContent = t(lang, 'engineVersion', v.version);
    const list = $('rule-docs');
    list.replaceChildren();
    for (const doc of (r?.ok && Array.isArray(r.rules) ? r.rules : [])) {
      const li = document.createElement('li');
      const id = doc.id ?? doc.rule ?? '';
      const title = doc.title ?? doc.name ?? doc.message ?? '';
      const body = doc.explanation ?? doc.description ?? doc.why ?? '';
      li.append(el('code', { text: id }), document.createTextNode(title ? ` ${title}` : ''));
      if (body) li.append(el('p', { class: 'help', text: body }));
      list.append(li);
    }
  } catch {
    $('engine-version').textContent = t(lang, 'engineUnavailable');
  }
}

async function main() {
  const { settings, notice } = await loadSettings();
  fill(settings);
  showNotice(notice);
  $('form').addEventListener('submit', save);
  $('add-rule').addEventListener('click', () => addRuleRow().querySelector('input').focus());
  $('ui_language').addEventListener('change', () => { lang = $('ui_language').value; applyLanguage(); showRules(); });
  $('export').addEventListener('click', doExport);
  $('import-file').addEventListener('change', async (e) => {
    const file = e.target.files?.[0];
    if (file) await doImport(await file.text());
    e.target.value = '';
  });
  $('import-apply').addEventListener('click', () => doImport($('import-text').value));
  showRules();
}

main();
