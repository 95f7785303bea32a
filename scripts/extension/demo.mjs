// `make demo-extension`: serves the demo pages (strict CSP) and opens Chromium with the
// dev build of the extension when a display exists. Headless, it shows the coach working
// once (a screenshot from headless Chromium) and prints how to load the extension by hand.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startServer } from '../../demo/site/server.mjs';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const devExt = path.join(repo, 'dist/chrome-dev');
const chromium = process.env.CHROMIUM ?? '/usr/bin/chromium';
const bold = (s) => (process.stdout.isTTY ? `\x1b[1m${s}\x1b[0m` : s);

let server;
try {
  server = await startServer({ port: Number(process.env.DEMO_PORT ?? 8765) });
} catch {
  server = await startServer({ port: 0 });
}
const pages = {
  'X, Dutch interface': `${server.origin}/x.html?lang=nl`,
  'X, English interface': `${server.origin}/x.html?lang=en`,
  'Facebook, Dutch interface': `${server.origin}/facebook.html?lang=nl`,
  'Facebook, English interface': `${server.origin}/facebook.html?lang=en`,
};
console.log(bold(`==> demo pages (strict CSP, no 'wasm-unsafe-eval') on ${server.origin}/`));
for (const [name, url] of Object.entries(pages)) console.log(`    ${name.padEnd(28)} ${url}`);

const display = process.env.DISPLAY || process.env.WAYLAND_DISPLAY;
if (display && fs.existsSync(chromium)) {
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'reply-coach-demo-'));
  console.log(bold('==> opening Chromium with the extension (dist/chrome-dev); close it to stop the demo'));
  const child = spawn(chromium, [
    `--user-data-dir=${profile}`, '--no-first-run', '--no-default-browser-check',
    `--disable-extensions-except=${devExt}`, `--load-extension=${devExt}`,
    pages['X, Dutch interface'], pages['Facebook, English interface'],
  ], { stdio: 'ignore' });
  child.on('exit', async () => {
    fs.rmSync(profile, { recursive: true, force: true });
    await server.close();
  });
} else {
  console.log(bold('==> no display: a quick look in headless Chromium'));
  try {
    const { chromium: pw } = await import('playwright-core');
    const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'reply-coach-demo-'));
    const ctx = await pw.launchPersistentContext(profile, {
      executablePath: chromium, headless: false, viewport: { width: 1280, height: 1100 },
      args: ['--headless=new', '--no-sandbox', '--disable-background-networking', '--disable-component-update', '--disable-sync',
        '--no-first-run', `--disable-extensions-except=${devExt}`, `--load-extension=${devExt}`],
    });
    const page = await ctx.newPage();
    await page.goto(pages['X, Dutch interface']);
    await page.click('[data-testid="tweetTextarea_0"]');
    await page.keyboard.type('Wij betreuren het ongemak. Stuur ons uw adres en telefoonnummer.', { delay: 5 });
    const badge = page.locator('[data-reply-coach="badge"]');
    await page.waitForFunction(() => document.querySelector('[data-reply-coach="host"]')?.shadowRoot
      ?.querySelector('[data-reply-coach="badge"]')?.dataset.state === 'ready', null, { timeout: 15000 });
    await badge.click();
    const rules = await page.locator('[data-reply-coach="panel"] [data-rule]').evaluateAll((els) => els.map((e) => e.dataset.rule));
    const shot = path.join(repo, 'dist/demo-x-panel.png');
    await page.screenshot({ path: shot });
    console.log(`    typed a Dutch reply on the X demo: badge ${await badge.textContent()}, findings: ${rules.join(', ')}`);
    console.log(`    screenshot: ${path.relative(process.cwd(), shot)}`);
    await ctx.close();
    fs.rmSync(profile, { recursive: true, force: true });
  } catch (e) {
    console.log(`    (headless look skipped: ${e.message.split('\n')[0]})`);
  }
  console.log(bold('==> to try it yourself on a machine with a browser'));
  console.log(`    Chrome/Chromium: open chrome://extensions, switch on Developer mode, "Load unpacked" and pick
                     ${devExt}   (dev build: also runs on 127.0.0.1 for these demo pages;
                     dist/chrome is the store build for x.com and facebook.com only)
    Firefox:         about:debugging#/runtime/this-firefox, "Load Temporary Add-on…", pick dist/firefox-dev/manifest.json
                     (and allow its site access under about:addons → Reply Coach → Permissions)
    then open the demo pages above (keep this server running: DEMO_SERVE=1 make demo-extension).`);
  if (process.env.DEMO_SERVE === '1' || (process.stdin.isTTY && process.env.CI !== 'true')) {
    console.log(bold('==> serving; Ctrl+C stops'));
  } else {
    await server.close();
  }
}
