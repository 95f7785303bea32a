// @ts-check
// The age of a post or comment from the way a site writes its time, in minutes. Facebook
// (2024-26) has no <time datetime>: a time is a link whose aria-label holds the full date
// ("Friday 19 June 2026 at 21:21", "vrijdag 19 juni 2026 om 21:21", "a day ago") and whose
// text is short ("19 June", "2h", "2 u", "45m"); a comment's own aria-label ends in its
// relative age ("Comment by Ana Silva 2 hours ago", "Opmerking van Ana Silva 3 uur geleden").
// English and Dutch are read; anything else gives null (no age, never a wrong one).

const UNIT_MINUTES = /** @type {const} */ ({ s: 1 / 60, m: 1, h: 60, d: 1440, w: 10080, mo: 43200, y: 525600 });

/** @param {string} unit @returns {number | null} minutes in one such unit */
function unitMinutes(unit) {
  const u = unit.toLowerCase().replace(/\.$/, '');
  if (/^(s|sec|secs|second|seconds|sec|seconde|seconden)$/.test(u)) return UNIT_MINUTES.s;
  if (/^(m|min|mins|minute|minutes|minuut|minuten)$/.test(u)) return UNIT_MINUTES.m;
  if (/^(h|hr|hrs|hour|hours|u|uur|uren)$/.test(u)) return UNIT_MINUTES.h;
  if (/^(d|day|days|dag|dagen)$/.test(u)) return UNIT_MINUTES.d;
  if (/^(w|wk|wks|wkn|week|weeks|weken)$/.test(u)) return UNIT_MINUTES.w;
  if (/^(mo|month|months|maand|maanden|mnd)$/.test(u)) return UNIT_MINUTES.mo;
  if (/^(y|yr|yrs|year|years|j|jr|jaar|jaren)$/.test(u)) return UNIT_MINUTES.y;
  return null;
}

/**
 * Minutes from a relative label: short ("35m", "2 u", "3h", "1 d", "5 min") or written
 * out ("2 hours ago", "a day ago", "1hours ago", "a few seconds ago", "3 uur geleden",
 * "een dag geleden", "Just now", "gisteren").
 * @param {string | null | undefined} text
 * @returns {number | null}
 */
export function parseRelative(text) {
  const s = String(text ?? '').trim().toLowerCase().replace(/\s+/g, ' ');
  if (!s) return null;
  if (/^(just now|now|nu|zojuist|net|a few seconds ago|enkele seconden geleden|een paar seconden geleden)$/.test(s)) return 0;
  if (/^(yesterday|gisteren)$/.test(s)) return 1440;
  const short = s.match(/^(\d+)\s?([a-z]+)\.?$/);
  if (short) {
    const per = unitMinutes(short[2]);
    return per === null ? null : Number(short[1]) * per;
  }
  const long = s.match(/^(\d+|a|an|one|een|één)\s?([a-z]+)\s(ago|geleden)$/);
  if (long) {
    const per = unitMinutes(long[2]);
    if (per === null) return null;
    return (/^\d+$/.test(long[1]) ? Number(long[1]) : 1) * per;
  }
  return null;
}

const MONTHS = [
  ['january', 'jan', 'januari'], ['february', 'feb', 'februari'], ['march', 'mar', 'maart', 'mrt'],
  ['april', 'apr'], ['may', 'mei'], ['june', 'jun', 'juni'], ['july', 'jul', 'juli'],
  ['august', 'aug', 'augustus'], ['september', 'sep', 'sept'], ['october', 'oct', 'oktober', 'okt'],
  ['november', 'nov'], ['december', 'dec'],
];

const WEEKDAYS = [
  'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday',
  'mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun',
  'maandag', 'dinsdag', 'woensdag', 'donderdag', 'vrijdag', 'zaterdag', 'zondag',
  'ma', 'di', 'wo', 'do', 'vr', 'za', 'zo',
];

