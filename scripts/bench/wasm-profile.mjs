// Where the wasm engine's time goes: runs the engine alone over the X and Facebook
// replies of the benchmark corpus under V8's sampling profiler, then sums self time per
// function. Needs a copy of the wasm package that keeps the name section (the shipped
// one drops it): run.sh makes it with wasm-bindgen into target/bench/pkg-named.
// Usage: node scripts/bench/wasm-profile.mjs   (writes target/bench/profile-wasm.txt)
import fs from 'node:fs';
import path from 'node:path';
import { Session } from 'node:inspector/promises';
import { fileURLToPath } from 'node:url';

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const PKG = process.env.PKG_NAMED_DIR ?? path.join(REPO, 'target/bench/pkg-named');
const OUT = path.join(REPO, 'target/bench/profile-wasm.txt');
const SECONDS = Number(process.env.BENCH_PROFILE_SECONDS ?? 4);

const { default: init, analyze } = await import(path.join(PKG, 'reply_coach.js'));
await init({ module_or_path: fs.readFileSync(path.join(PKG, 'reply_coach_bg.wasm')) });
const corpus = JSON.parse(fs.readFileSync(path.join(REPO, 'target/bench/corpus.json'), 'utf8'));
const exs = ['x-nl', 'x-en', 'fb-nl', 'fb-en'].flatMap((id) => corpus.classes.find((c) => c.id === id).exchanges);
for (const ex of exs) analyze(ex); // warm-up

const session = new Session();
session.connect();
await session.post('Profiler.enable');
await session.post('Profiler.setSamplingInterval', { interval: 100 }); // µs
await session.post('Profiler.start');
const until = Date.now() + SECONDS * 1000;
let calls = 0;
while (Date.now() < until) for (const ex of exs) { analyze(ex); calls++; }
const { profile } = await session.post('Profiler.stop');
session.disconnect();

const byId = new Map(profile.nodes.map((n) => [n.id, n]));
const self = new Map();
let total = 0;
for (const id of profile.samples) {
  const f = byId.get(id).callFrame;
  const name = (f.functionName || `(anonymous ${path.basename(f.url)})`).replace(/::h[0-9a-f]{16}$/, '');
  self.set(name, (self.get(name) ?? 0) + 1);
  total++;
}
const lines = [...self].sort((a, b) => b[1] - a[1]).slice(0, 20)
  .map(([name, n]) => `${(100 * n / total).toFixed(1)}% ${name}`);
fs.writeFileSync(OUT, lines.join('\n') + '\n');
console.log(`wasm profile (${calls} analyses, ${total} samples): ${path.relative(REPO, OUT)}`);
for (const l of lines.slice(0, 8)) console.log(`  ${l}`);
