// @ts-check
// Renders an engine report as DOM, for the inline panel and the popup playground.
// Everything that comes from the page or the engine is set with textContent: no
// innerHTML anywhere, so a post full of markup stays inert text.
import { t, label, formatMinutes } from './i18n.js';

/** @typedef {import('reply-coach-engine').Report} Report */
/** @typedef {import('reply-coach-engine').Finding} Finding */
/** @typedef {import('reply-coach-engine').Incoming} Incoming */
/** @typedef {import('reply-coach-engine').Post} Post */
/** @typedef {import('reply-coach-engine').Severity} Severity */
/**
 * How a report is drawn: the interface language; `actions`: with apply and dismiss
 * buttons; `dismissed`: findingKey()s not to show; `openWhy`: "why" boxes to keep open;
 * `post`: the post the report read.
 * @typedef {{lang: string, actions: boolean, dismissed?: ReadonlySet<string>, openWhy?: ReadonlySet<string | undefined>, post?: Post | null}} ViewOptions
 */

/** @type {Record<Severity, number>} */
export const SEVERITY_ORDER = { error: 3, warning: 2, suggestion: 1 };

/**
 * An element with attributes (`text`: its text; null, undefined and false: left out;
 * true: present) and children (strings become text nodes).
 * @param {Document} doc
 * @param {string} tag
 * @param {Record<string, string | number | boolean | null | undefined>} [attrs]
 * @param {...(Node | string | null | undefined | false)} children
 * @returns {HTMLElement}
 */
export function h(doc, tag, attrs = {}, ...children) {
  const el = doc.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === null || v === undefined || v === false) continue;
    if (k === 'text') el.textContent = String(v);
    else if (k === 'class') el.className = String(v);
    else el.setAttribute(k, v === true ? '' : String(v));
  }
  for (const c of children) {
    if (c === null || c === undefined || c === false) continue;
    el.append(typeof c === 'string' ? doc.createTextNode(c) : c);
  }
  return el;
}

// A finding's identity for "dismiss for this reply": the rule and the words it points
// at (spans move while the user types; the words do not).
/** @param {Finding} finding @param {string} draft */
export function findingKey(finding, draft) {
  const words = finding.span ? draft.slice(finding.span[0], finding.span[1]) : '';
  return `${finding.rule}|${words.trim().toLowerCase()}`;
}

/**
 * @param {Report | null} report
 * @param {string} draft
 * @param {ReadonlySet<string>} [dismissed]
 */
export function visibleFindings(report, draft, dismissed) {
  if (!report) return [];
  return report.findings
    .map((f, index) => ({ f, index }))
    .filter(({ f }) => !dismissed?.has(findingKey(f, draft)));
}

/**
 * @param {Report | null} report
 * @param {string} draft
 * @param {ReadonlySet<string>} [dismissed]
 */
export function summarise(report, draft, dismissed) {
  const list = visibleFindings(report, draft, dismissed);
  /** @type {Severity | null} */
  let worst = null;
  for (const { f } of list) if (!worst || SEVERITY_ORDER[f.severity] > SEVERITY_ORDER[worst]) worst = f.severity;
  return { count: list.length, worst };
}

/** @param {Document} doc @param {string} lang @param {Incoming} inc */
function clock(doc, lang, inc) {
  const age = inc.age_minutes;
  const norm = inc.response_time_norm_minutes;
  if (age === null || age === undefined) {
    return h(doc, 'p', { class: 'clock', 'data-part': 'clock' }, t(lang, 'clockUnknown', formatMinutes(lang, norm)));
  }
  const pct = Math.min(100, Math.round((age / Math.max(1, norm)) * 100));
  const late = inc.late;
  return h(doc, 'div', { class: `clock${late ? ' late' : ''}`, 'data-part': 'clock' },
    h(doc, 'span', { text: late ? t(lang, 'clockLate', formatMinutes(lang, age), formatMinutes(lang, norm))
      : t(lang, 'clockOnTime', formatMinutes(lang, age), formatMinutes(lang, norm)) }),
    h(doc, 'span', {
      class: 'bar', role: 'meter', 'aria-valuemin': '0', 'aria-valuemax': String(norm),
      'aria-valuenow': String(Math.min(norm, Math.round(age))), 'aria-label': t(lang, 'clockMeter'),
    }, h(doc, 'span', { class: 'fill', style: `width:${pct}%` })));
}