/** @param {string} word @returns {number} 0-11, or -1 */
function monthOf(word) {
  const w = word.toLowerCase().replace(/\.$/, '');
  return MONTHS.findIndex((names) => names.includes(w));
}

/**
 * A date as Facebook writes it, in the reader's own time zone: "Friday 19 June 2026 at
 * 21:21", "19 June", "1 September at 10:00", "June 19, 2026 at 9:21 PM", "vrijdag 19
 * juni 2026 om 21:21", "Yesterday at 21:21", "gisteren om 21:21". Without a year: this
 * year, or last year when that would lie in the future. Without a time: midnight.
 * @param {string | null | undefined} text
 * @param {number} now
 * @returns {number | null} the time in ms since the epoch
 */
export function parseDate(text, now) {
  const s = String(text ?? '').trim().toLowerCase().replace(/\s+/g, ' ').replace(/,/g, '');
  if (!s) return null;
  const time = s.match(/(?:^|\s)(\d{1,2})[:.](\d{2})(?:\s?(am|pm))?(?:\s|$)/);
  let hours = 0;
  let minutes = 0;
  if (time) {
    hours = Number(time[1]) % 24;
    minutes = Number(time[2]);
    if (time[3] === 'pm' && hours < 12) hours += 12;
    if (time[3] === 'am' && hours === 12) hours = 0;
    if (minutes > 59) return null;
  }
  const rest = time ? s.replace(time[0], ' ') : s;
  const ref = new Date(now);
  const yesterday = /^(yesterday|gisteren)\b/.test(rest.trim());
  const today = /^(today|vandaag)\b/.test(rest.trim());
  if ((yesterday || today) && time) {
    const d = new Date(ref.getFullYear(), ref.getMonth(), ref.getDate() - (yesterday ? 1 : 0), hours, minutes);
    return d.getTime();
  }
  const words = rest.split(' ').filter(Boolean);
  let day = -1;
  let month = -1;
  let year = -1;
  // every word must belong to a date: a name's or a photo's words never make one
  for (const w of words) {
    if (/^\d{4}$/.test(w) && year < 0) year = Number(w);
    else if (/^\d{1,2}(st|nd|rd|th|e)?$/.test(w) && day < 0) day = Number.parseInt(w, 10);
    else if (month < 0 && monthOf(w) >= 0) month = monthOf(w);
    else if (!WEEKDAYS.includes(w.replace(/\.$/, '')) && !['at', 'om', 'on', 'op', 'the', 'of'].includes(w)) return null;
  }
  if (day < 1 || day > 31 || month < 0) return null;
  const known = year >= 0;
  let d = new Date(known ? year : ref.getFullYear(), month, day, hours, minutes);
  if (!known && d.getTime() > now + 86400000) d = new Date(ref.getFullYear() - 1, month, day, hours, minutes);
  if (d.getMonth() !== month) return null; // 31 June
  return d.getTime();
}

/**
 * The age in minutes a time label gives: a relative label, or a date.
 * @param {string | null | undefined} text
 * @param {number} [now]
 * @returns {number | null}
 */
export function ageFromLabel(text, now = Date.now()) {
  const rel = parseRelative(text);
  if (rel !== null) return rel;
  const at = parseDate(text, now);
  return at === null ? null : Math.max(0, (now - at) / 60000);
}

/**
 * The relative age at the end of a comment article's own label: "Comment by Ana Silva 2
 * hours ago" → 120, "Opmerking van Ana Silva 3 uur geleden" → 180.
 * @param {string | null | undefined} label
 * @returns {number | null}
 */
export function ageFromArticleLabel(label) {
  const s = String(label ?? '').trim().toLowerCase();
  const m = s.match(/(?:^|\s)((?:\d+|a|an|one|een|één)\s?[a-z]+\s(?:ago|geleden)|a few seconds ago|just now)$/);
  return m ? parseRelative(m[1]) : null;
}
