// @ts-check
// The first-run page, opened once on install (background.js): the four things the coach
// needs to fit its user: the interface language (the browser's until chosen), the name
// or initials, how the team signs (a person's name, initials, or the shop's name: each
// counts as a signature), and je or u as the house style. Saved into the same settings
// as the options page; everything else keeps its default.
import { loadSettings, saveSettings, sanitize, FIELDS } from '../shared/settings.js';
import { t, localise } from '../shared/i18n.js';
import { applyPageTheme } from '../shared/page-theme.js';
import { EngineClient } from '../shared/protocol.js';
import { displayShortcut } from '../shared/shortcut.js';
import { sendMessage } from '../shared/messaging.js';

/** @typedef {import('../shared/settings.js').Settings} Settings */

/** @param {string} id */
function $(id) {
  const e = document.getElementById(id);
  if (!e) throw new Error(`welcome page: no #${id}`);
  return e;
}
/** @param {string} id */
const input = (id) => /** @type {HTMLInputElement} */ ($(id));
/** @param {string} name */
const radio = (name) => /** @type {HTMLInputElement | null} */ (document.querySelector(`input[name="${name}"]:checked`));

applyPageTheme(document);
const engine = new EngineClient(sendMessage);
let lang = 'en';
/** @type {Settings | null} */
let current = null;

// How each signature style would end a reply, with what was typed.
function examples() {
  const name = input('agent_name').value.trim().split(/\s+/)[0] || t(lang, 'exampleName');
  const initials = input('agent_initials').value.trim() || t(lang, 'exampleInitials');
  const org = input('organisation').value.trim() || t(lang, 'exampleOrganisation');
  /** @type {Record<string, string>} */
  const text = {
    caret: t(lang, 'welcomeSignCaret', initials),
    dash: t(lang, 'welcomeSignDash', name),
    greeting: t(lang, 'welcomeSignGreeting', name),
    organisation: t(lang, 'welcomeSignOrganisation', org),
  };
  for (const el of document.querySelectorAll('[data-example]')) {
    el.textContent = text[/** @type {HTMLElement} */ (el).dataset.example ?? ''] ?? '';
  }
}

function applyLanguage() {
  document.documentElement.lang = lang;
  localise(document, lang);
  document.title = t(lang, 'welcomeTitle');
  examples();
}

/** @param {SubmitEvent} e */
async function save(e) {
  e.preventDefault();
  if (!current) return;
  const style = radio('signature_style')?.value ?? 'caret';
  const org = input('organisation').value.trim();
  const status = $('status');
  if (style === 'organisation' && !org) {
    status.textContent = t(lang, 'welcomeNeedOrganisation');
    input('organisation').focus();
    return;
  }
  const next = {
    ...current,
    ui_language: lang,
    agent_name: input('agent_name').value.trim(),
    agent_initials: input('agent_initials').value.trim(),
    signature_style: style,
    organisation: org || current.organisation,
    house_register: radio('house_register')?.value ?? 'informal',
  };
  const { problems } = sanitize(next);
  const bad = problems.find((k) => Object.hasOwn(FIELDS, k));
  if (bad) {
    status.textContent = t(lang, 'invalidField', t(lang, FIELDS[/** @type {keyof typeof FIELDS} */ (bad)].label));
    return;
  }
  try {
    current = await saveSettings(next);
  } catch (err) {
    status.textContent = t(lang, 'saveFailed', String(err instanceof Error ? err.message : err));
    return;
  }
  status.textContent = t(lang, 'saved');
  const shortcut = await engine.shortcut();
  $('done-text').textContent = shortcut.ok && shortcut.shortcut
    ? t(lang, 'welcomeDoneText', displayShortcut(shortcut.shortcut)) : t(lang, 'welcomeDoneTextNoShortcut');
  const done = $('done');
  done.hidden = false;
  done.focus();
}

async function main() {
  const { settings } = await loadSettings();
  current = settings;
  lang = settings.ui_language; // the browser's language until one is saved
  const select = /** @type {HTMLSelectElement} */ ($('ui_language'));
  select.value = lang;
  input('agent_name').value = settings.agent_name;
  input('agent_initials').value = settings.agent_initials;
  input('organisation').value = settings.organisation;
  for (const [name, value] of [['signature_style', settings.signature_style], ['house_register', settings.house_register]]) {
    const r = /** @type {HTMLInputElement | null} */ (document.querySelector(`input[name="${name}"][value="${value}"]`));
    if (r) r.checked = true;
  }
  applyLanguage();
  select.addEventListener('change', () => { lang = select.value === 'nl' ? 'nl' : 'en'; applyLanguage(); });
  for (const id of ['agent_name', 'agent_initials', 'organisation']) $(id).addEventListener('input', examples);
  input('organisation').addEventListener('input', () => {
    const r = /** @type {HTMLInputElement | null} */ (document.querySelector('input[name="signature_style"][value="organisation"]'));
    if (r && input('organisation').value.trim() && !input('agent_name').value.trim()) r.checked = true;
  });
  $('setup').addEventListener('submit', save);
}

main();
