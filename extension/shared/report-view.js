// @ts-check
// Renders an engine report as DOM, for the inline panel and the popup playground.
// Everything that comes from the page or the engine is set with textContent: no
// innerHTML anywhere, so a post full of markup stays inert text.
//
// The order is what a person answering a customer needs first:
//   1. the suggested reply, with "Use this reply" and "Copy" (or, when the engine offers
//      none, its note saying why);
//   2. the points to fix, most serious first: the top three, the rest behind "Show all",
//      each with its severity in words, a button named after its fix, Dismiss, and a
//      link to the setting that silences it for good where one does;
//   3. behind "More": the reading of the post, what works for it, what makes the reply
//      personal, its length and the sources.
import { t, tn, has, label, plainDuration } from './i18n.js';
import { plainSources, citedSources } from './sources.js';

/** @typedef {import('reply-coach-engine').Report} Report */
/** @typedef {import('reply-coach-engine').Finding} Finding */
/** @typedef {import('reply-coach-engine').Incoming} Incoming */
/** @typedef {import('reply-coach-engine').Post} Post */
/** @typedef {import('reply-coach-engine').Severity} Severity */
/**
 * How a report is drawn.
 * @typedef {object} ViewOptions
 * @property {string} lang  the interface language
 * @property {boolean} actions  with the buttons that act (use, copy, apply, dismiss, restore)
 * @property {ReadonlySet<string>} [dismissed]  findingKey()s dismissed for this draft
 * @property {ReadonlySet<string | undefined>} [openWhy]  "why" boxes to keep open
 * @property {Post | null} [post]  the post the report read
 * @property {boolean} [showAll]  every point, not only the top ones
 * @property {boolean} [showDismissed]  the dismissed points, with Restore
 * @property {boolean} [showMore]  the "More" part open
 * @property {{counted: number, limit: number} | null} [rewriteLength]  the suggested
 *   reply's length as the platform counts it (null: not measured yet)
 * @property {ReadonlyMap<string, string>} [titles]  the engine's rule titles
 *   (RuleDoc.title) in `lang`, by rule id; a rule without one gets the interface's name
 */

/** @type {Record<Severity, number>} */
export const SEVERITY_ORDER = { error: 3, warning: 2, suggestion: 1 };
/** How many points the panel shows before "Show all". */
export const TOP = 3;

/**
 * The setting that decides whether a rule fires, where there is one: the finding links
 * to it (an id on the options page, see options.js `focusFromHash`).
 * @type {Record<string, string>}
 */
