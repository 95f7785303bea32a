// Collects target/bench/{native,node,browser}.json, the profiles and the sizes into
// bench/RESULTS.md (one table per part, and a summary against the targets),
// bench/results.json (the raw numbers) and bench/chart.svg (the scaling series).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { execSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const T = path.join(REPO, 'target/bench');
const OUT = path.join(REPO, 'bench');
const read = (f) => (fs.existsSync(path.join(T, f)) ? JSON.parse(fs.readFileSync(path.join(T, f), 'utf8')) : null);
const native = read('native.json') ?? {};
const node = read('node.json');
const browser = read('browser.json');
const corpus = read('corpus.json');
const timing = read('timing.json');

// --- sizes ---------------------------------------------------------------------------
const fileSize = (p) => (fs.existsSync(p) ? fs.statSync(p).size : null);
const wasmPath = path.join(REPO, 'target/pkg/reply_coach_bg.wasm');
const wasm = fs.existsSync(wasmPath) ? fs.readFileSync(wasmPath) : null;
const sizes = {
  wasm_raw: wasm?.length ?? null,
  wasm_gzip: wasm ? zlib.gzipSync(wasm, { level: 9 }).length : null,
  wasm_brotli: wasm ? zlib.brotliCompressSync(wasm).length : null,
  js_glue_raw: fileSize(path.join(REPO, 'target/pkg/reply_coach.js')),
  zip_chrome: fileSize(path.join(REPO, 'dist/reply-coach-chrome.zip')),
  zip_firefox: fileSize(path.join(REPO, 'dist/reply-coach-firefox.zip')),
};

// --- formatting ----------------------------------------------------------------------
const us = (v) => (v == null ? '–' : v >= 10000 ? `${(v / 1000).toFixed(1)} ms` : v >= 1000 ? `${(v / 1000).toFixed(2)} ms` : `${v.toFixed(v < 10 ? 1 : 0)} µs`);
const ms = (v) => (v == null ? '–' : `${v.toFixed(1)} ms`);
const kib = (b) => (b == null ? '–' : `${(b / 1024).toFixed(0)} KiB`);
const x = (v) => (v == null ? '–' : `${v.toFixed(v < 10 ? 1 : 0)}×`);
const num = (n) => n.toLocaleString('en-US');
const status = (ok) => (ok == null ? '–' : ok ? '✅ met' : '❌ missed');
const times = (measured, target) => `${(measured / target).toFixed(1)}× the target`;

const lines = [];
const p = (...l) => lines.push(...l);

let commit = '';
try {
  commit = execSync('git rev-parse --short HEAD', { cwd: REPO }).toString().trim();
  if (execSync('git status --porcelain -- src data build.rs Cargo.toml', { cwd: REPO }).toString().trim()) commit += ' + uncommitted changes';
} catch { /* not a checkout */ }
const cpu = os.cpus()[0]?.model?.replace(/\s+/g, ' ') ?? 'unknown CPU';

// --- summary against the targets -----------------------------------------------------
const nat = (k) => native[k];
const x280 = ['x280/x280-nl', 'x280/x280-en'].map(nat).filter(Boolean);
const x280Worst = x280.length ? Math.max(...x280.map((c) => c.median_us)) : null;
const big = ['scale/en/100000', 'scale/nl/100000'].map(nat).filter(Boolean);
const bigWorst = big.length ? Math.max(...big.map((c) => c.median_us)) : null;
const ratios = node ? Object.values(node.classes).map((c) => c.ratio_median) : [];
const ratioWorst = ratios.length ? Math.min(...ratios) : null;
const lowest = (k) => (node ? Math.min(...Object.values(node.classes).map((c) => c[k]).filter((v) => v != null)) : null);
const [interWorst, coldWorst] = [lowest('ratio_interleaved_median'), lowest('ratio_cold_median')];
const keyP95 = browser?.keystroke ? Math.max(...browser.keystroke.map((k) => k.p95_ms)) : null;
const cold = browser?.cold?.median_ms ?? null;

