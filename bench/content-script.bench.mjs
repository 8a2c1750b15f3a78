/**
 * Content-script cost on a page ticking 20 times a second (www.cnbc.com fixture, re-renders and all),
 * in headless Chromium with the built extension (needs dist/chrome: `npm run build:chrome`).
 * Prints the content script's main-thread time per minute of ticking (CDP sampling profiler: self
 * time of frames from the extension's content script) and its gzipped bundle size.
 * Usage: node bench/content-script.bench.mjs [seconds=20]
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:https';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';
import { createServer as createViteServer } from 'vite';

const ROOT = new URL('..', import.meta.url).pathname;
const DIST = join(ROOT, 'dist/chrome');
const SECONDS = Number(process.argv[2] ?? 20);
const HOST = 'www.cnbc.com';
const PAGE = readFileSync(join(ROOT, 'test/fixtures/pages', HOST, 'quotes.html'));

const tmp = mkdtempSync(join(tmpdir(), 'gexfocus-bench-'));
// The E2E harness's certificate maker (TypeScript, loaded through vite's module runner).
const vite = await createViteServer({
  root: ROOT,
  configFile: false,
  logLevel: 'error',
  appType: 'custom',
  server: { middlewareMode: true, hmr: false, watch: null },
});
const { makeCertificate } = await vite.ssrLoadModule('/test/e2e/harness/cert.ts');
await vite.close();
const certificate = makeCertificate(tmp, [HOST]);
const DRIVER = readFileSync(join(ROOT, 'test/fixtures/pages/_shared/fixture-driver.js'));
const server = createServer(certificate, (req, res) =>
  req.url?.startsWith('/_shared/fixture-driver.js')
    ? res.writeHead(200, { 'content-type': 'text/javascript' }).end(DRIVER)
    : res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(PAGE),
);
await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
const port = server.address().port;

/** Runs the page for SECONDS and returns [content-script ms, all JS ms, ticks seen]. */
async function measure(withExtension) {
  const profile = join(tmp, `profile-${withExtension}`);
  const args = [
    '--no-sandbox',
    '--disable-gpu',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-sync',
    '--ignore-certificate-errors',
    `--host-resolver-rules=MAP ${HOST} 127.0.0.1:${port}`,
  ];
  if (withExtension) args.push(`--disable-extensions-except=${DIST}`, `--load-extension=${DIST}`);
  const ctx = await chromium.launchPersistentContext(profile, {
    executablePath: '/usr/bin/chromium',
    headless: true,
    args,
  });
  try {
    const page = await ctx.newPage();
    await page.goto(`https://${HOST}/quotes/IBM?hz=20`);
    await page.waitForTimeout(1500); // content script start-up is not part of the steady state
    const cdp = await ctx.newCDPSession(page);
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
    await cdp.send('Profiler.start');
    const t0 = await page.evaluate(() => window.fixture.ticks);
    await page.waitForTimeout(SECONDS * 1000);
    const ticks = (await page.evaluate(() => window.fixture.ticks)) - t0;
    const { profile: p } = await cdp.send('Profiler.stop');
    const byId = new Map(p.nodes.map((n) => [n.id, n]));
    let ours = 0;
    let js = 0;
    p.samples.forEach((id, i) => {
      const frame = byId.get(id).callFrame;
      const us = p.timeDeltas[i] ?? 0;
      if (frame.url.includes('/src/content/')) ours += us;
      if (frame.url && !frame.functionName.startsWith('(')) js += us;
    });
    return { ours: ours / 1000, js: js / 1000, ticks };
  } finally {
    await ctx.close();
  }
}

try {
  const base = await measure(false);
  const ext = await measure(true);
  const perMinute = (ms) => ((ms * 60) / SECONDS).toFixed(1);
  const gz = gzipSync(readFileSync(join(DIST, 'src/content/index.js'))).length;
  console.log(
    `ticking at 20 Hz for ${SECONDS} s (${ext.ticks} ticks with the extension, ${base.ticks} without)`,
  );
  console.log(`content script main-thread time: ${perMinute(ext.ours)} ms per minute (target <= 50)`);
  console.log(
    `all page JS: ${perMinute(ext.js)} ms/min with the extension, ${perMinute(base.js)} ms/min without`,
  );
  console.log(`content script bundle: ${(gz / 1024).toFixed(1)} KB gzipped (target <= 15)`);
} finally {
  server.close();
  rmSync(tmp, { recursive: true, force: true });
}
