// @ts-check
// Popup playground: paste a post and a draft, get the full coaching and the rewrite, in
// the same order as the panel. The draft is a textarea, so fixes are applied to it
// directly (and its own Ctrl+Z undoes them).
import { loadSettings } from '../shared/settings.js';
import { t, localise } from '../shared/i18n.js';
import { renderReport, findingKey, ruleTitles } from '../shared/report-view.js';
import { applyPageTheme } from '../shared/page-theme.js';
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
/** @type {Map<string, string>} the engine's rule titles in `lang` (empty: the interface's names) */
let titles = new Map();
/** @type {{report: Report, draft: string, post: Post | null, rewriteLength: {counted: number, limit: number} | null} | null} */
let last = null;
/** @type {Set<string>} */
const dismissed = new Set();
const view = { showAll: false, showDismissed: false, showMore: false };

applyPageTheme(document);

/**
 * Writes into the draft box the way typing does, so its own undo (Ctrl+Z) takes it back.
 * @param {HTMLTextAreaElement} ta @param {number} start @param {number} end @param {string} text
 */
function replaceIn(ta, start, end, text) {
  ta.focus();
  ta.setSelectionRange(start, end);
  if (!document.execCommand('insertText', false, text)) ta.setRangeText(text, start, end, 'end');
}

async function analyze() {
  const draft = control('draft').value;
  const postText = control('post').value.trim();
  const age = control('age').value === '' ? null : Number(control('age').value);
  const post = postText
    ? { text: postText, author: control('author').value.trim() || null, age_minutes: Number.isFinite(age) ? age : null }
    : null;
  $('status').textContent = t(lang, 'analysing');
  const resp = await engine.analyze({
    post, draft, platform: control('platform').value === 'facebook' ? 'facebook' : 'x', measureRewrite: true,
  });
  if (!resp.ok) {
    $('status').textContent = t(lang, 'engineError', resp.error);
    return;
  }
  $('status').textContent = '';
  if (!last || last.draft !== draft) dismissed.clear();
  last = { report: resp.report, draft, post, rewriteLength: resp.rewriteLength ?? null };
  render();
}

function render() {
  if (!last) return;
  $('result').replaceChildren(renderReport(document, last.report, last.draft, {
    lang, actions: true, dismissed, post: last.post, rewriteLength: last.rewriteLength, titles, ...view,
  }));
}

$('result').addEventListener('click', async (e) => {
  const btn = /** @type {HTMLElement | null} */ (/** @type {Element} */ (e.target).closest('[data-action]'));
  if (!btn || !last) return;
  const action = btn.dataset.action;
  const f = last.report.findings[Number(btn.dataset.index)];
  const ta = /** @type {HTMLTextAreaElement} */ (control('draft'));
  switch (action) {
    case 'toggle-all': view.showAll = !view.showAll; render(); return;
    case 'toggle-dismissed': view.showDismissed = !view.showDismissed; render(); return;
    case 'toggle-more': view.showMore = !view.showMore; render(); return;
    case 'open-settings': engine.openSettings(btn.dataset.field ?? ''); return;
    case 'copy-rewrite':
      if (last.report.rewrite) {
        await navigator.clipboard.writeText(last.report.rewrite).then(
          () => { $('status').textContent = t(lang, 'toastCopied'); },
          () => { $('status').textContent = t(lang, 'toastCopyFailed'); });
      }
      return;
    case 'restore': dismissed.delete(btn.dataset.restore ?? ''); render(); return;
    case 'dismiss':
      if (f) dismissed.add(findingKey(f, last.draft));
      render();
      return;
    default: break;
  }
  if (ta.value !== last.draft) { analyze(); return; }
  if (action === 'apply-fix' && f?.span && f.replacement !== null) {
    replaceIn(ta, f.span[0], f.span[1], f.replacement);
    $('status').textContent = t(lang, 'toastApplied', '');
    analyze();
  } else if (action === 'apply-rewrite' && last.report.rewrite !== null) {
    replaceIn(ta, 0, ta.value.length, last.report.rewrite);
    analyze();
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
  engine.rules(settings.ui_language).then((r) => {
    if (!r.ok) return;
    titles = ruleTitles(r.rules);
    render();
  }, () => {});
  $('analyze').addEventListener('click', analyze);
  for (const id of ['post', 'draft']) {
    $(id).addEventListener('keydown', (e) => { if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) analyze(); });
  }
  /** @type {HTMLTextAreaElement} */ ($('post')).placeholder = t(lang, 'examplePost');
  /** @type {HTMLTextAreaElement} */ ($('draft')).placeholder = t(lang, 'exampleDraft');
  await checkHostAccess();
}

main();