p('# Reply Coach benchmarks', '',
  `\`make bench\` on ${new Date().toISOString().slice(0, 10)}, commit ${commit || '?'}; ${cpu}, ${os.cpus().length} cores` +
  (timing?.load ? `, load average ${timing.load} at the start (other work was running)` : '') + '.',
  'Regenerate with `make bench` (it rewrites this file, `results.json` and `chart.svg`). Methods: ' +
  '[benches/engine.rs](../benches/engine.rs), [scripts/bench/](../scripts/bench/).', '',
  '![latency against reply length](chart.svg)', '',
  '## Against the targets', '',
  '| measure | target | measured | |', '|---|---|---|---|',
  `| native, 280-character reply on X with its post, median (worse of nl/en) | ≤ 50 µs | ${us(x280Worst)} | ${status(x280Worst == null ? null : x280Worst <= 50)}${x280Worst > 50 ? ` (${times(x280Worst, 50)})` : ''} |`,
  `| native, 100,000 characters, median (worse of nl/en) | ≤ 20 ms | ${us(bigWorst)} | ${status(bigWorst == null ? null : bigWorst <= 20000)}${bigWorst > 20000 ? ` (${times(bigWorst, 20000)})` : ''} |`,
  `| wasm in Node vs write-good + alex, per reply (lowest class median; each tool timed warm, see section 2) | ≥ 20× faster | ${ratioWorst == null ? '–' : ratioWorst >= 1 ? `${x(ratioWorst)} faster` : `${x(1 / ratioWorst)} slower`} | ${status(ratioWorst == null ? null : ratioWorst >= 20)} |`,
  `| the same, every call cold (after a 5 ms idle) / interleaved | – | ${x(coldWorst)} / ${x(interWorst)} | see section 2 |`,
  `| keystroke → updated badge, p95 (worse of X/Facebook demo) | ≤ 16 ms | ${ms(keyP95)} | ${status(keyP95 == null ? null : keyP95 <= 16)} |`,
  `| cold start (worker stopped → badge), median of ${browser?.cold?.runs ?? '–'} | ≤ 150 ms | ${ms(cold)} | ${status(cold == null ? null : cold <= 150)} |`,
  `| \`.wasm\` raw | ≤ 600 KB (600,000 bytes) | ${kib(sizes.wasm_raw)} (${sizes.wasm_raw == null ? '–' : num(sizes.wasm_raw)} bytes) | ${status(sizes.wasm_raw == null ? null : sizes.wasm_raw <= 600000)} |`,
  `| \`.wasm\` gzipped (-9) | ≤ 200 KB (200,000 bytes) | ${kib(sizes.wasm_gzip)} (${sizes.wasm_gzip == null ? '–' : num(sizes.wasm_gzip)} bytes) | ${status(sizes.wasm_gzip == null ? null : sizes.wasm_gzip <= 200000)} |`,
  '');

// --- 1. native -----------------------------------------------------------------------
p('## 1. Engine, native', '',
  'One full `reply_coach::analyze` (post + reply → report, rewrite included), release profile ' +
  '(`opt-level = 3`, LTO; the shipped wasm uses `opt-level = "s"`, see Cargo.toml). [divan](https://docs.rs/divan) drives the sampling, one call per sample; ' +
  'each call is timed, so median and p99 are per call. p99 on a shared 2-core machine includes ' +
  'interference from other processes.', '',
  '| case | reply chars | median | p99 | µs per 1,000 chars (median) | calls |', '|---|---|---|---|---|---|');
const label = {
  'class/x-nl': 'X replies, nl (real, round-robin)', 'class/x-en': 'X replies, en (real, round-robin)',
  'class/fb-nl': 'Facebook comments, nl (real + composed up to 5,000 chars)', 'class/fb-en': 'Facebook comments, en (real + composed up to 5,000 chars)',
  'x280/x280-nl': '280-char reply on X with post, nl', 'x280/x280-en': '280-char reply on X with post, en',
};
const order = Object.keys(native).sort((a, b) => {
  const rank = (k) => (k.startsWith('class/') ? 0 : k.startsWith('x280/') ? 1 : k.startsWith('without_rewrite/') ? 3 : 2);
  return rank(a) - rank(b) || (native[a].chars - native[b].chars) || a.localeCompare(b);
});
for (const k of order) {
  const c = native[k];
  const name = label[k] ?? (k.startsWith('scale/') ? `scaling, ${k.split('/')[1]}, ${num(Number(k.split('/')[2]))}` : k.startsWith('without_rewrite/') ? `${k.replace('without_rewrite/', '')}, **without the rewrite**` : k);
  p(`| ${name} | ${num(c.chars)}${k.startsWith('class/') ? ' (mean)' : ''} | ${us(c.median_us)} | ${us(c.p99_us)} | ${(c.median_us / c.chars * 1000).toFixed(0)} | ${num(c.n)} |`);
}
p('');

