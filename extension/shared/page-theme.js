// @ts-check
// The extension's own pages (popup, options, welcome) take their colours from the same
// THEME_CSS as the panel, light or dark as the system is set, so every colour pair is
// defined (and contrast-checked) once.
import { THEME_CSS, REPORT_CSS } from './report-view.js';

/** @param {Document} doc */
export function applyPageTheme(doc) {
  const style = doc.createElement('style');
  style.textContent = THEME_CSS + REPORT_CSS;
  doc.head.append(style);
  const body = doc.body;
  body.classList.add('rc-theme');
  const media = doc.defaultView?.matchMedia?.('(prefers-color-scheme: dark)');
  const set = () => { body.dataset.theme = media?.matches ? 'dark' : 'light'; };
  set();
  media?.addEventListener('change', set);
}
