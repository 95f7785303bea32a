// Shared helpers for the demo pages: query parameters, labels, relative times.
// Page data is always rendered with textContent (never innerHTML), like the real sites.

export function params() {
  const q = new URLSearchParams(location.search);
  const lang = q.get('lang') === 'en' ? 'en' : 'nl';
  const theme = q.get('theme') === 'dark' ? 'dark' : 'light';
  const age = Number.parseFloat(q.get('age') ?? '');
  return {
    lang,
    theme,
    post: q.get('post'),
    author: q.get('author'),
    handle: q.get('handle'),
    age: Number.isFinite(age) && age >= 0 ? age : 35,
  };
}

export function applyTheme(theme) {
  document.documentElement.dataset.theme = theme;
}

export function minutesAgoISO(minutes) {
  return new Date(Date.now() - minutes * 60000).toISOString();
}

export function relLabel(minutes, lang) {
  if (minutes < 1) return lang === 'nl' ? 'nu' : 'now';
  if (minutes < 60) return `${Math.round(minutes)}m`;
  const h = Math.round(minutes / 60);
  if (h < 24) return lang === 'nl' ? `${h} u` : `${h}h`;
  const d = Math.round(h / 24);
  return lang === 'nl' ? `${d} d` : `${d}d`;
}

export function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === null || v === undefined || v === false) continue;
    if (k === 'text') node.textContent = v;
    else if (k === 'class') node.className = v;
    else node.setAttribute(k, v === true ? '' : String(v));
  }
  for (const c of children) if (c) node.append(c);
  return node;
}