// --- profile -------------------------------------------------------------------------
const instructions = (() => {
  try { return JSON.parse(fs.readFileSync(path.join(T, 'instructions.json'), 'utf8')); } catch { return null; }
})();
if (instructions) {
  p('### Instructions per analysis', '',
    'Counted by callgrind ([scripts/bench/instructions.sh](../scripts/bench/instructions.sh)): the same ' +
    'for the same binary and input whatever else the machine does, so runs on a loaded machine ' +
    'compare (wall-clock medians on this shared VM moved by up to 1.5× between runs).', '',
    '| case | instructions per analysis |', '|---|---|',
    ...Object.entries(instructions).map(([k, v]) => `| ${k} | ${num(v)} |`), '');
}

const prof = (name) => {
  const f = path.join(T, `profile-${name}.txt`);
  return fs.existsSync(f) ? fs.readFileSync(f, 'utf8').trim().split('\n').slice(0, 12) : null;
};
const px = prof('x280');
const pb = prof('100k');
if (px || pb) {
  p('### Where the native time goes', '',
    '`perf record` on the benchmark binary (self time per function, top entries; ' +
    '[scripts/bench/profile.sh](../scripts/bench/profile.sh)).', '');
  const rows = Math.max(px?.length ?? 0, pb?.length ?? 0);
  p('| 280-char reply (x280) | 100,000 chars (scaling en) |', '|---|---|');
  const cell = (l) => (l ? `\`${l.replace(/\|/g, '\\|').replace(/`/g, "'").slice(0, 90)}\`` : '');
  for (let i = 0; i < rows; i++) p(`| ${cell(px?.[i])} | ${cell(pb?.[i])} |`);
  p('');
}

// --- 2. wasm vs peers ----------------------------------------------------------------
if (node) {
  p('## 2. Engine in wasm (Node) vs write-good and alex', '',
    `Node ${node.node}, one process, the same reply texts; per reply the median of ${node.rounds} rounds, ` +
    'then the median over the replies of a class. The engine does the whole analysis (post reading, ' +
    'strategies, voice, rules, rewrite) in both languages; write-good and alex lint English prose only ' +
    `(they run on the Dutch replies too). wasm initialisation (compile + instantiate) took ${ms(node.wasm_init_ms)}.`, '',
    '| class | replies | median chars | wasm `analyze` | write-good | alex | write-good + alex | ratio (peers / wasm) | lowest ratio | interleaved: wasm | ratio | cold: wasm | peers | ratio |',
    '|---|---|---|---|---|---|---|---|---|---|---|---|---|---|');
  for (const [id, c] of Object.entries(node.classes)) {
    p(`| ${id} | ${c.replies} | ${num(Math.round(c.chars_median))} | ${us(c.wasm_us)} | ${us(c.write_good_us)} | ${us(c.alex_us)} | ${us(c.peers_us)} | ${x(c.ratio_median)} | ${x(c.ratio_min)} | ${us(c.wasm_interleaved_us)} | ${x(c.ratio_interleaved_median)} | ${us(c.wasm_cold_us)} | ${us(c.peers_cold_us)} | ${x(c.ratio_cold_median)} |`);
  }
  p('', 'Three ways to time the same calls ([scripts/bench/node.mjs](../scripts/bench/node.mjs)):', '',
    `- **Steady** (the first columns, and the target): each tool runs over all the replies of a class in a block, warm, ` +
    `as a benchmark harness times one function; the order of the blocks rotates every round (${node.rounds} rounds), so ` +
    'a drift of the machine lands on every tool alike.',
    '- **Interleaved**: each reply goes through wasm, write-good and alex in turn. This was the method until ' +
    'the measurements below: it is asymmetric, since the engine always runs right after alex\'s 2–5 ms.',
    `- **Cold**: every call of every tool after the same ${node.cold_idle_ms} ms idle (${node.cold_rounds} rounds), as a keystroke after a pause ` +
    'finds the machine.', '',
    'On this VM any gap before a call (idle, or other work) makes that call pay for caches and wake-up. ' +
    'The engine over the x-nl replies, median per call, by what came just before the call: ' +
    (node.gap ?? []).map((g) => `${g.before}, ${us(g.wasm_us)}`).join('; ') + '. ' +
    'Arithmetic evicts next to nothing from memory, so this is not only cache. The peers pay it too, but a fixed ' +
    'cost weighs most on the fastest tool, so cold and interleaved ratios are lower than steady ones. ' +
    'The cold column is what the first analysis after a pause in typing sees; the keystroke → badge ' +
    'numbers in section 3 include it.');
  const wprof = path.join(T, 'profile-wasm.txt');
  if (fs.existsSync(wprof)) {
    const rows = fs.readFileSync(wprof, 'utf8').trim().split('\n').slice(0, 14);
    p('', 'Where the wasm time goes: V8\'s CPU profile (`node --cpu-prof`) of the engine alone over the ' +
      'X and Facebook replies, self time per function (a copy of the wasm with its name section; ' +
      '[scripts/bench/wasm-profile.mjs](../scripts/bench/wasm-profile.mjs)):', '',
      '| self time | function |', '|---|---|',
      ...rows.map((r) => { const [pct, ...f] = r.split(' '); return `| ${pct} | \`${f.join(' ').replace(/`/g, "'")}\` |`; }));
  }
  p('', '| scaling (wasm in Node) | ' + (node.scale['scale-en'] ?? []).map((s) => num(s.chars)).join(' | ') + ' |',
    '|---|' + (node.scale['scale-en'] ?? []).map(() => '---|').join(''));
  for (const [id, rows] of Object.entries(node.scale)) p(`| ${id} median | ${rows.map((s) => us(s.median_us)).join(' | ')} |`);
  const wn = node.scale['scale-en']?.find((s) => s.chars >= 99000);
  const nn = native['scale/en/100000'];
  if (wn && nn) p('', `wasm vs native at 100,000 characters (en): ${x(wn.median_us / nn.median_us)} slower.`);
  p('');
}

