// npm start: build everything, then show it working on the bundled SPX sample chain.
// 1. builds dist/chrome, dist/firefox and the CLI;
// 2. runs the CLI on the bundled sample (src/options/sample/spx-2023-09-14.csv);
// 3. if Chromium is installed: loads the built extension headless, loads the sample with the
//    options page's one-click button, opens a Google Finance-style page quoting the S&P 500, and
//    saves screenshots of the options page, the page and the popup to artifacts/screenshots/demo/.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { ensureDependencies } from './bootstrap.mjs';

// A fresh clone has no node_modules: install the locked dependencies first (built-ins only above).
console.log('▶ Dependencies');
try {
  ensureDependencies();
} catch (e) {
  console.error(`\n✗ ${e.message}`);
  process.exit(1);
}

const root = fileURLToPath(new URL('..', import.meta.url));
const sample = 'src/options/sample/spx-2023-09-14.csv';

function step(title, command, args) {
  console.log(`\n▶ ${title}\n  $ ${[command, ...args].join(' ')}`);
  const r = spawnSync(command, args, { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) {
    console.error(`\n✗ ${title} failed (exit ${r.status ?? r.signal})`);
    process.exit(r.status || 1);
  }
}

if (!process.env.GEXFOCUS_NO_BUILD) step('Build both extensions and the CLI', 'npm', ['run', 'build']);
step('Analyze the bundled sample chain with the CLI', process.execPath, [
  'bin/gexfocus.mjs',
  'analyze',
  sample,
]);

if (!existsSync('/usr/bin/chromium')) {
  console.log('\nChromium is not installed, so the in-browser demo is skipped.');
  console.log('Install the browsers with: sudo bash scripts/install-browsers.sh');
  process.exit(0);
}

console.log('\n▶ The extension in headless Chromium, on the sample chain');
const { createServer } = await import('vite');
const vite = await createServer({
  root,
  configFile: false,
  logLevel: 'error',
  appType: 'custom',
  server: { middlewareMode: true, hmr: false, watch: null },
});
let session;
try {
  const { launch } = await vite.ssrLoadModule('/test/e2e/harness/index.ts');
  session = await launch('chromium', { colorScheme: 'light' });
  const options = await session.newTab(session.extUrl('src/options/index.html'));
  await options.click('[data-testid="load-sample"]');
  const summary = await options.waitFor(
    `ext.runtime.sendMessage({ gexfocus: 1, type: 'chains/list', payload: null })
       .then((r) => r.ok && r.value.chains.find((c) => c.underlying === 'SPX'))`,
    { timeoutMs: 30_000 },
  );
  console.log(
    `  sample loaded: ${summary.underlying}, ${summary.contracts ?? summary.count ?? ''} contracts`,
  );
  const shots = [await options.screenshot('demo/options', { fullPage: true })];

  const pageUrl = session.fixtureUrl('www.google.com', '/finance/quote/.INX:INDEXSP');
  const page = await session.newTab(pageUrl);
  const tabId = await session.tabIdOf(pageUrl);
  const reading = await session.extEval(
    `new Promise((done) => { const poll = () => ext.storage.session.get('tab:${tabId}')
       .then((s) => s['tab:${tabId}']?.price ? done(s['tab:${tabId}']) : setTimeout(poll, 200)); poll(); })`,
  );
  console.log(`  page reading: ${reading.symbol} ${reading.price} (${reading.method} on ${reading.site})`);
  shots.push(await page.screenshot('demo/page'));

  const popup = await session.newTab(session.extUrl(`src/popup/index.html?tab=${tabId}`));
  await popup.setViewport(360, 640);
  await popup.waitFor(`document.querySelector('[data-testid="levels"]')?.textContent.length > 40`, {
    timeoutMs: 20_000,
  });
  shots.push(await popup.screenshot('demo/popup', { selector: 'main' }));
  const verdict = await popup.eval(`document.querySelector('[data-testid="levels"]').innerText`);
  console.log(`\n  Popup says:\n${verdict.replace(/^/gm, '    ')}`);
  console.log(`\n✓ Screenshots:\n${shots.map((s) => `    ${s}`).join('\n')}`);
  console.log('\nLoad dist/chrome (chrome://extensions → Load unpacked) or dist/firefox/manifest.json');
  console.log('(about:debugging → Load Temporary Add-on) to use it in your own browser.');
} finally {
  await session?.close();
  await vite.close();
}