/** @param {string | null | undefined} text @param {number} [max] */
function excerpt(text, max = 160) {
  const s = String(text ?? '').replace(/\s+/g, ' ').trim();
  return s.length > max ? `${s.slice(0, max - 1)}…` : s;
}

/** @param {Document} doc @param {string} lang @param {Report} report @param {Post | null | undefined} post */
function incomingSection(doc, lang, report, post) {
  const inc = report.incoming;
  const sec = h(doc, 'section', { class: 'incoming', 'aria-labelledby': 'rc-h-incoming', 'data-part': 'incoming' },
    h(doc, 'h3', { id: 'rc-h-incoming', text: t(lang, 'sectionIncoming') }));
  if (post?.text) {
    sec.append(h(doc, 'blockquote', { class: 'post', 'data-part': 'post' },
      post.author ? h(doc, 'strong', { text: `${excerpt(post.author, 60)}: ` }) : null,
      h(doc, 'span', { text: excerpt(post.text) })));
  } else {
    sec.append(h(doc, 'p', { class: 'post none', 'data-part': 'post', text: t(lang, 'noPost') }));
  }
  const chips = h(doc, 'p', { class: 'chips' },
    h(doc, 'span', { class: `chip kind-${inc.kind}`, 'data-kind': inc.kind, text: label(lang, 'kind', inc.kind) }),
    h(doc, 'span', { class: `chip sentiment-${inc.sentiment}`, text: label(lang, 'sentiment', inc.sentiment) }),
    inc.register && inc.register !== 'unknown' ? h(doc, 'span', { class: 'chip', text: label(lang, 'register', inc.register) }) : null,
    inc.first_name ? h(doc, 'span', { class: 'chip', text: t(lang, 'firstName', inc.first_name) }) : null);
  sec.append(chips);
  const dont = inc.advice === 'dont_respond';
  sec.append(h(doc, 'p', { class: `advice ${dont ? 'dont' : 'respond'}`, 'data-advice': inc.advice },
    h(doc, 'strong', { text: label(lang, 'advice', inc.advice) }),
    inc.advice_message ? ` ${inc.advice_message}` : ''));
  sec.append(clock(doc, lang, inc));
  return sec;
}

/** @param {Document} doc @param {string} lang @param {Report} report */
function strategiesSection(doc, lang, report) {
  if (!report.recommended_strategies?.length) return null;
  const used = new Set(report.strategies ?? []);
  const list = h(doc, 'ul', { class: 'strategies' });
  for (const r of report.recommended_strategies) {
    const done = used.has(r.strategy);
    list.append(h(doc, 'li', { 'data-strategy': r.strategy, class: done ? 'done' : '' },
      h(doc, 'span', { class: 'tick', 'aria-hidden': 'true', text: done ? '✓' : '○' }),
      h(doc, 'strong', { text: label(lang, 'strategy', r.strategy) }),
      done ? h(doc, 'span', { class: 'sr-only', text: t(lang, 'strategyUsed') }) : null,
      r.message ? h(doc, 'span', { class: 'msg', text: ` ${r.message}` }) : null));
  }
  return h(doc, 'section', { class: 'recs', 'aria-labelledby': 'rc-h-recs', 'data-part': 'strategies' },
    h(doc, 'h3', { id: 'rc-h-recs', text: t(lang, 'sectionStrategies') }), list);
}

/**
 * @param {Document} doc
 * @param {string} lang
 * @param {Finding} f
 * @param {number} index
 * @param {string} draft
 * @param {ViewOptions} opts
 */
