// The shared scenarios (scenarios.mjs) in Chromium: the demo pages that reproduce the real
// X and Facebook structures, the undo caret, and the coach kept clear of the site's
// controls at 1366x768 and 1920x1080, and issue 12's rewrite patterns (rewrites.mjs).
// (The seeded random edit test runs in Chromium in faults.test.mjs, in Firefox in
// firefox.test.mjs.)
import { test, before, after } from 'node:test';
import { chromiumDriver } from './drivers.mjs';
import * as S from './scenarios.mjs';
import * as R from './rewrites.mjs';

let d;
before(async () => { d = await chromiumDriver(); });
after(async () => { await d?.close(); });

for (const [box, lang] of [['x', 'en'], ['x-dialog', 'nl'], ['x-mobile', 'en'], ['facebook', 'nl'], ['facebook-reply', 'en']]) {
  test(`chromium ${box}, ${lang}: typing, badge, every fix and the rewrite reach the editor's model, the site's button follows, Ctrl+Z restores and leaves a caret`, async () => {
    if (box === 'facebook-reply') await S.facebookReplyWithMention(d);
    else await S.coachFlow(d, box, lang);
  });
}

for (const box of ['x', 'facebook']) {
  test(`chromium ${box}: a fix and the rewrite racing the editor's selection land exactly or leave the draft exactly as it was`, async () => {
    const outcomes = [];
    for (const [race, target] of [[150, 'corporate-phrase'], ['drop', 'corporate-phrase'], ['desync', 'corporate-phrase'], ['desync', 'rewrite']]) {
      outcomes.push(`${target} ${race}: ${await S.selectionRace(d, box, { race, target })}`);
    }
    console.log(`# chromium ${box}: ${outcomes.join(', ')}`);
  });
}

for (const box of ['x', 'x-mobile', 'facebook', 'facebook-reply']) {
  test(`chromium ${box}: a saved reply picked in the panel, {order_number} asked inline, goes in exactly through the editor write; the site's button follows; Ctrl+Z; a raw placeholder never reaches the box`, () => S.savedReplyFlow(d, box));
}

test('chromium x: the home composer answers no post; the reply dialog\'s post copy is read with its author alone', () => S.xHomeAndDialog(d));
test('chromium facebook: a Messenger chat and the Create-post box get no coach', () => S.facebookBoxes(d));

for (const [w, h] of [[1366, 768], [1920, 1080]]) {
  test(`chromium ${w}x${h}: the badge and the panel cover neither the send button, the toolbar nor the editor`, async () => {
    for (const box of ['x', 'x-dialog', 'facebook', 'facebook-reply']) await S.keepsClear(d, box, w, h);
    await d.viewport(1280, 860);
  });
}

// Issue 12: each pattern of bad rewrites on the demo pages (rewrites.mjs), one page per post;
// each draft is a subtest named by its pattern. KNOWN_BAD: what the engine still gets wrong.
const patterns = (s) => [...new Set(s.drafts.map((x) => x.pattern.split(':')[0]))].join(', ');
for (const [name, s] of Object.entries(R.SITUATIONS)) {
  test(`chromium ${s.box}, ${s.lang}: issue 12 rewrite patterns ${patterns(s)} (${name}): the rewrite applied is the editor's model and keeps the pattern's property, or a note and the draft untouched`,
    (t) => R.runSituation(d, s, (p, fn) => t.test(p, fn)));
}
// E2E_KNOWN_BAD=1 runs them (each should fail, until the engine is fixed).
for (const c of R.KNOWN_BAD) {
  (process.env.E2E_KNOWN_BAD === '1' ? test : test.skip)(`chromium: issue 12 pattern ${c.name} [engine bug: ${c.bug}; rewrites.mjs KNOWN_BAD]`, (t) => R.runSituation(d, c.situation, (p, fn) => t.test(p, fn)));
}
