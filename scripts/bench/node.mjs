// The wasm engine in Node against the prose linters people use in JavaScript,
// write-good and alex (npm), in one process, on the same reply texts
// (target/bench/corpus.json). Writes target/bench/node.json.
//
// Three ways to time the same calls (per reply the median over the rounds, then the
// median over the replies of a class):
// - steady (the target): each tool runs over all the replies in a block, warm, as a
//   benchmark harness times one function; the blocks rotate every round, so a drift of
//   the machine lands on every tool alike;
// - interleaved: each reply goes through wasm, write-good and alex in turn. Asymmetric:
//   the engine always runs right after alex's 2–5 ms;
// - cold: every call of every tool after the same 5 ms idle, as a keystroke after a pause
//   finds the machine. On this VM any gap (idle or other work) makes the next call pay
//   for caches and wake-up: a fixed cost of a couple of hundred µs that weighs most on
//   the fastest tool.
// The engine does much more (post reading, strategies, voice, rules in two languages, a
// rewrite) than the peers, which only lint English prose; the comparison is per reply,
// wall time.
import fs from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import writeGood from 'write-good';
import { text as alexText } from 'alex';

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const PKG = process.env.PKG_DIR ?? path.join(REPO, 'target/pkg');
const corpus = JSON.parse(fs.readFileSync(path.join(REPO, 'target/bench/corpus.json'), 'utf8'));
const OUT = path.join(REPO, 'target/bench/node.json');
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 60);

const { default: init, analyze } = await import(path.join(PKG, 'reply_coach.js'));
const wasmBytes = fs.readFileSync(path.join(PKG, 'reply_coach_bg.wasm'));
let t = performance.now();
await init({ module_or_path: wasmBytes });
const initMs = performance.now() - t;

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const quantile = (xs, q) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.round((s.length - 1) * q)];
};
function time(fn) {
  const t0 = performance.now();
  const r = fn();
  const dt = performance.now() - t0;
  if (r === undefined) throw new Error('no result');
  return dt * 1000; // µs
}

const tools = {
  wasm: (ex) => analyze(ex),
  'write-good': (ex) => writeGood(ex.reply),
  alex: (ex) => alexText(ex.reply),
};

const COLD_ROUNDS = Number(process.env.BENCH_COLD_ROUNDS ?? 8);
const COLD_IDLE_MS = 5;
const idle = new Int32Array(new SharedArrayBuffer(4));
const names = Object.keys(tools);
const perReply = (exs) => exs.map(() => Object.fromEntries(names.map((k) => [k, []])));
const medians = (per) => per.map((p) => Object.fromEntries(names.map((k) => [k, median(p[k])])));
const ratioOf = (m) => (m['write-good'] + m.alex) / m.wasm;

