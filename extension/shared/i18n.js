// UI strings. They live in _locales/{nl,en}/messages.json (chrome.i18n's format, so the
// manifest and the browser can use them too); the coach follows the user's interface
// language setting rather than the browser's, so this module looks them up itself from
// the same files (bundled at build time).
import en from '../_locales/en/messages.json';
import nl from '../_locales/nl/messages.json';

const TABLES = { en, nl };

// t('nl', 'postedAgo', '35 min') -> "Geplaatst 35 min geleden"
export function t(lang, key, ...subs) {
  const entry = TABLES[lang]?.[key] ?? TABLES.en[key];
  if (!entry) return key;
  let msg = entry.message;
  if (entry.placeholders) {
    msg = msg.replace(/\$([A-Za-z0-9_]+)\$/g, (m, name) => {
      const ph = entry.placeholders[name.toLowerCase()];
      if (!ph) return m;
      return ph.content.replace(/\$(\d)/g, (_, i) => String(subs[Number(i) - 1] ?? ''));
    });
  }
  return msg.replace(/\$\$/g, '$');
}

export function has(lang, key) {
  return Boolean(TABLES[lang]?.[key]);
}

// A label for an engine id (rule, strategy, kind…): the message `${prefix}_${id}` when
// the locale has one, else the id made readable.
export function label(lang, prefix, id) {
  const key = `${prefix}_${String(id).replace(/[^A-Za-z0-9]/g, '_')}`;
  if (has(lang, key) || has('en', key)) return t(lang, key);
  const s = String(id).replace(/[-_]+/g, ' ').trim();
  return s.charAt(0).toUpperCase() + s.slice(1);
}

// Fills every element with data-i18n (textContent) / data-i18n-attr="attr:key,attr:key".
export function localise(root, lang) {
  for (const el of root.querySelectorAll('[data-i18n]')) el.textContent = t(lang, el.dataset.i18n);
  for (const el of root.querySelectorAll('[data-i18n-attr]')) {
    for (const pair of el.dataset.i18nAttr.split(',')) {
      const [attr, key] = pair.split(':');
      el.setAttribute(attr.trim(), t(lang, key.trim()));
    }
  }
}

export function formatMinutes(lang, minutes) {
  if (minutes === null || minutes === undefined || !Number.isFinite(minutes)) return '';
  const m = Math.max(0, Math.round(minutes));
  if (m < 60) return t(lang, 'unitMinutes', String(m));
  const h = Math.floor(m / 60);
  const rest = m % 60;
  if (h < 48) return rest ? t(lang, 'unitHoursMinutes', String(h), String(rest)) : t(lang, 'unitHours', String(h));
  return t(lang, 'unitDays', String(Math.round(h / 24)));
}
