// The one Makefile: `make help` lists every target it defines, once, with its line.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const repo = fileURLToPath(new URL('../..', import.meta.url));
const makefile = fs.readFileSync(new URL('../../Makefile', import.meta.url), 'utf8');

test('make help lists every target of the Makefile, each on one line with what it does', () => {
  const defined = [...makefile.matchAll(/^([a-z][a-z0-9-]*):(?!=)/gm)].map((m) => m[1]);
  assert.ok(defined.length >= 20, `targets found: ${defined}`);
  const help = execFileSync('make', ['-s', '--no-print-directory', 'help'], { cwd: repo, encoding: 'utf8' });
  const listed = help.trim().split('\n').map((line) => {
    const m = line.match(/^make (\S+) +(\S.*)$/);
    assert.ok(m, `a help line: ${line}`);
    return m[1];
  });
  assert.deepEqual([...listed].sort(), [...defined].sort());
  assert.equal(new Set(listed).size, listed.length, 'each target once');
  const phony = makefile.match(/^\.PHONY:((?:.*\\\n)*.*)$/m)[1].replace(/\\\n/g, ' ').trim().split(/\s+/);
  assert.deepEqual([...phony].sort(), [...defined].sort(), 'every target is .PHONY');
});

test('no other makefile is included', () => {
  assert.doesNotMatch(makefile, /^-?include\b/m);
  assert.equal(fs.existsSync(new URL('../../mk', import.meta.url)), false);
});
