// Builds the benchmark corpus (target/bench/corpus.json) from realistic exchanges:
// demo/sample.jsonl and, when present, ../shared/eval/dev.jsonl. The native benchmark
// (benches/engine.rs), the wasm-vs-peers run (scripts/bench/node.mjs) and the browser
// run read the same file, so every part measures the same texts.
//
// Classes:
//   x-nl, x-en      the real X replies (one per exchange, with their post)
//   fb-nl, fb-en    the real Facebook replies plus longer comments composed from the
//                   sentences of the real replies (600 to 5,000 characters)
//   x280-nl/-en     one reply of 280 characters on X, with its post (the target case)
//   scale-nl/-en    one reply per length, 100 to 100,000 characters (Facebook, with post)
//
// Deterministic: the same inputs give the same corpus (no randomness, no clock).
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const SOURCES = [
  path.join(REPO, 'demo/sample.jsonl'),
  process.env.DEV_SET ?? path.resolve(REPO, '../shared/eval/dev.jsonl'),
];
export const SCALE_SIZES = [100, 280, 1000, 3000, 10000, 30000, 100000];
const FB_SIZES = [600, 1200, 2000, 3000, 4000, 5000];
const MAX_REPLY_UNITS = 100000;

function readLines(file) {
  if (!fs.existsSync(file)) return [];
  return fs.readFileSync(file, 'utf8').split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l));
}

// The reply's language by its function words (a few dev lines answer in the other
// language on purpose; the id does not say which).
const NL = new Set('de het een en je jij u uw ik we wij is niet dat van op voor met naar dan ook nog er maar zijn kun kunt heb hebt'.split(' '));
const EN = new Set('the a an and you your i we is not that of on for with to then also still there but are can have has'.split(' '));
function langOf(text) {
  let nl = 0, en = 0;
  for (const w of text.toLowerCase().match(/[a-zà-ÿ']+/g) ?? []) { if (NL.has(w)) nl++; if (EN.has(w)) en++; }
  return nl > en ? 'nl' : 'en';
}

function toExchange(line, reply = line.reply?.text ?? '', platform = line.platform ?? 'x') {
  const post = line.post ? {
    text: line.post.text,
    author: line.post.author ?? null,
    age_minutes: line.post.age_minutes ?? null,
  } : null;
  const profile = {};
  if (line.agent?.name) profile.agent_name = line.agent.name;
  if (line.agent?.initials) profile.agent_initials = line.agent.initials;
  return { post, reply, platform, profile };
}

// Sentences of the real replies, split into the opening (greeting + first sentence),
// the body and the closing (signature), so longer replies read like one reply.
function sentencePool(lines) {
  const body = [];
  for (const l of lines) {
    const parts = (l.reply?.text ?? '').split(/(?<=[.!?])\s+/).map((s) => s.trim()).filter(Boolean);
    // the last part usually carries the signature (^Pim, - Pim, Groet, Lotte): keep it out
    for (const s of parts.slice(1, -1)) body.push(s);
  }
  return body;
}

// A reply of at most `size` UTF-16 units (as close below as a sentence boundary allows;
// the last sentence is cut at a word boundary when needed).
function compose(opening, body, closing, size) {
  let out = opening;
  let i = 0;
  let inPara = 1;
  const room = size - closing.length - 1;
  while (out.length < room) {
    const s = body[i % body.length];
    i++;
    const sep = inPara >= 4 ? '\n\n' : ' ';
    inPara = inPara >= 4 ? 1 : inPara + 1;
    if (out.length + sep.length + s.length > room) {
      const cut = s.slice(0, Math.max(0, room - out.length - sep.length));
      const word = cut.replace(/\s+\S*$/, '');
      if (word.length > 20) out += sep + word.replace(/[,;:]$/, '') + '.';
      break;
    }
    out += sep + s;
  }
  const all = closing ? `${out} ${closing}` : out;
  return all.length <= size ? all : all.slice(0, size).replace(/\s+\S*$/, '');
}

export function buildCorpus() {
  const lines = SOURCES.flatMap(readLines).filter((l) => l.reply?.text?.trim());
  const sources = SOURCES.filter((f) => fs.existsSync(f)).map((f) => path.relative(REPO, f));
  const classes = [];
  for (const lang of ['nl', 'en']) {
    const mine = lines.filter((l) => langOf(l.reply.text) === lang);
    const x = mine.filter((l) => (l.platform ?? 'x') === 'x');
    const fbReal = mine.filter((l) => l.platform === 'facebook');
    const body = sentencePool(mine);
    // Long comments: each answers a real Facebook post, opens like its real reply and
    // closes with its signature.
    const fbLong = FB_SIZES.map((size, k) => {
      const base = fbReal[k % fbReal.length] ?? mine[k % mine.length];
      const parts = base.reply.text.split(/(?<=[.!?])\s+/);
      const opening = parts[0];
      const closing = parts.length > 1 ? parts[parts.length - 1] : '';
      const rotated = body.slice(k * 3).concat(body.slice(0, k * 3));
      return toExchange(base, compose(opening, rotated, closing, size), 'facebook');
    });
    classes.push({ id: `x-${lang}`, lang, kind: 'x', exchanges: x.map((l) => toExchange(l)) });
    classes.push({
      id: `fb-${lang}`, lang, kind: 'facebook',
      exchanges: [...fbReal.map((l) => toExchange(l, l.reply.text, 'facebook')), ...fbLong],
    });
    // The target case: 280 characters on X, with its post (a complaint).
    const head = x.filter((l) => l.post && l.reply.text.length <= 200).sort((a, b) => b.reply.text.length - a.reply.text.length)[0] ?? x[0];
    const hp = head.reply.text.split(/(?<=[.!?])\s+/);
    classes.push({
      id: `x280-${lang}`, lang, kind: 'x280',
      exchanges: [toExchange(head, compose(hp[0], body, hp.length > 1 ? hp[hp.length - 1] : '', 280), 'x')],
    });
    classes.push({
      id: `scale-${lang}`, lang, kind: 'scale',
      exchanges: SCALE_SIZES.map((size) => toExchange(head, compose(hp[0], body, hp.length > 1 ? hp[hp.length - 1] : '', Math.min(size, MAX_REPLY_UNITS)), 'facebook')),
    });
  }
  for (const c of classes) {
    c.chars = c.exchanges.map((e) => e.reply.length);
  }
  return { sources, scale_sizes: SCALE_SIZES, classes };
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const out = process.argv[2] ?? path.join(REPO, 'target/bench/corpus.json');
  const corpus = buildCorpus();
  fs.mkdirSync(path.dirname(out), { recursive: true });
  fs.writeFileSync(out, JSON.stringify(corpus));
  for (const c of corpus.classes) {
    console.log(`${c.id.padEnd(9)} ${String(c.exchanges.length).padStart(3)} replies, chars ${Math.min(...c.chars)}..${Math.max(...c.chars)}`);
  }
  console.log(`corpus: ${path.relative(REPO, out)} (from ${corpus.sources.join(', ')})`);
}