export const SETTING_FOR = {
  'anonymous-reply': 'signature_style',
  'late-reply': 'response_time_norm_minutes',
  'register-mismatch': 'house_register',
  'mixed-register': 'house_register',
  'custom-banned-phrase': 'custom_rules',
  'custom-preferred-phrase': 'custom_rules',
};

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
 * The findings not dismissed, most serious first (then in the engine's order).
 * @param {Report | null} report
 * @param {string} draft
 * @param {ReadonlySet<string>} [dismissed]
 */
export function visibleFindings(report, draft, dismissed) {
  if (!report) return [];
  return report.findings
    .map((f, index) => ({ f, index }))
    .filter(({ f }) => !dismissed?.has(findingKey(f, draft)))
    .sort((a, b) => SEVERITY_ORDER[b.f.severity] - SEVERITY_ORDER[a.f.severity] || a.index - b.index);
}

/**
 * The findings dismissed (each once, in the engine's order).
 * @param {Report | null} report
 * @param {string} draft
 * @param {ReadonlySet<string>} [dismissed]
 */
export function dismissedFindings(report, draft, dismissed) {
  if (!report || !dismissed?.size) return [];
  const seen = new Set();
  return report.findings
    .map((f, index) => ({ f, index, key: findingKey(f, draft) }))
    .filter(({ key }) => dismissed.has(key) && !seen.has(key) && seen.add(key));
}

/**
 * @param {Report | null} report
 * @param {string} draft
 * @param {ReadonlySet<string>} [dismissed]
 */
export function summarise(report, draft, dismissed) {
  const list = visibleFindings(report, draft, dismissed);
  return { count: list.length, worst: list[0]?.f.severity ?? null };
}

/** A rule's plain name: the engine's title when it gives one, else the interface's.
 * @param {string} lang @param {string} id @param {string | null | undefined} [title] */
export function ruleTitle(lang, id, title) {
  return title?.trim() ? title.trim() : label(lang, 'rule', id);
}

/**
 * The engine's rule titles by rule id, from its rule docs (`rules(lang)`); rules without
 * a title (an engine from before RuleDoc.title) are left out, so they get the
 * interface's name.
 * @param {unknown} docs
 * @returns {Map<string, string>}
 */
export function ruleTitles(docs) {
  /** @type {Map<string, string>} */
  const titles = new Map();
  if (!Array.isArray(docs)) return titles;
  for (const d of docs) {
    if (d && typeof d.id === 'string' && typeof d.title === 'string' && d.title.trim()) titles.set(d.id, d.title.trim());
  }
  return titles;
}

/**
 * At most `max` characters, cut at a word where one is near, with "…".
 * @param {string | null | undefined} text
 * @param {number} [max]
 */
export function excerpt(text, max = 160) {
  const s = String(text ?? '').replace(/\s+/g, ' ').trim();
  if (s.length <= max) return s;
  const cut = s.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return `${space > max * 0.5 ? cut.slice(0, space) : cut}…`;
}

/** @param {string} s @param {number} i  the start of the word that holds s[i] */
function wordStart(s, i) {
  let k = i;
  while (k > 0 && !/\s/.test(s[k - 1])) k--;
  return k;
}

/** @param {Document} doc @param {string} lang @param {Incoming} inc */
function clock(doc, lang, inc) {
  const norm = plainDuration(lang, inc.response_time_norm_minutes);
  const age = inc.age_minutes;
  if (age === null || age === undefined) {
    return h(doc, 'p', { class: 'clock', 'data-part': 'clock', text: t(lang, 'clockUnknown', norm) });
  }
  return h(doc, 'p', {
    class: `clock${inc.late ? ' late' : ''}`, 'data-part': 'clock',
    text: t(lang, inc.late ? 'clockLate' : 'clockOnTime', plainDuration(lang, age), norm),
  });
}

/**
 * What the reading of the post rests on: the engine's signals that the interface has
 * words for (the phrase families: "waiting", "a harsh verdict"; not the shapes of the
 * text, such as its length), the weightiest first, each quoted from the post.
 * @param {Document} doc @param {string} lang @param {Incoming} inc @param {Post | null | undefined} post
 */
function signalsLine(doc, lang, inc, post) {
  const text = post?.text ?? '';
  /** @type {Set<string>} */
  const seen = new Set();
  const signals = (inc.signals ?? [])
    .filter((s) => Array.isArray(s.span) && s.span[1] > s.span[0] && s.span[1] <= text.length
      && (has(lang, `signal_${s.id}`) || has('en', `signal_${s.id}`)))
    .sort((a, b) => Math.abs(b.weight ?? 0) - Math.abs(a.weight ?? 0))
    .filter((s) => { const k = `${s.id}|${s.span[0]}`; return !seen.has(k) && Boolean(seen.add(k)); })
    .slice(0, 4);
  if (!signals.length) return null;
  const p = h(doc, 'p', { class: 'signals', 'data-part': 'signals' }, t(lang, 'signalsIntro'), ' ');
  signals.forEach((s, i) => {
    if (i) p.append(' · ');
    p.append(h(doc, 'q', { text: excerpt(text.slice(s.span[0], s.span[1]), 60) }), ` (${label(lang, 'signal', s.id)})`);
  });
  return p;
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
  const unsure = inc.certainty === 'unsure';
  sec.append(h(doc, 'p', { class: 'chips' },
    h(doc, 'span', {
      class: `chip kind-${inc.kind}${unsure ? ' unsure' : ''}`, 'data-kind': inc.kind, 'data-certainty': inc.certainty ?? null,
      text: unsure ? label(lang, 'kindUnsure', inc.kind) : label(lang, 'kind', inc.kind),
    }),
    h(doc, 'span', { class: `chip sentiment-${inc.sentiment}`, text: label(lang, 'sentiment', inc.sentiment) }),
    inc.register && inc.register !== 'unknown' ? h(doc, 'span', { class: 'chip', text: label(lang, 'register', inc.register) }) : null,
    inc.first_name ? h(doc, 'span', { class: 'chip', text: t(lang, 'firstName', inc.first_name) }) : null));
  const signals = signalsLine(doc, lang, inc, post);
  if (signals) sec.append(signals);
  const dont = inc.advice === 'dont_respond';
  // The engine's advice says the verdict itself ("Respond: …"); the label only stands in
  // when it gives none.
  sec.append(h(doc, 'p', {
    class: `advice ${dont ? 'dont' : 'respond'}`, 'data-advice': inc.advice,
    text: inc.advice_message?.trim() ? inc.advice_message : label(lang, 'advice', inc.advice),
  }));
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
      done ? h(doc, 'span', { class: 'used', text: ` ${t(lang, 'strategyUsed')}` }) : null,
      r.message ? h(doc, 'span', { class: 'msg', text: ` ${r.message}` }) : null));
  }
  return h(doc, 'section', { class: 'recs', 'aria-labelledby': 'rc-h-recs', 'data-part': 'strategies' },
    h(doc, 'h3', { id: 'rc-h-recs', text: t(lang, 'sectionStrategies') }), list);
}