// --- 3. browser ----------------------------------------------------------------------
if (browser) {
  p('## 3. In the browser', '',
    'Debian Chromium (new headless) with the unpacked extension (dist/chrome-dev) on the demo pages ' +
    '(strict CSP). A paragraph is typed key by key with `page.keyboard`; the page stamps each keydown ' +
    '(`event.timeStamp`) and a MutationObserver on the badge (open shadow root) stamps the moment it ' +
    'shows the analysis of the new draft; "next frame" is the animation frame after that.', '',
    '| page | keystrokes | keystroke → badge p50 | p95 | max | → next frame p50 | p95 | of which keystroke → coach sees the change, p50 / p95 |', '|---|---|---|---|---|---|---|---|');
  for (const k of browser.keystroke ?? []) {
    p(`| ${k.site} (${k.lang}) | ${k.measured}/${k.keys} | ${ms(k.p50_ms)} | ${ms(k.p95_ms)} | ${ms(k.max_ms)} | ${ms(k.frame_p50_ms)} | ${ms(k.frame_p95_ms)} | ${ms(k.seen_p50_ms)} / ${ms(k.seen_p95_ms)} |`);
  }
  const c = browser.cold;
  const m = browser.memory ?? {};
  p('', '| measure | value |', '|---|---|',
    `| cold start: worker stopped (chrome://serviceworker-internals) → keystroke → badge | median ${ms(c?.median_ms)}, max ${ms(c?.max_ms)} over ${c?.runs} runs |`,
    `| worker JS heap (CDP \`Runtime.getHeapUsage\`, after GC) | ${m.js_heap_used_mb?.toFixed(2) ?? '–'} MB used of ${m.js_heap_total_mb?.toFixed(2) ?? '–'} MB |`,
    `| worker wasm linear memory (\`WebAssembly.Memory\` objects) | ${m.wasm_memory_mb?.toFixed(2) ?? '–'} MB |`,
    `| extension process, proportional set size (whole renderer) | ${m.process_pss_mb?.toFixed(1) ?? '–'} MB |`,
    '');
  if (m.cdp_error) p(`(CDP on the worker failed: ${m.cdp_error})`, '');
}

// --- 4. size -------------------------------------------------------------------------
p('## 4. Size', '', '| artefact | size |', '|---|---|',
  `| \`reply_coach_bg.wasm\` raw | ${kib(sizes.wasm_raw)} (${sizes.wasm_raw == null ? '–' : num(sizes.wasm_raw)} bytes) |`,
  `| \`reply_coach_bg.wasm\` gzip -9 | ${kib(sizes.wasm_gzip)} |`,
  `| \`reply_coach_bg.wasm\` brotli | ${kib(sizes.wasm_brotli)} |`,
  `| \`reply_coach.js\` (wasm-bindgen glue) | ${kib(sizes.js_glue_raw)} |`,
  `| extension zip, Chrome (\`dist/reply-coach-chrome.zip\`) | ${kib(sizes.zip_chrome)} |`,
  `| extension zip, Firefox | ${kib(sizes.zip_firefox)} |`, '');