function findingItem(doc, lang, f, index, draft, opts) {
  const key = findingKey(f, draft);
  const li = h(doc, 'li', { class: `finding sev-${f.severity}`, 'data-rule': f.rule, 'data-severity': f.severity, 'data-index': String(index) });
  li.append(h(doc, 'div', { class: 'finding-head' },
    h(doc, 'span', { class: `sev-icon sev-${f.severity}`, role: 'img', 'aria-label': label(lang, 'severity', f.severity) }),
    h(doc, 'span', { class: 'finding-msg', text: f.message })));
  const hasFix = f.replacement !== null && f.replacement !== undefined;
  if (f.span && f.span[1] > f.span[0] && hasFix) {
    const q = h(doc, 'p', { class: 'quote' }, h(doc, 'del', { text: draft.slice(f.span[0], f.span[1]) }), ' → ',
      f.replacement === '' ? h(doc, 'em', { text: t(lang, 'fixDelete') }) : h(doc, 'ins', { text: f.replacement }));
    li.append(q);
  } else if (f.span && f.span[1] > f.span[0] && (f.span[1] - f.span[0]) < draft.trim().length * 0.9) {
    li.append(h(doc, 'p', { class: 'quote' }, h(doc, 'mark', { text: excerpt(draft.slice(f.span[0], f.span[1]), 100) })));
  } else if (f.span && f.span[0] === f.span[1] && f.replacement) {
    li.append(h(doc, 'p', { class: 'quote' }, t(lang, 'fixInsert'), ' ', h(doc, 'ins', { text: f.replacement })));
  }
  if (f.explanation) {
    const det = /** @type {HTMLDetailsElement} */ (h(doc, 'details', { class: 'why', 'data-key': `why:${key}` },
      h(doc, 'summary', { text: t(lang, 'why') }),
      h(doc, 'p', { text: f.explanation })));
    if (opts.openWhy?.has(`why:${key}`)) det.open = true;
    li.append(det);
  }
  if (opts.actions) {
    const acts = h(doc, 'div', { class: 'actions' });
    if (f.span && f.replacement !== null && f.replacement !== undefined) {
      acts.append(h(doc, 'button', { type: 'button', class: 'btn primary', 'data-action': 'apply-fix', 'data-index': String(index), 'data-key': `fix:${key}`, text: t(lang, 'applyFix') }));
    }
    acts.append(h(doc, 'button', { type: 'button', class: 'btn', 'data-action': 'dismiss', 'data-index': String(index), 'data-key': `dismiss:${key}`, 'aria-label': `${t(lang, 'dismiss')}: ${f.message}`, text: t(lang, 'dismiss') }));
    li.append(acts);
  }
  return li;
}

/** @param {Document} doc @param {string} lang @param {Report} report @param {string} draft @param {ViewOptions} opts */
function findingsSection(doc, lang, report, draft, opts) {
  const items = visibleFindings(report, draft, opts.dismissed);
  const sec = h(doc, 'section', { class: 'findings-sec', 'aria-labelledby': 'rc-h-findings', 'data-part': 'findings' },
    h(doc, 'h3', { id: 'rc-h-findings', text: t(lang, 'sectionFindings', String(items.length)) }));
  if (!items.length) {
    sec.append(h(doc, 'p', { class: 'empty', text: t(lang, draft.trim() ? 'noFindings' : 'startTyping') }));
    return sec;
  }
  items.sort((a, b) => SEVERITY_ORDER[b.f.severity] - SEVERITY_ORDER[a.f.severity] || a.index - b.index);
  const ul = h(doc, 'ul', { class: 'findings', role: 'list' });
  for (const { f, index } of items) ul.append(findingItem(doc, lang, f, index, draft, opts));
  sec.append(ul);
  return sec;
}

/** @param {Document} doc @param {string} lang @param {Report} report */
function voiceSection(doc, lang, report) {
  const v = report.voice;
  if (!v) return null;
  const sec = h(doc, 'section', { class: 'voice', 'aria-labelledby': 'rc-h-voice', 'data-part': 'voice' },
    h(doc, 'h3', { id: 'rc-h-voice', text: t(lang, 'sectionVoice') }));
  sec.append(h(doc, 'div', { class: 'voice-row' },
    h(doc, 'span', {
      class: 'bar', role: 'meter', 'aria-valuemin': '0', 'aria-valuemax': '100', 'aria-valuenow': String(v.score),
      'aria-label': t(lang, 'voiceMeter'),
    }, h(doc, 'span', { class: `fill ${v.score >= 60 ? 'good' : v.score >= 30 ? 'ok' : 'low'}`, style: `width:${Math.max(0, Math.min(100, v.score))}%` })),
    h(doc, 'span', { class: 'score', 'data-voice-score': String(v.score), text: `${v.score}/100` })));
  if (v.elements?.length) {
    sec.append(h(doc, 'p', { class: 'elements', text: v.elements.map((e) => label(lang, 'voice', e)).join(' · ') }));
  }
  return sec;
}