/**
 * What a finding's fix does, in words: its Apply button is named after it ("Apply:
 * change “Wij betreuren het ongemak” to “Wat vervelend dat dit gebeurd is”"), so a
 * screen reader's list of buttons tells one fix from another.
 * @param {string} lang @param {Finding} f @param {string} draft
 */
export function fixName(lang, f, draft) {
  const rep = f.replacement ?? '';
  const [s, e] = f.span ?? [0, 0];
  const old = draft.slice(s, e);
  if (s === e) return t(lang, 'fixAdd', excerpt(rep, 140));
  if (rep === '') return t(lang, 'fixDelete', excerpt(old, 140));
  return t(lang, 'fixChangeName', excerpt(old, 80), excerpt(rep, 140));
}

/** @param {Document} doc @param {string} lang @param {Finding} f @param {string} draft */
function quote(doc, lang, f, draft) {
  if (!f.span) return null;
  const [s, e] = f.span;
  const hasFix = f.replacement !== null && f.replacement !== undefined;
  if (e > s && hasFix) {
    return h(doc, 'p', { class: 'quote' }, h(doc, 'del', { text: excerpt(draft.slice(s, e), 120) }), ' → ',
      f.replacement === '' ? h(doc, 'em', { text: t(lang, 'fixDeleted') }) : h(doc, 'ins', { text: excerpt(f.replacement, 160) }));
  }
  if (e > s && (e - s) < draft.trim().length * 0.9) {
    // A span that starts inside a word (the point where a reply gets too long) is shown
    // from the start of that word.
    const from = wordStart(draft, s);
    return h(doc, 'p', { class: 'quote' }, from > 0 ? '…' : '', h(doc, 'mark', { text: excerpt(draft.slice(from, e), 100) }));
  }
  if (s === e && f.replacement) {
    return h(doc, 'p', { class: 'quote' }, t(lang, 'fixInsert'), ' ', h(doc, 'ins', { text: excerpt(f.replacement, 160) }));
  }
  return null;
}

/**
 * @param {Document} doc
 * @param {string} lang
 * @param {Finding} f
 * @param {number} index
 * @param {string} draft
 * @param {ViewOptions} opts
 * @param {boolean} hidden
 */