if (corpus) {
  p('## Corpus', '', `Built by [scripts/bench/corpus.mjs](../scripts/bench/corpus.mjs) from ${corpus.sources.join(' and ')}: ` +
    corpus.classes.map((c) => `${c.id} (${c.exchanges.length}, ${Math.min(...c.chars)}–${Math.max(...c.chars)} chars)`).join(', ') +
    '. Composed replies reuse the sentences of the real replies, opened and signed like their source reply.', '');
}
if (timing?.seconds) p(`\`make bench\` took ${Math.round(timing.seconds)} s on this machine.`, '');

// --- chart ---------------------------------------------------------------------------
function chart() {
  const W = 960, H = 400, PAD = { l: 64, r: 16, t: 40, b: 48 }, GAP = 70;
  const pw = (W - PAD.l - PAD.r - GAP) / 2, ph = H - PAD.t - PAD.b;
  const series = [];
  for (const lang of ['en', 'nl']) {
    const pts = Object.entries(native).filter(([k]) => k.startsWith(`scale/${lang}/`)).map(([, c]) => [c.chars, c.median_us]).sort((a, b) => a[0] - b[0]);
    if (pts.length) series.push({ name: `native ${lang}`, pts, color: lang === 'en' ? '#1f77b4' : '#ff7f0e', dash: '' });
    const w = node?.scale?.[`scale-${lang}`]?.map((s) => [s.chars, s.median_us]);
    if (w?.length) series.push({ name: `wasm (Node) ${lang}`, pts: w, color: lang === 'en' ? '#1f77b4' : '#ff7f0e', dash: '6 4' });
  }
  const all = series.flatMap((s) => s.pts);
  if (!all.length) return null;
  const lx = (v) => Math.log10(v);
  const xMin = 2, xMax = 5; // 100 .. 100,000 chars
  const yVals = all.map((q) => q[1]).concat([50, 20000]);
  const yMin = Math.floor(lx(Math.min(...yVals))), yMax = Math.ceil(lx(Math.max(...yVals)));
  const X = (v, ox) => ox + ((lx(v) - xMin) / (xMax - xMin)) * pw;
  const Y = (v) => PAD.t + ph - ((lx(v) - yMin) / (yMax - yMin)) * ph;
  const o = [];
  o.push(`<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}" font-family="system-ui,sans-serif" font-size="12">`);
  o.push(`<rect width="${W}" height="${H}" fill="#fff"/>`);
  const axes = (ox, title, yTicks, yFmt, YY) => {
    o.push(`<text x="${ox + pw / 2}" y="${PAD.t - 16}" text-anchor="middle" font-weight="600" font-size="13">${title}</text>`);
    o.push(`<rect x="${ox}" y="${PAD.t}" width="${pw}" height="${ph}" fill="none" stroke="#999"/>`);
    for (let e = xMin; e <= xMax; e++) {
      const xx = X(10 ** e, ox);
      o.push(`<line x1="${xx}" y1="${PAD.t}" x2="${xx}" y2="${PAD.t + ph}" stroke="#eee"/>`);
      o.push(`<text x="${xx}" y="${PAD.t + ph + 16}" text-anchor="middle">${num(10 ** e)}</text>`);
    }
    o.push(`<text x="${ox + pw / 2}" y="${H - 10}" text-anchor="middle">reply length (characters, log scale)</text>`);
    for (const t of yTicks) {
      const yy = YY(t);
      o.push(`<line x1="${ox}" y1="${yy}" x2="${ox + pw}" y2="${yy}" stroke="#eee"/>`);
      o.push(`<text x="${ox - 6}" y="${yy + 4}" text-anchor="end">${yFmt(t)}</text>`);
    }
  };
  const fmtT = (v) => (v >= 1000 ? `${v / 1000} ms` : `${v} µs`);
  // left: median latency, log-log
  const ticks = [];
  for (let e = yMin; e <= yMax; e++) ticks.push(10 ** e);
  axes(PAD.l, 'Median latency of one analysis (log-log)', ticks, fmtT, Y);
  // targets
  for (const [cx, cy, t] of [[280, 50, 'target 50 µs @ 280'], [100000, 20000, 'target 20 ms @ 100k']]) {
    o.push(`<circle cx="${X(cx, PAD.l)}" cy="${Y(cy)}" r="6" fill="none" stroke="#d62728" stroke-width="2"/>`);
    o.push(`<text x="${X(cx, PAD.l) + (cx > 1000 ? -8 : 8)}" y="${Y(cy) + 18}" fill="#d62728" text-anchor="${cx > 1000 ? 'end' : 'start'}">${t}</text>`);
  }
  // linear reference (slope 1) through native en at ~1,000 chars
  const ref = series.find((s) => s.name === 'native en')?.pts.find((q) => q[0] >= 900);
  if (ref) {
    const k = ref[1] / ref[0];
    o.push(`<line x1="${X(100, PAD.l)}" y1="${Y(k * 100)}" x2="${X(100000, PAD.l)}" y2="${Y(k * 100000)}" stroke="#999" stroke-dasharray="2 3"/>`);
    o.push(`<text x="${X(100000, PAD.l) - 4}" y="${Y(k * 100000) - 6}" text-anchor="end" fill="#777">linear</text>`);
  }
  for (const s of series) {
    o.push(`<polyline fill="none" stroke="${s.color}" stroke-width="2" ${s.dash ? `stroke-dasharray="${s.dash}"` : ''} points="${s.pts.map(([a, b]) => `${X(a, PAD.l).toFixed(1)},${Y(b).toFixed(1)}`).join(' ')}"/>`);
    for (const [a, b] of s.pts) o.push(`<circle cx="${X(a, PAD.l).toFixed(1)}" cy="${Y(b).toFixed(1)}" r="2.5" fill="${s.color}"/>`);
  }
  // right: µs per 1,000 chars (native), log x, linear y from 0
  const ox2 = PAD.l + pw + GAP;
  const per = series.filter((s) => s.name.startsWith('native')).map((s) => ({ ...s, pts: s.pts.map(([a, b]) => [a, (b / a) * 1000]) }));
  const pMax = Math.max(200, ...per.flatMap((s) => s.pts.map((q) => q[1])));
  const step = 10 ** Math.floor(Math.log10(pMax / 2));
  const top = Math.ceil(pMax / step) * step;
  const Y2 = (v) => PAD.t + ph - (v / top) * ph;
  const t2 = [];
  for (let v = 0; v <= top + 1e-9; v += top / 5) t2.push(v);
  axes(ox2, 'Native: µs per 1,000 characters (flat = linear)', t2, (v) => `${Math.round(v)}`, Y2);
  o.push(`<line x1="${ox2}" y1="${Y2(200)}" x2="${ox2 + pw}" y2="${Y2(200)}" stroke="#d62728" stroke-dasharray="6 3"/>`);
  o.push(`<text x="${ox2 + pw - 4}" y="${Y2(200) - 5}" text-anchor="end" fill="#d62728">200 µs/1k = 20 ms per 100k target</text>`);
  for (const s of per) {
    o.push(`<polyline fill="none" stroke="${s.color}" stroke-width="2" points="${s.pts.map(([a, b]) => `${X(a, ox2).toFixed(1)},${Y2(b).toFixed(1)}`).join(' ')}"/>`);
    for (const [a, b] of s.pts) o.push(`<circle cx="${X(a, ox2).toFixed(1)}" cy="${Y2(b).toFixed(1)}" r="2.5" fill="${s.color}"/>`);
  }
  // legend
  let lxp = PAD.l + 8;
  for (const s of series) {
    o.push(`<line x1="${lxp}" y1="${PAD.t + 12}" x2="${lxp + 22}" y2="${PAD.t + 12}" stroke="${s.color}" stroke-width="2" ${s.dash ? `stroke-dasharray="${s.dash}"` : ''}/>`);
    o.push(`<text x="${lxp + 26}" y="${PAD.t + 16}">${s.name}</text>`);
    lxp += 26 + s.name.length * 6.6 + 12;
  }
  o.push('</svg>');
  return o.join('\n');
}

fs.mkdirSync(OUT, { recursive: true });
fs.writeFileSync(path.join(OUT, 'RESULTS.md'), lines.join('\n'));
fs.writeFileSync(path.join(OUT, 'results.json'), JSON.stringify({ commit, cpu, native, node, browser, sizes, timing }, null, 2));
const svg = chart();
if (svg) fs.writeFileSync(path.join(OUT, 'chart.svg'), svg);
console.log(`wrote ${['bench/RESULTS.md', 'bench/results.json', svg && 'bench/chart.svg'].filter(Boolean).join(', ')}`);
