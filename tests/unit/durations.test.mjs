// Durations are written once: the extension's formatMinutes gives exactly what the
// engine writes (src/rules.rs `duration`), on the shared cases of
// tests/fixtures/durations.json.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { formatMinutes } from '../../extension/shared/i18n.js';

const { cases } = JSON.parse(fs.readFileSync(new URL('../fixtures/durations.json', import.meta.url), 'utf8'));

test('the shared cases cover both languages and every form', () => {
  assert.ok(cases.length >= 20);
  for (const lang of ['en', 'nl']) assert.ok(cases.some((c) => c.lang === lang), lang);
  for (const form of [/^\d+ min$/, /^\d+[hu]$/, /^\d+[hu] \d+min$/, /^\d+d \d+[hu]$/]) {
    assert.ok(cases.some((c) => form.test(c.text)), `a case of the form ${form}`);
  }
});

test('formatMinutes writes every shared case as the engine does', () => {
  const wrong = cases
    .map((c) => ({ ...c, got: formatMinutes(c.lang, c.minutes) }))
    .filter((c) => c.got !== c.text);
  assert.deepEqual(wrong, []);
});

test('no number, no duration', () => {
  for (const v of [null, undefined, Number.NaN, Number.POSITIVE_INFINITY]) assert.equal(formatMinutes('en', v), '');
});
