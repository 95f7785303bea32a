// @ts-check
// Sources by their real names. The engine's explanations cite the project's domain brief
// by section ("brief §5"); to a reader that is noise (in Dutch, "brief" means letter).
// `plainSources` puts the source that section of the brief restates in its place ("brief
// §5" -> "advice report 2013"), or drops the reference when the sentence already names
// that source or the section restates no single source. `citedSources` lists the
// sources an explanation names, for the panel's "Sources" list. Text without "§" passes
// through unchanged, so an engine that names its sources itself needs nothing from here.
import { t } from './i18n.js';

/**
 * What each section of the brief (shared/knowledge/webcare.md) restates: the key of a
 * source below, or null where it restates no single source (§1 examples, §7 mixed
 * figures, §8 the source books' common advice, §9 illustrations, §10 research that the
 * explanations cite by name).
 * @type {Record<string, string | null>}
 */
const SECTION_SOURCE = {
  1: null, 2: 'han2017', 3: 'han2017', 4: 'han2017', 5: 'advice2013', 6: 'advice2013',
  7: null, 8: null, 9: null, 10: null,
};

/**
 * The sources the explanations name, each with how to recognise it in an explanation
 * (both languages) and its entries in _locales: `sourceShort_<key>` (as cited inline) and
 * `source_<key>` (the full reference).
 * @type {{key: string, match: RegExp}[]}
 */
export const SOURCES = [
  { key: 'advice2013', match: /advice report|adviesrapport/i },
  { key: 'han2017', match: /HAN\/SWOCC/ },
  { key: 'gao2023', match: /\bGao\b/ },
  { key: 'crijns2017', match: /\bCrijns\b/ },
  { key: 'decock', match: /\bDecock\b/ },
  { key: 'demmers2018', match: /\bDemmers\b/ },
  { key: 'liao2025', match: /\bLiao\b/ },
  { key: 'huibers2014', match: /\bHuibers\b/ },
  { key: 'lithium2013', match: /\bLithium\b/ },
  { key: 'coosto', match: /\bCoosto\b/ },
  { key: 'emoji1202', match: /N = 1[.,]202/ },
];

// "brief §2 and §5", "brief §7, §10", "§10", "(brief §8)".
const CITATION = /(?:\bbrief\s+)?§\s*\d+(?:\s*(?:,|\band\b|\ben\b|&)\s*§\s*\d+)*/g;

/**
 * @param {string} text  an explanation from the engine
 * @param {string} lang  the interface language
 */
export function plainSources(text, lang) {
  if (!text.includes('§')) return text;
  let out = text.replace(CITATION, (m) => {
    /** @type {string[]} */
    const names = [];
    for (const n of m.match(/\d+/g) ?? []) {
      const key = SECTION_SOURCE[n] ?? null;
      if (!key) continue;
      const source = SOURCES.find((s) => s.key === key);
      if (source?.match.test(text)) continue; // already named in this explanation
      const name = t(lang, `sourceShort_${key}`);
      if (!names.includes(name)) names.push(name);
    }
    return names.join(', ');
  });
  // What a dropped reference leaves behind: "(, x)", "(x, )", "()", " ,", "x , ;".
  for (;;) {
    const before = out;
    out = out
      .replace(/\(\s*[,;]\s*/g, '(')
      .replace(/\s*[,;]\s*\)/g, ')')
      .replace(/\s*\(\s*\)/g, '')
      .replace(/,\s*,/g, ',')
      .replace(/,\s*;/g, ';')
      .replace(/,(\s*)\./g, '.')
      .replace(/\s+([,.;)])/g, '$1')
      .replace(/ {2,}/g, ' ');
    if (out === before) break;
  }
  return out.trim();
}

/**
 * The keys of the sources an explanation names (after plainSources), in SOURCES order.
 * @param {string} text
 */
export function citedSources(text) {
  return SOURCES.filter((s) => s.match.test(text)).map((s) => s.key);
}