function findingItem(doc, lang, f, index, draft, opts, hidden) {
  const key = findingKey(f, draft);
  const li = h(doc, 'li', {
    class: 'finding', 'data-rule': f.rule, 'data-severity': f.severity, 'data-index': String(index), hidden,
  });
  li.append(h(doc, 'div', { class: 'finding-head' },
    h(doc, 'span', { class: `sev sev-${f.severity}`, 'data-part': 'severity', text: label(lang, 'severity', f.severity) }),
    h(doc, 'span', { class: 'finding-msg', text: f.message })));
  const q = quote(doc, lang, f, draft);
  if (q) li.append(q);
  const acts = h(doc, 'div', { class: 'actions' });
  if (opts.actions && f.span && f.replacement !== null && f.replacement !== undefined) {
    acts.append(h(doc, 'button', {
      type: 'button', class: 'btn primary', 'data-action': 'apply-fix', 'data-index': String(index), 'data-key': `fix:${key}`,
      'aria-label': t(lang, 'applyFixName', fixName(lang, f, draft)), text: t(lang, 'applyFix'),
    }));
  }
  const setting = SETTING_FOR[f.rule];
  if (setting) {
    acts.append(h(doc, 'button', {
      type: 'button', class: 'btn link', 'data-action': 'open-settings', 'data-field': setting, 'data-key': `set:${key}`,
      text: t(lang, `settingFor_${setting}`),
    }));
  }
  if (opts.actions) {
    acts.append(h(doc, 'button', {
      type: 'button', class: 'btn', 'data-action': 'dismiss', 'data-index': String(index), 'data-key': `dismiss:${key}`,
      'aria-label': t(lang, 'dismissName', ruleTitle(lang, f.rule, opts.titles?.get(f.rule))), text: t(lang, 'dismiss'),
    }));
  }
  if (acts.childElementCount) li.append(acts);
  if (f.explanation) {
    const det = /** @type {HTMLDetailsElement} */ (h(doc, 'details', { class: 'why', 'data-key': `why:${key}` },
      h(doc, 'summary', { text: t(lang, 'why') }),
      h(doc, 'p', { 'data-part': 'why', text: plainSources(f.explanation, lang) }),
      h(doc, 'button', {
        type: 'button', class: 'btn link', 'data-action': 'open-settings', 'data-field': `rule-${f.rule}`, 'data-key': `off:${key}`,
        text: t(lang, 'ruleSwitchOff', ruleTitle(lang, f.rule, opts.titles?.get(f.rule))),
      })));
    if (opts.openWhy?.has(`why:${key}`)) det.open = true;
    li.append(det);
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
  } else {
    const ul = h(doc, 'ul', { class: 'findings', id: 'rc-findings' });
    items.forEach(({ f, index }, i) => {
      ul.append(findingItem(doc, lang, f, index, draft, opts, i >= TOP && !opts.showAll));
    });
    sec.append(ul);
    if (items.length > TOP) {
      sec.append(h(doc, 'button', {
        type: 'button', class: 'btn link', 'data-action': 'toggle-all', 'data-key': 'toggle-all', 'aria-controls': 'rc-findings',
        'aria-expanded': String(Boolean(opts.showAll)),
        text: opts.showAll ? t(lang, 'showFewer') : tn(lang, 'showAll', items.length),
      }));
    }
  }
  const gone = dismissedFindings(report, draft, opts.dismissed);
  if (gone.length) {
    sec.append(h(doc, 'button', {
      type: 'button', class: 'btn link', 'data-action': 'toggle-dismissed', 'data-key': 'toggle-dismissed',
      'aria-controls': 'rc-dismissed', 'aria-expanded': String(Boolean(opts.showDismissed)),
      text: opts.showDismissed ? t(lang, 'hideDismissed') : t(lang, 'showDismissed', String(gone.length)),
    }));
    const ul = h(doc, 'ul', { class: 'dismissed', id: 'rc-dismissed', 'data-part': 'dismissed', hidden: !opts.showDismissed });
    for (const { f, key } of gone) {
      ul.append(h(doc, 'li', { 'data-dismissed-rule': f.rule },
        h(doc, 'span', { class: 'finding-msg', text: f.message }), ' ',
        opts.actions ? h(doc, 'button', {
          type: 'button', class: 'btn', 'data-action': 'restore', 'data-restore': key, 'data-key': `restore:${key}`,
          'aria-label': t(lang, 'restoreName', ruleTitle(lang, f.rule, opts.titles?.get(f.rule))), text: t(lang, 'restore'),
        }) : null));
    }
    sec.append(ul);
  }
  return sec;
}

/** @param {Document} doc @param {string} lang @param {Report} report @param {string} draft */
function voiceSection(doc, lang, report, draft) {
  const elements = report.voice?.elements ?? [];
  // No score: a number next to "Nice reply!" that says 40/100 helps nobody. What makes
  // the reply personal is listed; nothing is said when there is nothing to say.
  if (!elements.length && (!draft.trim() || !report.findings.length)) return null;
  return h(doc, 'section', { class: 'voice', 'aria-labelledby': 'rc-h-voice', 'data-part': 'voice' },
    h(doc, 'h3', { id: 'rc-h-voice', text: t(lang, 'sectionVoice') }),
    h(doc, 'p', {
      class: 'elements',
      text: elements.length ? elements.map((e) => label(lang, 'voice', e)).join(' · ') : t(lang, 'voiceNone'),
    }));
}

