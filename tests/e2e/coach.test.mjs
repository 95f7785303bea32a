// The coach in the reply box, on the X (Draft.js) and Facebook (Lexical) demo pages,
// with Dutch and English interfaces: findings, one fix, the whole rewrite, undo.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import {
  setup, openDemo, typeDraft, modelText, sendEnabled, waitForBadge, waitSettled, openPanel, findingRules,
  waitForModel, setSettings, engineReport, demoPost, applyFinding, editorSelector,
} from './helpers.mjs';

// Drafts that break several rules of the brief at once.
const DRAFTS = {
  nl: 'Wij betreuren het ongemak.\nHelaas kunnen wij daar niets aan doen. Stuur ons uw adres en telefoonnummer.',
  en: 'We apologise for any inconvenience caused.\nUnfortunately there is nothing we can do. Please send us your address and phone number.',
};
// Rules each draft must trigger (besides whatever else the engine finds).
const EXPECTED = {
  nl: ['corporate-phrase', 'anonymous-reply'],
  en: ['corporate-phrase', 'anonymous-reply'],
};
const HEADINGS = { nl: 'Aandachtspunten voor je antwoord', en: 'Points for your reply' };

let env;
before(async () => { env = await setup(); });
after(async () => { await env?.close(); });

for (const site of ['x', 'facebook']) {
  for (const lang of ['nl', 'en']) {
    test(`${site}, ${lang} interface: findings, one fix, the rewrite, undo`, async () => {
      await setSettings(env, { ui_language: lang });
      const page = await openDemo(env, site, { lang });
      const draft = DRAFTS[lang];
      await typeDraft(page, site, lang, draft);
      assert.equal(await modelText(page), draft, 'typing reaches the editor model');

      const badge = await waitForBadge(page);
      const shown = await demoPost(page, site);
      const report = await engineReport(env, {
        post: { text: shown.text, author: shown.author, age_minutes: 35 }, draft, platform: site,
      });
      assert.equal(Number(await badge.getAttribute('data-count')), report.findings.length, 'badge counts the findings');
      const worst = ['error', 'warning', 'suggestion'].find((s) => report.findings.some((f) => f.severity === s));
      assert.equal(await badge.getAttribute('data-severity'), worst ?? null, 'badge shows the worst severity');

      const panel = await openPanel(page);
      const rules = await findingRules(page);
      assert.deepEqual([...rules].sort(), report.findings.map((f) => f.rule).sort(), 'panel lists every finding');
      for (const r of EXPECTED[lang]) assert.ok(rules.includes(r), `${r} expected in ${rules}`);
      assert.match(await panel.locator('#rc-h-findings').textContent(), new RegExp(`^${HEADINGS[lang]}`), 'panel speaks the interface language');

      // The post was read from the page.
      const kind = await panel.locator('[data-kind]').getAttribute('data-kind');
      assert.equal(kind, report.incoming.kind);

      // Every fix the engine offers (replace, insert at a point, delete), each undone with
      // Ctrl+Z (the focus stays in the panel after a fix: the panel puts the text back).
      const fixes = report.findings.map((f, i) => [f, i]).filter(([f]) => f.span && f.replacement !== null);
      assert.ok(fixes.length >= 2, 'the draft has fixable findings');
      for (const [fix, index] of fixes) {
        await panel.locator(`li[data-index="${index}"] [data-action="apply-fix"]`).click();
        const fixed = applyFinding(draft, fix);
        assert.equal(await waitForModel(page, fixed), fixed, `${fix.rule}: the editor model holds exactly the fixed text`);
        assert.ok(await sendEnabled(page), 'the site send button follows the new text');
        await waitSettled(page);
        await page.keyboard.press('Control+z');
        assert.equal(await waitForModel(page, draft), draft, `${fix.rule}: Ctrl+Z restores the draft`);
        await waitSettled(page);
      }

      // The whole rewrite.
      assert.ok(report.rewrite, 'the engine proposes a rewrite');
      assert.equal(await panel.locator('[data-rewrite]').textContent(), report.rewrite);
      await panel.locator('[data-action="apply-rewrite"]').click();
      assert.equal(await waitForModel(page, report.rewrite), report.rewrite, 'the editor model holds exactly the rewrite');
      assert.ok(await sendEnabled(page));
      const dom = await page.locator(editorSelector(site, lang)).innerText();
      const firstLine = report.rewrite.split('\n').find((l) => l.trim());
      assert.equal(dom.split(firstLine).length - 1, 1, 'no text duplicated in the DOM');

      await page.keyboard.press('Control+z');
      assert.equal(await waitForModel(page, draft), draft, 'Ctrl+Z restores the draft after the rewrite');

      // Typing still works where the caret is after undo/rewrite (no dead editor).
      await waitSettled(page);
      assert.deepEqual(page.__errors, [], 'no page errors');
      await page.close();
    });
  }
}

test('dismiss hides a finding for this reply only', async () => {
  await setSettings(env, { ui_language: 'en' });
  const page = await openDemo(env, 'x', { lang: 'en' });
  await typeDraft(page, 'x', 'en', DRAFTS.en);
  const badge = await waitForBadge(page);
  const before = Number(await badge.getAttribute('data-count'));
  const panel = await openPanel(page);
  const first = panel.locator('[data-rule]').first();
  const rule = await first.getAttribute('data-rule');
  const countBefore = (await findingRules(page)).filter((r) => r === rule).length;
  await first.locator('[data-action="dismiss"]').click();
  await page.waitForFunction((n) => Number(document.querySelector('[data-reply-coach="host"]').shadowRoot
    .querySelector('[data-reply-coach="badge"]').dataset.count) === n, before - 1);
  assert.equal((await findingRules(page)).filter((r) => r === rule).length, countBefore - 1);
  assert.equal(await modelText(page), DRAFTS.en, 'dismissing does not touch the text');
  await page.close();
});
