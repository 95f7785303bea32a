// Accessibility (issue 14): axe-core (the npm package, injected into each page by the
// test) finds no serious or critical violation of WCAG 2.1 A/AA on the panel, the popup,
// the options page and the setup page, in light and dark, with every part of the panel
// shown (More, all points, the dismissed ones, a toast); colour contrast is among the
// rules it checks. The same runs take the screenshots in docs/ (README shows the first).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import {
  setup, openDemo, typeDraft, waitForBadge, waitSettled, openPanel, setSettings, sleep, REPO,
} from './helpers.mjs';

const AXE = fs.readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const DOCS = path.join(REPO, 'docs');
const DRAFTS = {
  nl: 'Wij betreuren het ongemak. Stuur ons uw adres.',
  en: 'We apologise for any inconvenience caused. Please send us your address.',
};

let env;
before(async () => { env = await setup(); fs.mkdirSync(DOCS, { recursive: true }); });
after(async () => { await env?.close(); });

// axe on a page (evaluated through the DevTools protocol, so a page's CSP does not stop
// it), limited to `include` when given; the serious and critical violations, and how
// many checks passed (a run that checked nothing proves nothing).
async function axe(page, include = null) {
  await page.evaluate(AXE);
  return page.evaluate(async (inc) => {
    const r = await window.axe.run(inc ? { include: [[inc]] } : document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
      resultTypes: ['violations', 'passes', 'incomplete'],
    });
    return {
      bad: r.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')
        .map((v) => `${v.id} (${v.impact}): ${v.nodes.slice(0, 3).map((n) => `${n.target.join(' ')} ${n.failureSummary}`).join(' | ')}`),
      contrastChecked: r.passes.find((p) => p.id === 'color-contrast')?.nodes.length ?? 0,
      // contrast axe could not decide (text over an image, a gradient, another element):
      // none here. (Symbols alone, the → of a fix and the ✓/○ of a strategy, are not text
      // to axe: it leaves them undecided by design.)
      contrastUndecided: (r.incomplete.find((p) => p.id === 'color-contrast')?.nodes ?? [])
        .filter((n) => !n.any.every((a) => /only non-text characters/.test(a.message)))
        .map((n) => `${n.target.join(' ')}: ${n.any.map((a) => a.message).join('; ')}`),
      passed: r.passes.length,
    };
  }, include);
}

const shot = (name) => path.join(DOCS, `${name}.png`);

// Our own measure of contrast, beside axe's: every visible element with text of its own,
// its colour against the first opaque background behind it (up through the shadow root),
// by the WCAG formula; 4.5:1, or 3:1 for large text (24px, or 18.66px bold). Symbols
// alone (→ ✓ ○ ×) are not text. Returns what falls short.
function lowContrast(page, rootSelector) {
  return page.evaluate((sel) => {
    const rgb = (c) => { const m = c.match(/rgba?\(([^)]+)\)/); if (!m) return null; const [r, g, b, a = 1] = m[1].split(/[ ,/]+/).filter(Boolean).map(Number); return { r, g, b, a }; };
    const lum = ({ r, g, b }) => [r, g, b].map((v) => { const x = v / 255; return x <= 0.03928 ? x / 12.92 : ((x + 0.055) / 1.055) ** 2.4; })
      .reduce((s, v, i) => s + v * [0.2126, 0.7152, 0.0722][i], 0);
    const parent = (el) => el.parentElement ?? el.getRootNode().host ?? null;
    const background = (el) => {
      for (let n = el; n; n = parent(n)) {
        const c = rgb(getComputedStyle(n).backgroundColor);
        if (c && c.a > 0.9) return c;
      }
      return { r: 255, g: 255, b: 255, a: 1 };
    };
    const root = sel ? document.querySelector(sel).shadowRoot : document;
    const out = [];
    let measured = 0;
    for (const el of root.querySelectorAll('*')) {
      const own = [...el.childNodes].filter((n) => n.nodeType === 3).map((n) => n.textContent).join('').trim();
      if (!own || !/[\p{L}\p{N}]/u.test(own)) continue;
      const r = el.getBoundingClientRect();
      const cs = getComputedStyle(el);
      if (!r.width || !r.height || cs.visibility === 'hidden' || el.closest('[hidden]')) continue;
      const fg = rgb(cs.color);
      const ratio = (Math.max(lum(fg), lum(background(el))) + 0.05) / (Math.min(lum(fg), lum(background(el))) + 0.05);
      const px = Number.parseFloat(cs.fontSize);
      const large = px >= 24 || (px >= 18.66 && Number(cs.fontWeight) >= 700);
      measured++;
      if (ratio < (large ? 3 : 4.5)) out.push(`${el.tagName.toLowerCase()}.${el.className} "${own.slice(0, 30)}" ${ratio.toFixed(2)}:1`);
    }
    return { low: out, measured };
  }, rootSelector);
}