/** @param {Document} doc @param {string} lang @param {Report} report @param {string} draft */
function sourcesSection(doc, lang, report, draft) {
  /** @type {string[]} */
  const keys = [];
  for (const { f } of visibleFindings(report, draft)) {
    for (const k of citedSources(plainSources(f.explanation ?? '', lang))) if (!keys.includes(k)) keys.push(k);
  }
  if (!keys.length) return null;
  return h(doc, 'section', { class: 'sources', 'aria-labelledby': 'rc-h-sources', 'data-part': 'sources' },
    h(doc, 'h3', { id: 'rc-h-sources', text: t(lang, 'sectionSources') }),
    h(doc, 'ul', {}, ...keys.map((k) => h(doc, 'li', { 'data-source': k, text: t(lang, `source_${k}`) }))));
}

/** @param {Document} doc @param {string} lang @param {Report} report @param {string} draft */
function lengthLine(doc, lang, report, draft) {
  const len = report.length;
  const parts = [];
  if (len && draft.trim()) {
    parts.push(h(doc, 'span', {
      class: `length${len.counted > len.limit ? ' over' : ''}`, 'data-part': 'draft-length',
      text: t(lang, 'draftLength', String(len.counted), String(len.limit)),
    }));
  }
  return parts.length ? h(doc, 'p', { class: 'meta' }, ...parts) : null;
}

/** @param {Document} doc @param {string} lang @param {Report} report @param {string} draft @param {ViewOptions} opts */
function rewriteSection(doc, lang, report, draft, opts) {
  if (!draft.trim()) return null;
  const rw = report.rewrite;
  if (rw === null || rw === undefined || rw === draft) {
    // No suggested reply: where it would be, the engine's note on why (and what to change
    // by hand), or that a very long text was read only in part.
    const note = report.rewrite_note?.trim();
    if (rw === draft || (!note && !report.truncated)) return null;
    return h(doc, 'section', { class: 'rewrite', 'aria-labelledby': 'rc-h-rewrite', 'data-part': 'rewrite-note' },
      h(doc, 'h3', { id: 'rc-h-rewrite', text: t(lang, 'sectionRewrite') }),
      note ? h(doc, 'p', { class: 'rewrite-note', text: note }) : null,
      report.truncated ? h(doc, 'p', { class: 'rewrite-note truncated', text: t(lang, 'truncated') }) : null);
  }
  const len = opts.rewriteLength;
  const sec = h(doc, 'section', { class: 'rewrite', 'aria-labelledby': 'rc-h-rewrite', 'data-part': 'rewrite' },
    h(doc, 'h3', { id: 'rc-h-rewrite', text: t(lang, 'sectionRewrite') }),
    h(doc, 'p', { class: 'rewrite-text', id: 'rc-rewrite-text', 'data-rewrite': '', text: rw }),
    len ? h(doc, 'p', {
      class: `rewrite-length${len.counted > len.limit ? ' over' : ''}`, 'data-part': 'rewrite-length',
      text: t(lang, 'lengthCount', String(len.counted), String(len.limit)),
    }) : null);
  if (opts.actions) {
    sec.append(h(doc, 'div', { class: 'actions' },
      h(doc, 'button', { type: 'button', class: 'btn primary', 'data-action': 'apply-rewrite', 'data-key': 'rewrite', text: t(lang, 'applyRewrite') }),
      h(doc, 'button', {
        type: 'button', class: 'btn', 'data-action': 'copy-rewrite', 'data-key': 'copy', 'aria-describedby': 'rc-rewrite-text',
        text: t(lang, 'copyRewrite'),
      })));
  }
  return sec;
}

/** @param {Document} doc @param {string} lang @param {Report} report @param {string} draft @param {ViewOptions} opts */
function moreSection(doc, lang, report, draft, opts) {
  const open = Boolean(opts.showMore);
  const toggle = h(doc, 'button', {
    type: 'button', class: 'btn link more-toggle', 'data-action': 'toggle-more', 'data-key': 'toggle-more',
    'aria-expanded': String(open), 'aria-controls': 'rc-more', text: t(lang, open ? 'lessDetail' : 'moreDetail'),
  });
  const body = h(doc, 'div', { id: 'rc-more', class: 'more', 'data-part': 'more', hidden: !open },
    incomingSection(doc, lang, report, opts.post),
    strategiesSection(doc, lang, report),
    voiceSection(doc, lang, report, draft),
    lengthLine(doc, lang, report, draft),
    sourcesSection(doc, lang, report, draft));
  return h(doc, 'div', { class: 'more-wrap' }, h(doc, 'p', { class: 'more-line' }, toggle), body);
}

