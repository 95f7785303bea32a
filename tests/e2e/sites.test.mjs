// The shared scenarios (scenarios.mjs) in Chromium: the demo pages that reproduce the real
// X and Facebook structures, the undo caret, and the coach kept clear of the site's
// controls at 1366x768 and 1920x1080. (The seeded random edit test runs in Chromium in
// faults.test.mjs, in Firefox in firefox.test.mjs.)
import { test, before, after } from 'node:test';
import { chromiumDriver } from './drivers.mjs';
import * as S from './scenarios.mjs';

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