for (const lang of ['nl', 'en']) {
  for (const theme of ['light', 'dark']) {
    test(`panel (${lang}, ${theme}): no serious or critical axe violation, every part shown; screenshot`, async () => {
      await setSettings(env, { ui_language: lang });
      const page = await openDemo(env, 'x', { lang, query: { theme } });
      await page.setViewportSize({ width: 1366, height: 768 });
      await typeDraft(page, 'x', lang, DRAFTS[lang]);
      await waitForBadge(page);
      const panel = await openPanel(page, { all: false });
      await sleep(150);
      // the README's picture: the panel as it opens
      await page.screenshot({ path: shot(`panel-x-${lang}-${theme}`) });
      // every part: all points, one dismissed (with its toast), the dismissed list, More
      await panel.locator('[data-action="toggle-all"]').click();
      await panel.locator('li.finding [data-action="dismiss"]').last().click();
      await panel.locator('[data-reply-coach="toast"] button').waitFor();
      await panel.locator('[data-action="toggle-dismissed"]').click();
      await panel.locator('[data-action="toggle-more"]').click();
      for (const why of await panel.locator('details.why').all()) await why.locator('summary').click();
      await waitSettled(page);
      const r = await axe(page, '[data-reply-coach="host"]');
      assert.deepEqual(r.bad, [], 'no serious or critical violations');
      const c = await lowContrast(page, '[data-reply-coach="host"]');
      assert.deepEqual(c.low, [], 'every text 4.5:1 (our own measure)');
      assert.ok(c.measured >= 30, `texts measured (${c.measured})`);
      assert.deepEqual(r.contrastUndecided, [], 'no contrast left undecided');
      assert.ok(r.contrastChecked >= 20, `contrast was checked on the panel's text (${r.contrastChecked} nodes)`);
      await page.close();
    });

    test(`panel's saved-replies picker (${lang}, ${theme}): no serious or critical axe violation, the list and a placeholder asked for`, async () => {
      const saved = lang === 'nl'
        ? [{ title: 'Bestelnummer', language: 'nl', tags: ['complaint'], text: 'Hoi {first_name}, vervelend! Ik heb bestelling {order_number} nagekeken. {signature}' },
          { title: 'Dank je', language: 'nl', text: 'Dank je wel {first_name}! {signature}' }]
        : [{ title: 'Order number', language: 'en', tags: ['complaint'], text: 'Hi {first_name}, sorry! I checked order {order_number}. {signature}' },
          { title: 'Thanks', language: 'en', text: 'Thank you {first_name}! {signature}' }];
      await setSettings(env, { ui_language: lang, agent_name: 'Pim', saved_replies: saved });
      const page = await openDemo(env, 'x', { lang, query: { theme } });
      await page.setViewportSize({ width: 1366, height: 768 });
      await typeDraft(page, 'x', lang, DRAFTS[lang]);
      await waitForBadge(page);
      const panel = await openPanel(page, { all: false });
      await panel.locator('[data-action="toggle-saved"]').click();
      await panel.locator('[data-action="pick-saved"]').first().waitFor();
      let r = await axe(page, '[data-reply-coach="host"]');
      assert.deepEqual(r.bad, [], 'the list: no serious or critical violations');
      assert.deepEqual((await lowContrast(page, '[data-reply-coach="host"]')).low, [], 'the list: every text 4.5:1');
      await panel.locator('[data-action="pick-saved"]').first().click();
      await panel.locator('[data-reply-coach="saved-value"]').waitFor();
      await panel.locator('[data-action="saved-insert"]').click();
      await panel.locator('[data-reply-coach="saved-error"]:not(:empty)').waitFor();
      if (lang === 'en' && theme === 'light') await page.screenshot({ path: shot('panel-saved-x-en-light') });
      r = await axe(page, '[data-reply-coach="host"]');
      assert.deepEqual(r.bad, [], 'asking: no serious or critical violations');
      assert.deepEqual((await lowContrast(page, '[data-reply-coach="host"]')).low, [], 'asking: every text 4.5:1');
      assert.deepEqual(r.contrastUndecided, [], 'no contrast left undecided');
      await page.close();
    });

    test(`popup (${lang}, ${theme}): no serious or critical axe violation; screenshot`, async () => {
      await setSettings(env, { ui_language: lang });
      const pop = await env.context.newPage();
      await pop.emulateMedia({ colorScheme: theme });
      await pop.setViewportSize({ width: 460, height: 760 });
      await pop.goto(env.extUrl('popup/popup.html'));
      await pop.fill('#post', lang === 'nl' ? 'Mijn pakket ligt al drie dagen stil en niemand reageert. Belachelijk!' : 'My parcel has been stuck for three days and nobody answers. Ridiculous!');
      await pop.fill('#author', lang === 'nl' ? 'Sonja de Vries' : 'Sarah Miller');
      await pop.fill('#age', '35');
      await pop.fill('#draft', DRAFTS[lang]);
      await pop.click('#analyze');
      await pop.locator('[data-rewrite]').waitFor();
      await pop.screenshot({ path: shot(`popup-${lang}-${theme}`), fullPage: true });
      await pop.locator('[data-action="toggle-more"]').click();
      const r = await axe(pop);
      assert.deepEqual(r.bad, []);
      assert.deepEqual((await lowContrast(pop, null)).low, []);
      assert.deepEqual(r.contrastUndecided, []);
      assert.ok(r.contrastChecked >= 20, `contrast checked (${r.contrastChecked})`);
      await pop.close();
    });

    test(`options (${lang}, ${theme}): no serious or critical axe violation, the import preview open; screenshot`, async () => {
      await setSettings(env, {
        ui_language: lang, agent_name: 'Anne', organisation: 'Bakkerij Van Dam',
        // the library with a reply marked (a home address asked in public) and one clean
        saved_replies: [
          { title: 'Address', language: 'en', tags: ['complaint'], text: 'Hi {first_name}, sorry about that! Please reply here with your home address and I\'ll send a new one. {signature}' },
          { title: 'Thanks', language: 'en', tags: ['compliment'], text: 'Thank you so much, {first_name}! {signature}' },
        ],
      });
      const opts = await env.context.newPage();
      await opts.emulateMedia({ colorScheme: theme });
      await opts.setViewportSize({ width: 1100, height: 900 });
      await opts.goto(env.extUrl('options/options.html'));
      await opts.locator('#rule-anonymous-reply').waitFor();
      await opts.locator('#saved_replies li[data-title="Address"][data-coached="yes"][data-error]').waitFor();
      await opts.screenshot({ path: shot(`options-${lang}-${theme}`) });
      await opts.fill('#import-text', '{"agent_name": "Pim"}');
      await opts.click('#import-apply');
      await opts.locator('[data-testid="import-preview"]').waitFor();
      const r = await axe(opts);
      assert.deepEqual(r.bad, []);
      assert.deepEqual((await lowContrast(opts, null)).low, []);
      assert.deepEqual(r.contrastUndecided, []);
      assert.ok(r.contrastChecked >= 20, `contrast checked (${r.contrastChecked})`);
      await opts.close();
    });

    test(`setup page (${lang}, ${theme}): no serious or critical axe violation; screenshot`, async () => {
      await setSettings(env, { ui_language: lang });
      const page = await env.context.newPage();
      await page.emulateMedia({ colorScheme: theme });
      await page.setViewportSize({ width: 1000, height: 900 });
      await page.goto(env.extUrl('welcome/welcome.html'));
      await page.locator(`h1[data-i18n="welcomeTitle"]`).filter({ hasText: lang === 'nl' ? 'Welkom' : 'Welcome' }).waitFor();
      await page.screenshot({ path: shot(`welcome-${lang}-${theme}`) });
      const r = await axe(page);
      assert.deepEqual(r.bad, []);
      assert.deepEqual((await lowContrast(page, null)).low, []);
      assert.deepEqual(r.contrastUndecided, []);
      assert.ok(r.contrastChecked >= 10, `contrast checked (${r.contrastChecked})`);
      await page.close();
    });
  }
}

test('the badge: its number readable in light and dark (4.5:1), its severity in its name', async () => {
  await setSettings(env, { ui_language: 'en' });
  for (const theme of ['dark', 'light']) {
    const page = await openDemo(env, 'x', { lang: 'en', query: { theme } });
    await typeDraft(page, 'x', 'en', DRAFTS.en);
    const badge = await waitForBadge(page);
    const r = await axe(page, '[data-reply-coach="host"]');
    assert.deepEqual(r.bad, [], theme);
    // (axe leaves a one-character button undecided: "too short to determine if it is
    // text"; our own measure decides it)
    const c = await lowContrast(page, '[data-reply-coach="host"]');
    assert.deepEqual(c.low, [], theme);
    assert.ok(c.measured >= 1, `${theme}: the badge measured`);
    assert.ok(r.contrastChecked >= 1, `${theme}: the badge's contrast was checked`);
    assert.match(await badge.getAttribute('aria-label'), /points, most serious: Must fix/);
    await page.close();
  }
});