const result = {
  rounds: ROUNDS, cold_rounds: COLD_ROUNDS, cold_idle_ms: COLD_IDLE_MS,
  wasm_init_ms: initMs, node: process.version, classes: {}, scale: {},
};
for (const id of ['x-nl', 'x-en', 'fb-nl', 'fb-en']) {
  const cls = corpus.classes.find((c) => c.id === id);
  const exs = cls.exchanges;
  // warm-up: JIT and the engine's lazily compiled lexicon
  for (let r = 0; r < 5; r++) for (const ex of exs) for (const f of Object.values(tools)) f(ex);
  // steady: a block per tool, the order of the blocks rotating every round
  const steady = perReply(exs);
  for (let r = 0; r < ROUNDS; r++) {
    for (let k = 0; k < names.length; k++) {
      const name = names[(r + k) % names.length];
      exs.forEach((ex, i) => steady[i][name].push(time(() => tools[name](ex))));
    }
  }
  // interleaved: every reply through the three tools in turn
  const inter = perReply(exs);
  for (let r = 0; r < ROUNDS; r++) {
    exs.forEach((ex, i) => {
      for (const name of names) inter[i][name].push(time(() => tools[name](ex)));
    });
  }
  // cold: every call after the same idle
  const cold = perReply(exs);
  for (let r = 0; r < COLD_ROUNDS; r++) {
    exs.forEach((ex, i) => {
      for (const name of names) {
        Atomics.wait(idle, 0, 0, COLD_IDLE_MS);
        cold[i][name].push(time(() => tools[name](ex)));
      }
    });
  }
  const [ms, mi, mc] = [medians(steady), medians(inter), medians(cold)];
  const col = (m, k) => median(m.map((r) => r[k]));
  result.classes[id] = {
    replies: exs.length,
    chars_median: median(exs.map((ex) => ex.reply.length)),
    wasm_us: col(ms, 'wasm'),
    write_good_us: col(ms, 'write-good'),
    alex_us: col(ms, 'alex'),
    peers_us: median(ms.map((m) => m['write-good'] + m.alex)),
    ratio_median: median(ms.map(ratioOf)),
    ratio_min: Math.min(...ms.map(ratioOf)),
    wasm_p99_us: quantile(steady.flatMap((p) => p.wasm), 0.99),
    wasm_interleaved_us: col(mi, 'wasm'),
    peers_interleaved_us: median(mi.map((m) => m['write-good'] + m.alex)),
    ratio_interleaved_median: median(mi.map(ratioOf)),
    wasm_cold_us: col(mc, 'wasm'),
    peers_cold_us: median(mc.map((m) => m['write-good'] + m.alex)),
    ratio_cold_median: median(mc.map(ratioOf)),
  };
  const c = result.classes[id];
  console.log(`${id.padEnd(6)} ${String(c.replies).padStart(3)} replies  steady: wasm ${c.wasm_us.toFixed(0)} µs, write-good ${c.write_good_us.toFixed(0)} µs, alex ${c.alex_us.toFixed(0)} µs → ${c.ratio_median.toFixed(1)}× (min ${c.ratio_min.toFixed(1)}×); interleaved: wasm ${c.wasm_interleaved_us.toFixed(0)} µs → ${c.ratio_interleaved_median.toFixed(1)}×; cold: wasm ${c.wasm_cold_us.toFixed(0)} µs → ${c.ratio_cold_median.toFixed(1)}×`);
}

// What a gap before a call costs on this machine: the engine over the x-nl replies, each
// call after an idle of 0, 1 or 10 ms, or after 10 ms of pure arithmetic in JavaScript
// (which evicts next to nothing from memory).
{
  const exs = corpus.classes.find((c) => c.id === 'x-nl').exchanges;
  let sink = 0;
  const gaps = [
    ['none', () => {}],
    ['idle 1 ms', () => Atomics.wait(idle, 0, 0, 1)],
    ['idle 10 ms', () => Atomics.wait(idle, 0, 0, 10)],
    ['10 ms of arithmetic', () => {
      const until = performance.now() + 10;
      let v = 1;
      while (performance.now() < until) for (let i = 0; i < 1000; i++) v = (v * 1.0000001 + 1) % 1e9;
      sink += v;
    }],
  ];
  result.gap = gaps.map(([label, before]) => {
    const ts = exs.map(() => []);
    for (let r = 0; r < 10; r++) exs.forEach((ex, i) => { before(); ts[i].push(time(() => tools.wasm(ex))); });
    return { before: label, wasm_us: median(ts.map(median)) };
  });
  if (sink === 42) console.log(sink);
  console.log(`x-nl wasm after a gap: ${result.gap.map((g) => `${g.before}: ${g.wasm_us.toFixed(0)} µs`).join(', ')}`);
}

// The wasm engine over the scaling series (how far wasm is from native).
for (const id of ['scale-en', 'scale-nl']) {
  const cls = corpus.classes.find((c) => c.id === id);
  result.scale[id] = cls.exchanges.map((ex) => {
    const n = ex.reply.length > 20000 ? 8 : ex.reply.length > 2000 ? 30 : 200;
    tools.wasm(ex);
    const ts = Array.from({ length: n }, () => time(() => tools.wasm(ex)));
    return { chars: ex.reply.length, n, median_us: median(ts), p99_us: quantile(ts, 0.99) };
  });
  console.log(`${id} wasm: ${result.scale[id].map((s) => `${s.chars}: ${(s.median_us / 1000).toFixed(2)} ms`).join(', ')}`);
}

fs.mkdirSync(path.dirname(OUT), { recursive: true });
fs.writeFileSync(OUT, JSON.stringify(result, null, 2));
console.log(`wasm init ${initMs.toFixed(1)} ms; results: ${path.relative(REPO, OUT)}`);
