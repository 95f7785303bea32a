// Popup playground: paste a post and a draft, get the full coaching and the rewrite.
// The draft is a textarea, so fixes are applied to it directly.
import { loadSettings } from '../shared/settings.js';
import { t, localise } from '../shared/i18n.js';
import { renderReport, findingKey, REPORT_CSS } from '../shared/report-view.js';

const $ = (id) => document.getElementById(id);
const api = globalThis.browser ?? globalThis.chrome;
let lang = 'en';
let last = null; // {report, draft}
const dismissed = new Set();

const style = document.createElement('style');
style.textContent = REPORT_CSS;
document.head.append(style);

async function analyze() {
  const draft = $('draft').value;
  const postText = $('post').value.trim();
  const age = $('age').value === '' ? null : Number($('age').value);
  const msg = {
    type: 'analyze',
    platform: $('platform').value,
    draft,
    post: postText ? { text: postText, author: $('author').value.trim() || null, age_minutes: Number.isFinite(age) ? age : null } : null,
  };
  $('status').textContent = t(lang, 'analysing');
  let resp;
  try {
    resp = await api.runtime.sendMessage(msg);
  } catch (e) {
    resp = { ok: false, error: String(e?.message ?? e) };
  }
  if (!resp?.ok) {
    $('status').textContent = t(lang, 'engineError', resp?.error ?? '?');
    return;
  }
  $('status').textContent = '';
  if (!last || last.draft !== draft) dismissed.clear();
  last = { report: resp.report, draft, post: msg.post };
  render();
}

function render() {
  if (!last) return;
  $('result').replaceChildren(renderReport(document, last.report, last.draft, { lang, actions: true, dismissed, post: last.post }));
}

$('result').addEventListener('click', (e) => {
  const btn = e.target.closest('[data-action]');
  if (!btn || !last) return;
  const f = last.report.findings[Number(btn.dataset.index)];
  const ta = $('draft');
  if (ta.value !== last.draft) { analyze(); return; }
  if (btn.dataset.action === 'apply-fix' && f?.span) {
    ta.value = last.draft.slice(0, f.span[0]) + f.replacement + last.draft.slice(f.span[1]);
    analyze();
  } else if (btn.dataset.action === 'apply-rewrite' && last.report.rewrite !== null) {
    ta.value = last.report.rewrite;
    analyze();
  } else if (btn.dataset.action === 'dismiss' && f) {
    dismissed.add(findingKey(f, last.draft));
    render();
  }
});

async function main() {
  const { settings } = await loadSettings();
  lang = settings.ui_language;
  document.documentElement.lang = lang;
  localise(document, lang);
  $('analyze').addEventListener('click', analyze);
  for (const id of ['post', 'draft']) {
    $(id).addEventListener('keydown', (e) => { if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) analyze(); });
  }
  $('post').placeholder = t(lang, 'examplePost');
  $('draft').placeholder = t(lang, 'exampleDraft');
}

main();