/** @param {Document} doc @param {string} lang @param {Report} report @param {string} draft @param {ViewOptions} opts */
function rewriteSection(doc, lang, report, draft, opts) {
  if (report.rewrite === null || report.rewrite === undefined || report.rewrite === draft || !draft.trim()) return null;
  const sec = h(doc, 'section', { class: 'rewrite', 'aria-labelledby': 'rc-h-rewrite', 'data-part': 'rewrite' },
    h(doc, 'h3', { id: 'rc-h-rewrite', text: t(lang, 'sectionRewrite') }),
    h(doc, 'p', { class: 'rewrite-text', 'data-rewrite': '', text: report.rewrite }));
  if (opts.actions) {
    sec.append(h(doc, 'div', { class: 'actions' },
      h(doc, 'button', { type: 'button', class: 'btn primary', 'data-action': 'apply-rewrite', 'data-key': 'rewrite', text: t(lang, 'applyRewrite') })));
  }
  return sec;
}

/** @param {Document} doc @param {string} lang @param {Report} report */
function footer(doc, lang, report) {
  const len = report.length;
  const parts = [];
  if (len) parts.push(h(doc, 'span', { class: `length${len.counted > len.limit ? ' over' : ''}`, text: t(lang, 'lengthCount', String(len.counted), String(len.limit)) }));
  if (report.truncated) parts.push(h(doc, 'span', { class: 'truncated', text: t(lang, 'truncated') }));
  return parts.length ? h(doc, 'p', { class: 'meta' }, ...parts) : null;
}

/**
 * The panel body for a report.
 * @param {Document} doc
 * @param {Report} report
 * @param {string} draft  the draft the report is about
 * @param {ViewOptions} opts
 */
export function renderReport(doc, report, draft, opts) {
  const lang = opts.lang;
  const frag = doc.createDocumentFragment();
  frag.append(incomingSection(doc, lang, report, opts.post));
  const recs = strategiesSection(doc, lang, report);
  if (recs) frag.append(recs);
  frag.append(findingsSection(doc, lang, report, draft, opts));
  if (draft.trim()) {
    const voice = voiceSection(doc, lang, report);
    if (voice) frag.append(voice);
  }
  const rw = rewriteSection(doc, lang, report, draft, opts);
  if (rw) frag.append(rw);
  const f = footer(doc, lang, report);
  if (f) frag.append(f);
  return frag;
}