/**
 * The report, in a `.rc-report` element.
 * @param {Document} doc
 * @param {Report} report
 * @param {string} draft  the draft the report is about
 * @param {ViewOptions} opts
 */
export function renderReport(doc, report, draft, opts) {
  const lang = opts.lang;
  return h(doc, 'div', { class: 'rc-report' },
    rewriteSection(doc, lang, report, draft, opts),
    findingsSection(doc, lang, report, draft, opts),
    moreSection(doc, lang, report, draft, opts));
}

// Shared look of the report, used inside the shadow root and by the popup; every rule is
// scoped to .rc-report so that a page holding it keeps its own styles. Text that comes
// from the page (the author, the post, names) is bidi-isolated: a right-to-left override
// (U+202E) in a display name must not reverse the text after it.
export const REPORT_CSS = `
.rc-report .sr-only{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}
.rc-report [hidden]{display:none !important}
.rc-report section{padding:8px 12px;border-top:1px solid var(--rc-line)}
.rc-report>section:first-child{border-top:0}
.rc-report h3{font-size:12px;letter-spacing:.02em;color:var(--rc-muted);margin:0 0 6px;font-weight:700}
.rc-report p{margin:4px 0}
.rc-report .post{margin:0 0 6px;padding:4px 8px;border-left:3px solid var(--rc-line);font-size:12px;color:var(--rc-muted);overflow-wrap:anywhere}
.rc-report .post>*,.rc-report .chip,.rc-report .quote>*,.rc-report .finding-msg,.rc-report q{unicode-bidi:isolate}
.rc-report .post.none{border:0;padding:0;font-style:italic}
.rc-report .chips{display:flex;flex-wrap:wrap;gap:4px}
.rc-report .chip{font-size:12px;padding:1px 8px;border-radius:999px;background:var(--rc-chip);color:var(--rc-fg)}
.rc-report .chip.unsure{border:1px dashed var(--rc-muted)}
.rc-report .signals{font-size:12px;color:var(--rc-muted)}
.rc-report .advice.dont{color:var(--rc-error);font-weight:600}
.rc-report .clock{font-size:12px;color:var(--rc-muted)}
.rc-report .clock.late{color:var(--rc-error);font-weight:600}
.rc-report .strategies{list-style:none;margin:0;padding:0;font-size:13px}
.rc-report .strategies li{margin:3px 0}
.rc-report .strategies .tick{display:inline-block;width:16px;color:var(--rc-muted)}
.rc-report .strategies li.done .tick,.rc-report .strategies .used{color:var(--rc-ok)}
.rc-report .strategies .msg{color:var(--rc-muted)}
.rc-report .findings,.rc-report .dismissed,.rc-report .sources ul{list-style:none;margin:0;padding:0}
.rc-report .finding{padding:6px 0;border-bottom:1px dashed var(--rc-line)}
.rc-report .finding:last-child{border-bottom:0}
.rc-report .finding-head{display:flex;gap:6px;align-items:baseline;font-size:13px;font-weight:600;flex-wrap:wrap}
.rc-report .sev{flex:none;font-size:11px;font-weight:700;border-radius:4px;padding:0 6px;border-left:4px solid}
.rc-report .sev-error{background:var(--rc-sev-error-bg);color:var(--rc-sev-error-fg)}
.rc-report .sev-warning{background:var(--rc-sev-warning-bg);color:var(--rc-sev-warning-fg)}
.rc-report .sev-suggestion{background:var(--rc-sev-suggestion-bg);color:var(--rc-sev-suggestion-fg)}
.rc-report .finding-msg{flex:1 1 200px}
.rc-report .quote{font-size:13px;overflow-wrap:anywhere}
.rc-report .quote del{color:var(--rc-error)}.rc-report .quote mark{background:var(--rc-warn-bg);color:inherit;border-radius:3px;padding:0 2px}
.rc-report .quote ins{color:var(--rc-ok);text-decoration:none;font-weight:600}
.rc-report details.why{font-size:12px;color:var(--rc-muted)}
.rc-report details.why summary{cursor:pointer;width:max-content}
.rc-report .actions{display:flex;gap:6px;margin:4px 0 0;flex-wrap:wrap;align-items:center}
.rc-report .btn{font:inherit;font-size:12px;border:1px solid var(--rc-line-strong);background:var(--rc-bg);color:var(--rc-fg);border-radius:999px;padding:3px 10px;cursor:pointer;max-width:100%;overflow-wrap:anywhere;text-align:start}
.rc-report .btn.primary{background:var(--rc-accent);border-color:var(--rc-accent);color:var(--rc-on-accent)}
.rc-report .btn.link{border:0;background:none;color:var(--rc-link);text-decoration:underline;padding:3px 2px;border-radius:4px}
.rc-report .btn:focus-visible,.rc-report summary:focus-visible{outline:2px solid var(--rc-focus);outline-offset:2px}
.rc-report .empty{font-size:13px;color:var(--rc-muted)}
.rc-report .elements{font-size:12px;color:var(--rc-muted)}
.rc-report .rewrite{background:var(--rc-rewrite-bg)}
.rc-report .rewrite-text{white-space:pre-wrap;overflow-wrap:anywhere;font-size:14px;background:var(--rc-bg);border:1px solid var(--rc-line);border-radius:8px;padding:6px 8px;margin:0 0 4px}
.rc-report .rewrite-length,.rc-report .rewrite-note{font-size:12px;color:var(--rc-muted)}
.rc-report .rewrite-length.over,.rc-report .meta .over{color:var(--rc-error);font-weight:700}
.rc-report .more-line{padding:4px 12px;margin:0;border-top:1px solid var(--rc-line)}
.rc-report .meta{font-size:12px;color:var(--rc-muted);padding:4px 12px 8px;display:flex;gap:8px;flex-wrap:wrap}
.rc-report .sources li{font-size:12px;color:var(--rc-muted);margin:2px 0}
.rc-report .dismissed li{font-size:12px;color:var(--rc-muted);margin:4px 0}
`;

