// Bundles the demo pages (real Draft.js + React 17, real Lexical) into dist/demo/.
import * as esbuild from 'esbuild';
import fs from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const src = path.join(repo, 'demo/site');
const out = path.join(repo, 'dist/demo');

export async function buildDemo() {
  const t0 = Date.now();
  await fs.rm(out, { recursive: true, force: true });
  await fs.mkdir(out, { recursive: true });
  await fs.cp(path.join(src, 'public'), out, { recursive: true });
  await esbuild.build({
    entryPoints: { x: path.join(src, 'src/x.jsx'), facebook: path.join(src, 'src/facebook.js') },
    bundle: true, format: 'iife', outdir: out, minify: false, sourcemap: false, target: 'chrome110',
    jsx: 'transform', loader: { '.js': 'jsx' },
    define: { 'process.env.NODE_ENV': '"production"', global: 'window' },
    conditions: ['production'], logLevel: 'warning', legalComments: 'none',
  });
  return Date.now() - t0;
}

if (path.resolve(process.argv[1] ?? '') === fileURLToPath(import.meta.url)) {
  const ms = await buildDemo();
  console.log(`demo pages built in dist/demo (${ms} ms)`);
}