// Shared look of the report, used inside the shadow root and by the popup. Text that
// comes from the page (the author, the post, names) is bidi-isolated: a right-to-left
// override (U+202E) in a display name must not reverse the text after it.
export const REPORT_CSS = `
.sr-only{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}
section{padding:8px 12px;border-top:1px solid var(--rc-line)}
section:first-child{border-top:0}
h3{font-size:11px;letter-spacing:.04em;text-transform:uppercase;color:var(--rc-muted);margin:0 0 6px;font-weight:700}
p{margin:4px 0}
.post{margin:0 0 6px;padding:4px 8px;border-left:3px solid var(--rc-line);font-size:12px;color:var(--rc-muted);overflow-wrap:anywhere}
.post>*,.chip,.quote>*,.finding-msg{unicode-bidi:isolate}
.post.none{border:0;padding:0;font-style:italic}
.chips{display:flex;flex-wrap:wrap;gap:4px}
.chip{font-size:12px;padding:1px 8px;border-radius:999px;background:var(--rc-chip);color:var(--rc-fg)}
.chip.kind-complaint,.chip.sentiment-negative{background:var(--rc-warn-bg)}
.advice.dont{color:var(--rc-error)}
.clock{font-size:12px;color:var(--rc-muted);display:flex;flex-direction:column;gap:3px}
.clock.late{color:var(--rc-error)}
.bar{display:block;height:6px;border-radius:3px;background:var(--rc-chip);overflow:hidden;flex:1}
.bar .fill{display:block;height:100%;background:var(--rc-accent)}
.clock.late .bar .fill{background:var(--rc-error)}
.bar .fill.low{background:var(--rc-error)}.bar .fill.ok{background:var(--rc-warning)}.bar .fill.good{background:var(--rc-ok)}
.strategies{list-style:none;margin:0;padding:0;font-size:13px}
.strategies li{margin:3px 0}
.strategies .tick{display:inline-block;width:16px;color:var(--rc-muted)}
.strategies li.done .tick{color:var(--rc-ok)}
.strategies .msg{color:var(--rc-muted)}
.findings{list-style:none;margin:0;padding:0}
.finding{padding:6px 0;border-bottom:1px dashed var(--rc-line)}
.finding:last-child{border-bottom:0}
.finding-head{display:flex;gap:6px;align-items:flex-start;font-size:13px;font-weight:600}
.sev-icon{flex:none;width:10px;height:10px;border-radius:50%;margin-top:4px;background:var(--rc-muted)}
.sev-icon.sev-error{background:var(--rc-error)}.sev-icon.sev-warning{background:var(--rc-warning)}.sev-icon.sev-suggestion{background:var(--rc-accent)}
.quote{font-size:13px;margin-left:16px;overflow-wrap:anywhere}
.quote del{color:var(--rc-error)}.quote mark{background:var(--rc-warn-bg);color:inherit;border-radius:3px;padding:0 2px}.quote ins{color:var(--rc-ok);text-decoration:none;font-weight:600}
details.why{margin-left:16px;font-size:12px;color:var(--rc-muted)}
details.why summary{cursor:pointer;width:max-content}
.actions{display:flex;gap:6px;margin:4px 0 0 16px;flex-wrap:wrap}
.btn{font:inherit;font-size:12px;border:1px solid var(--rc-line);background:var(--rc-bg);color:var(--rc-fg);border-radius:999px;padding:2px 10px;cursor:pointer}
.btn.primary{background:var(--rc-accent);border-color:var(--rc-accent);color:#fff}
.btn:focus-visible,summary:focus-visible{outline:2px solid var(--rc-focus);outline-offset:2px}
.empty{font-size:13px;color:var(--rc-muted)}
.voice-row{display:flex;align-items:center;gap:8px}
.voice .score{font-size:13px;font-weight:700}
.elements{font-size:12px;color:var(--rc-muted)}
.rewrite-text{white-space:pre-wrap;overflow-wrap:anywhere;font-size:13px;background:var(--rc-chip);border-radius:8px;padding:6px 8px;margin:0 0 6px}
.rewrite .actions{margin-left:0}
.meta{font-size:11px;color:var(--rc-muted);padding:4px 12px 8px;display:flex;gap:8px}
.meta .over{color:var(--rc-error);font-weight:700}
`;

export const THEME_CSS = `
:host, .rc-theme{--rc-bg:#ffffff;--rc-fg:#0f1419;--rc-muted:#536471;--rc-line:#dfe3e6;--rc-chip:#eef1f3;--rc-accent:#1769c2;--rc-focus:#1769c2;--rc-error:#c62828;--rc-warning:#b26a00;--rc-ok:#2e7d32;--rc-warn-bg:#fdecea;--rc-shadow:0 8px 28px rgba(0,0,0,.18)}
:host([data-theme="dark"]), .rc-theme[data-theme="dark"]{--rc-bg:#1e2124;--rc-fg:#e7e9ea;--rc-muted:#9aa4ad;--rc-line:#3a3f44;--rc-chip:#2c3136;--rc-accent:#4a9eff;--rc-focus:#8ab4f8;--rc-error:#ff6b6b;--rc-warning:#f0b14a;--rc-ok:#6bcf7f;--rc-warn-bg:#4a2326;--rc-shadow:0 8px 28px rgba(0,0,0,.6)}
`;