// The colours, light and dark. Every text colour reaches 4.5:1 on the backgrounds it is
// used on (WCAG AA; tests/e2e/a11y.test.mjs measures them): on the accent and the
// severity colours, light themes write white and dark themes a near-black.
export const THEME_CSS = `
:host, .rc-theme{--rc-bg:#ffffff;--rc-fg:#0f1419;--rc-muted:#536471;--rc-line:#dfe3e6;--rc-line-strong:#8a96a0;--rc-chip:#eef1f3;
  --rc-accent:#1769c2;--rc-on-accent:#ffffff;--rc-link:#1769c2;--rc-focus:#1769c2;--rc-error:#c62828;--rc-warning:#8a5300;--rc-ok:#2e7d32;
  --rc-warn-bg:#fdecea;--rc-rewrite-bg:#f3f8fe;--rc-shadow:0 8px 28px rgba(0,0,0,.18);
  --rc-sev-error-bg:#fdecea;--rc-sev-error-fg:#a4161a;--rc-sev-warning-bg:#fff4e0;--rc-sev-warning-fg:#7a4a00;
  --rc-sev-suggestion-bg:#e8f1fb;--rc-sev-suggestion-fg:#174f8f}
:host([data-theme="dark"]), .rc-theme[data-theme="dark"]{--rc-bg:#1e2124;--rc-fg:#e7e9ea;--rc-muted:#9aa4ad;--rc-line:#3a3f44;--rc-line-strong:#6b757e;--rc-chip:#2c3136;
  --rc-accent:#4a9eff;--rc-on-accent:#0f1419;--rc-link:#8ab4f8;--rc-focus:#8ab4f8;--rc-error:#ff8a80;--rc-warning:#f0b14a;--rc-ok:#6bcf7f;
  --rc-warn-bg:#4a2326;--rc-rewrite-bg:#22282e;--rc-shadow:0 8px 28px rgba(0,0,0,.6);
  --rc-sev-error-bg:#4a2326;--rc-sev-error-fg:#ffb4ab;--rc-sev-warning-bg:#45331a;--rc-sev-warning-fg:#ffd08a;
  --rc-sev-suggestion-bg:#1d3550;--rc-sev-suggestion-fg:#a8d1ff}
`;
