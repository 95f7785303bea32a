// @ts-check
// Popup playground: paste a post and a draft, get the full coaching and the rewrite.
// The draft is a textarea, so fixes are applied to it directly.
import { loadSettings } from '../shared/settings.js';
import { t, localise } from '../shared/i18n.js';
import { renderReport, findingKey, REPORT_CSS } from '../shared/report-view.js';
import { EngineClient } from '../shared/protocol.js';
import { sendMessage } from '../shared/messaging.js';
import { missingHostAccess, requestHostAccess, siteNames } from '../shared/host-access.js';

/** @typedef {import('reply-coach-engine').Report} Report */
/** @typedef {import('reply-coach-engine').Post} Post */

/** @param {string} id */
function $(id) {
  const e = document.getElementById(id);
  if (!e) throw new Error(`popup: no #${id}`);
  return e;
}
/** @param {string} id  an input, select or textarea */
const control = (id) => /** @type {HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement} */ ($(id));

const engine = new EngineClient(sendMessage);
let lang = 'en';
/** @type {{report: Report, draft: string, post: Post | null} | null} */
let last = null;
/** @type {Set<string>} */
const dismissed = new Set();

const style = document.createElement('style');
style.textContent = REPORT_CSS;
document.head.append(style);

async function analyze() {
  const draft = control('draft').value;
  const postText = control('post').value.trim();
  const age = control('age').value === '' ? null : Number(control('age').value);
  const post = postText
    ? { text: postText, author: control('author').value.trim() || null, age_minutes: Number.isFinite(age) ? age : null }
    : null;
  $('status').textContent = t(lang, 'analysing');
  const resp = await engine.analyze({ post, draft, platform: control('platform').value === 'facebook' ? 'facebook' : 'x' });
  if (!resp.ok) {
    $('status').textContent = t(lang, 'engineError', resp.error);
    return;
  }
  $('status').textContent = '';
  if (!last || last.draft !== draft) dismissed.clear();
  last = { report: resp.report, draft, post };
  render();
}

function render() {
  if (!last) return;
  $('result').replaceChildren(renderReport(document, last.report, last.draft, { lang, actions: true, dismissed, post: last.post }));
}

$('result').addEventListener('click', (e) => {
  const btn = /** @type {HTMLElement | null} */ (/** @type {Element} */ (e.target).closest('[data-action]'));
  if (!btn || !last) return;
  const f = last.report.findings[Number(btn.dataset.index)];
  const ta = control('draft');
  if (ta.value !== last.draft) { analyze(); return; }
  if (btn.dataset.action === 'apply-fix' && f?.span && f.replacement !== null) {
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

// A coach that cannot read the sites is not silent about it: say so, and offer the grant.
async function checkHostAccess() {
  const missing = await missingHostAccess();
  const box = $('access');
  box.hidden = missing.length === 0;
  if (!missing.length) return;
  $('access-text').textContent = t(lang, 'hostAccessMissing', siteNames(missing).join(', '));
  $('access-allow').textContent = t(lang, 'hostAccessAllow');
  $('access-allow').onclick = () => { requestHostAccess(missing).then(checkHostAccess, checkHostAccess); };
}

async function main() {
  const { settings } = await loadSettings();
  lang = settings.ui_language;
  document.documentElement.lang = lang;
  localise(document, lang);
  $('analyze').addEventListener('click', analyze);
  for (const id of ['post', 'draft']) {
    $(id).addEventListener('keydown', (e) => { if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) analyze(); });
  }
  /** @type {HTMLTextAreaElement} */ ($('post')).placeholder = t(lang, 'examplePost');
  /** @type {HTMLTextAreaElement} */ ($('draft')).placeholder = t(lang, 'exampleDraft');
  await checkHostAccess();
}

main();
