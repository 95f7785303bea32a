// Builds the extension from extension/ and the engine's wasm package (target/pkg, made by
// `make wasm`), read where it is: nothing is written inside extension/.
// background.js imports the engine as 'reply-coach-engine' (typed by
// extension/types/engine.d.ts); the bundle resolves that name to the package's
// reply_coach.js, and the package's .wasm is copied into each build's pkg/.
//   dist/chrome/          unpacked MV3 extension for Chromium browsers (store build)
//   dist/firefox/         unpacked build for Firefox (background scripts, gecko id)
//   dist/chrome-dev/, dist/firefox-dev/
//                         as the store builds, plus host access to http://127.0.0.1 and
//                         http://localhost so they run on the demo pages (tests, `make demo`)
//   dist/reply-coach-chrome.zip, dist/reply-coach-firefox.zip   (store builds only)
//   dist/demo/            the bundled demo pages
// Usage: node scripts/extension/build.mjs [--pkg DIR]
import * as esbuild from 'esbuild';
import fs from 'node:fs/promises';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { zipDirectory } from './zip.mjs';
import { drawIcon } from './icons.mjs';
import { buildDemo } from './build-demo.mjs';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const src = path.join(repo, 'extension');
const dist = path.join(repo, 'dist');

export const STORE_HOSTS = [
  'https://x.com/*', 'https://twitter.com/*', 'https://mobile.twitter.com/*',
  'https://facebook.com/*', 'https://www.facebook.com/*', 'https://m.facebook.com/*', 'https://web.facebook.com/*',
];
export const DEV_HOSTS = ['http://127.0.0.1/*', 'http://localhost/*'];
export const GECKO_ID = 'reply-coach@reply-coach.invalid';

const TARGETS = {
  chrome: { browser: 'chrome', hosts: STORE_HOSTS, zip: 'reply-coach-chrome.zip' },
  firefox: { browser: 'firefox', hosts: STORE_HOSTS, zip: 'reply-coach-firefox.zip' },
  'chrome-dev': { browser: 'chrome', hosts: [...STORE_HOSTS, ...DEV_HOSTS], zip: null, dev: true },
  'firefox-dev': { browser: 'firefox', hosts: [...STORE_HOSTS, ...DEV_HOSTS], zip: null, dev: true },
};

function arg(name) {
  const i = process.argv.indexOf(name);
  return i > 0 ? process.argv[i + 1] : undefined;
}

function version() {
  const cargo = readFileSync(path.join(repo, 'Cargo.toml'), 'utf8');
  return cargo.match(/^version\s*=\s*"(\d+\.\d+\.\d+)/m)?.[1] ?? '0.1.0';
}

function manifestFor(target, ver) {
  const tpl = JSON.parse(readFileSync(path.join(src, 'manifest.template.json'), 'utf8'));
  const m = { ...tpl, version: ver, host_permissions: target.hosts };
  m.content_scripts = tpl.content_scripts.map((cs) => ({ ...cs, matches: target.hosts }));
  if (target.browser === 'firefox') {
    m.background = { scripts: ['background.js'] };
    m.browser_specific_settings = {
      gecko: { id: GECKO_ID, strict_min_version: '142.0', data_collection_permissions: { required: ['none'] } },
    };
  } else {
    m.background = { service_worker: 'background.js' };
    m.minimum_chrome_version = '116';
  }
  if (target.dev) m.name = 'Reply Coach (dev)';
  return m;
}

// The engine package's two files; throws when `make wasm` has not made them.
function enginePackage(pkgDir) {
  const js = path.join(pkgDir, 'reply_coach.js');
  const wasm = path.join(pkgDir, 'reply_coach_bg.wasm');
  if (!existsSync(js) || !existsSync(wasm)) {
    throw new Error(`engine package missing: ${js} and ${wasm} (run \`make wasm\` first)`);
  }
  return { js, wasm };
}

async function bundle(outdir, engine) {
  await esbuild.build({
    entryPoints: {
      background: path.join(src, 'background.js'),
      content: path.join(src, 'content/main.js'),
      'options/options': path.join(src, 'options/options.js'),
      'popup/popup': path.join(src, 'popup/popup.js'),
      'welcome/welcome': path.join(src, 'welcome/welcome.js'),
    },
    bundle: true,
    alias: { 'reply-coach-engine': engine.js },
    format: 'iife',
    outdir,
    target: ['chrome116', 'firefox142'],
    minify: false,
    legalComments: 'none',
    charset: 'utf8',
    logLevel: 'warning',
    // wasm-bindgen's default URL uses import.meta.url; we always pass the URL explicitly.
    logOverride: { 'empty-import-meta': 'silent' },
  });
}

async function buildTarget(name, target, ver, icons, engine) {
  const out = path.join(dist, name);
  await fs.rm(out, { recursive: true, force: true });
  await fs.mkdir(out, { recursive: true });
  await bundle(out, engine);
  await fs.cp(path.join(src, '_locales'), path.join(out, '_locales'), { recursive: true });
  for (const f of ['options/options.html', 'options/options.css', 'popup/popup.html', 'popup/popup.css',
    'welcome/welcome.html', 'welcome/welcome.css', 'shared/page.css']) {
    await fs.mkdir(path.dirname(path.join(out, f)), { recursive: true });
    await fs.copyFile(path.join(src, f), path.join(out, f));
  }
  await fs.mkdir(path.join(out, 'pkg'), { recursive: true });
  await fs.copyFile(engine.wasm, path.join(out, 'pkg/reply_coach_bg.wasm'));
  await fs.mkdir(path.join(out, 'icons'), { recursive: true });
  for (const [size, png] of icons) await fs.writeFile(path.join(out, `icons/icon-${size}.png`), png);
  await fs.writeFile(path.join(out, 'manifest.json'), `${JSON.stringify(manifestFor(target, ver), null, 2)}\n`);
  if (target.zip) await zipDirectory(out, path.join(dist, target.zip));
}

export async function build({ pkgDir = path.join(repo, 'target/pkg'), demo = true } = {}) {
  const t0 = Date.now();
  await fs.mkdir(dist, { recursive: true });
  const engine = enginePackage(pkgDir);
  const icons = [16, 32, 48, 128].map((s) => [s, drawIcon(s)]);
  const ver = version();
  for (const [name, target] of Object.entries(TARGETS)) await buildTarget(name, target, ver, icons, engine);
  if (demo) await buildDemo();
  return Date.now() - t0;
}

if (path.resolve(process.argv[1] ?? '') === fileURLToPath(import.meta.url)) {
  try {
    const ms = await build({ pkgDir: arg('--pkg') ? path.resolve(arg('--pkg')) : undefined, demo: !process.argv.includes('--no-demo') });
    console.log(`extension built in ${ms} ms: dist/chrome dist/firefox (+ -dev builds for the demo pages), dist/reply-coach-chrome.zip dist/reply-coach-firefox.zip, dist/demo`);
  } catch (e) {
    console.error(`build failed: ${e.message}`);
    process.exit(1);
  }
}
