// @ts-check
// UI strings. They live in _locales/{nl,en}/messages.json (chrome.i18n's format, so the
// manifest and the browser can use them too); the coach follows the user's interface
// language setting rather than the browser's, so this module looks them up itself from
// the same files (bundled at build time).
import en from '../_locales/en/messages.json' with { type: 'json' };
import nl from '../_locales/nl/messages.json' with { type: 'json' };

/** @typedef {{message: string, placeholders?: Record<string, {content: string}>}} Entry */
/** @type {Record<string, Record<string, Entry | undefined>>} */
const TABLES = { en, nl };

/**
 * t('nl', 'postedAgo', '35 min') -> "Geplaatst 35 min geleden"
 * @param {string} lang
 * @param {string} key
 * @param {...string} subs
 */
export function t(lang, key, ...subs) {
  const entry = TABLES[lang]?.[key] ?? TABLES.en[key];
  if (!entry) return key;
  let msg = entry.message;
  const placeholders = entry.placeholders;
  if (placeholders) {
    msg = msg.replace(/\$([A-Za-z0-9_]+)\$/g, (m, name) => {
      const ph = placeholders[name.toLowerCase()];
      if (!ph) return m;
      return ph.content.replace(/\$(\d)/g, (_, i) => String(subs[Number(i) - 1] ?? ''));
    });
  }
  return msg.replace(/\$\$/g, '$');
}

/**
 * A message with a count: `${key}_one` for 1, `${key}_other` otherwise (Dutch and
 * English have these two forms); the count is the first substitution.
 * tn('en', 'points', 1) -> "1 point"
 * @param {string} lang
 * @param {string} key
 * @param {number} n
 * @param {...string} subs
 */
export function tn(lang, key, n, ...subs) {
  return t(lang, `${key}_${n === 1 ? 'one' : 'other'}`, String(n), ...subs);
}

/** @param {string} lang @param {string} key */
export function has(lang, key) {
  return Boolean(TABLES[lang]?.[key]);
}

/**
 * A label for an engine id (rule, strategy, kind…): the message `${prefix}_${id}` when
 * the locale has one, else the id made readable.
 * @param {string} lang
 * @param {string} prefix
 * @param {string} id
 */
export function label(lang, prefix, id) {
  const key = `${prefix}_${String(id).replace(/[^A-Za-z0-9]/g, '_')}`;
  if (has(lang, key) || has('en', key)) return t(lang, key);
  const s = String(id).replace(/[-_]+/g, ' ').trim();
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/**
 * Fills every element with data-i18n (textContent) / data-i18n-attr="attr:key,attr:key".
 * @param {ParentNode} root
 * @param {string} lang
 */
export function localise(root, lang) {
  for (const el of root.querySelectorAll('[data-i18n]')) {
    if (el instanceof HTMLElement && el.dataset.i18n) el.textContent = t(lang, el.dataset.i18n);
  }
  for (const el of root.querySelectorAll('[data-i18n-attr]')) {
    if (!(el instanceof HTMLElement) || !el.dataset.i18nAttr) continue;
    for (const pair of el.dataset.i18nAttr.split(',')) {
      const [attr, key] = pair.split(':');
      el.setAttribute(attr.trim(), t(lang, key.trim()));
    }
  }
}

/**
 * A duration in words, for the interface ("1 hour", "1 hour 30 minutes", "2 days 3
 * hours"; Dutch "1 uur", "45 minuten"): rounded to whole minutes as formatMinutes does.
 * Empty for no number.
 * @param {string} lang
 * @param {number | null | undefined} minutes
 */
export function plainDuration(lang, minutes) {
  if (minutes === null || minutes === undefined || !Number.isFinite(minutes)) return '';
  const m = Math.round(Math.max(0, minutes));
  const d = Math.floor(m / 1440);
  const h = Math.floor((m % 1440) / 60);
  const min = m % 60;
  const parts = [];
  if (d) parts.push(tn(lang, 'days', d));
  if (h) parts.push(tn(lang, 'hours', h));
  if (min && !d) parts.push(tn(lang, 'minutes', min));
  if (!parts.length) parts.push(tn(lang, 'minutes', 0));
  return parts.length === 2 ? t(lang, 'durationTwo', parts[0], parts[1]) : parts[0];
}

/**
 * A duration as the engine writes it (src/rules.rs `duration`; the shared test vectors
 * are tests/fixtures/durations.json): rounded to whole minutes, then "2d 3h",
 * "1h 30min", "2h" or "45 min" (Dutch: "u" for hours). Empty for no number.
 * @param {string} lang
 * @param {number | null | undefined} minutes
 */
export function formatMinutes(lang, minutes) {
  if (minutes === null || minutes === undefined || !Number.isFinite(minutes)) return '';
  const m = Math.round(Math.max(0, minutes));
  const d = Math.floor(m / 1440);
  const h = Math.floor((m % 1440) / 60);
  const min = m % 60;
  if (d > 0) return t(lang, 'unitDays', String(d), String(h));
  if (h > 0 && min > 0) return t(lang, 'unitHoursMinutes', String(h), String(min));
  if (h > 0) return t(lang, 'unitHours', String(h));
  return t(lang, 'unitMinutes', String(min));
}
