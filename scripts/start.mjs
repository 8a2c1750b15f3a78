// npm start: build everything, then show it working.
// 1. builds dist/chrome, dist/firefox and the CLI;
// 2. runs the CLI on the bundled sample (src/options/sample/spx-2023-09-14.csv);
// 3. if Chromium is installed, the extension in Chromium (a real window when a display is present,
//    headless otherwise — it says which): the sample loaded with the options page's one-click button
//    and shown there; then a copy of the sample moved forward by whole weeks so that it is live today
//    (test/fixtures/live-chain.ts) imported the way a user imports a file; a Google Finance-style
//    S&P 500 demo page whose price sweeps through the gamma flip, so the verdict changes within a
//    minute; screenshots of the options page, the page with its overlay, and the popup in each
//    verdict (light and dark) in artifacts/screenshots/chromium/demo-*.png.
//
// Why the live copy: the sample's contracts all expired in 2023, so the extension shows it "as of
// its snapshot" — a price moving through the flip does change the verdict there too, but every view
// is labelled as an old snapshot and "what moves the hedge" describes an evening in 2023. The copy
// has the same structure, only later, so the demo runs the live path: today's clock, time to today's
// close, a flip that drifts through the session.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureDependencies } from './bootstrap.mjs';
import { loadTs } from './load-ts.mjs';

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

const display = Boolean(process.env.DISPLAY || process.env.WAYLAND_DISPLAY) && !process.env.GEXFOCUS_HEADLESS;
console.log(
  display
    ? '\n▶ The extension in a Chromium window (a display is present; GEXFOCUS_HEADLESS=1 to stay headless)'
    : '\n▶ The extension in headless Chromium (no display here: screenshots only, no window)',
);

const [{ launch }, { liveQuoteTable }, core, { clearRegime }] = await loadTs(
  '/test/e2e/harness/index.ts',
  '/test/fixtures/live-chain.ts',
  '/src/core/index.ts',
  '/src/core/verdict.ts',
);

// The live copy and, from the engine, a price clearly inside each verdict and the sweep around the flip.
const live = liveQuoteTable(readFileSync(join(root, sample), 'utf8'), Date.now());
const liveFile = join(mkdtempSync(join(tmpdir(), 'gexfocus-demo-')), 'quotedata.csv');
writeFileSync(liveFile, live.text);
const chain = core.parseCboeQuoteTable(live.text);
const model = core.makeModel();
const prepared = core.prepare(chain, model, Date.now());
const flip = core.analyze(prepared, chain.spot).flip;
const round = (x) => Math.round(x * 100) / 100;
function clearly(regime, from, step) {
  for (let k = 0; k < 200; k++) {
    const p = round(from + k * step);
    const a = core.analyze(prepared, p);
    const input = { spot: p, netGex: a.netGex, balance: a.balance, crossings: a.crossings };
    if (clearRegime(input, model.transitionBand) === regime) return p;
  }
  return null;
}
const prices = flip && {
  accelerating: clearly('accelerating', flip * 0.995, -flip * 0.001),
  transition: round(flip),
  stabilizing: clearly('stabilizing', flip * 1.005, flip * 0.001),
};
console.log(
  `  live copy of the sample: moved ${live.weeks} weeks forward, snapshot ${live.asOf}; flip now ${flip?.toFixed(2) ?? 'none'}`,
);

const q = (id) => `document.querySelector('[data-testid="${id}"]')`;
const shots = [];

/** One browser session: load the sample, import the live copy, show the demo page and the popup. */
async function demo(scheme, { headless, keep }) {
  const session = await launch('chromium', { colorScheme: scheme, headless });
  try {
    const options = await session.newTab(session.extUrl('src/options/index.html'));
    await options.setViewport(1100, 900);
    if (scheme === 'light') {
      await options.click('[data-testid="load-sample"]');
      await options.waitFor(`${q('chain-SPX')} && ${q('chains-message')}?.textContent.includes('Loaded')`, {
        timeoutMs: 30_000,
      });
      console.log('  the sample is loaded and listed on the options page');
      shots.push(await options.screenshot('demo/options-sample', { fullPage: true }));
    }
    await options.setFiles('[data-testid="file-input"]', [liveFile]);
    await options.waitFor(`${q('preview-regime')} && !${q('preview-save')}.disabled`, { timeoutMs: 30_000 });
    if (scheme === 'light')
      shots.push(await options.screenshot('demo/options-import-preview', { fullPage: true }));
    await options.click('[data-testid="preview-save"]');
    await options.waitFor(`${q('import-saved')}`, { timeoutMs: 30_000 });
    if (scheme === 'light') shots.push(await options.screenshot('demo/options', { fullPage: true }));
    await options.close();

    const pageUrl = session.fixtureUrl(
      'www.google.com',
      `/finance/quote/.INX:INDEXSP/demo?hz=0&start=${prices?.stabilizing ?? chain.spot}`,
    );
    const page = await session.newTab(pageUrl);
    await page.setViewport(1100, 700);
    const tabId = await session.tabIdOf(pageUrl.split('?')[0]);
    const popup = await session.newTab(session.extUrl(`src/popup/index.html?tab=${tabId}`));
    await popup.setViewport(400, 600);
    for (const verdict of ['accelerating', 'transition', 'stabilizing']) {
      const price = prices?.[verdict];
      if (!price) continue;
      await page.eval(`fixture.tick(${price})`);
      await popup.waitFor(
        `${q('levels-regime')}?.textContent.toLowerCase() === '${verdict}' && ${q('ladder')}`,
        { timeoutMs: 20_000 },
      );
      shots.push(await popup.screenshot(`demo/popup-${verdict}-${scheme}`));
      if (scheme === 'light') {
        const says = await popup.eval(
          `[${q('levels-regime')}, ${q('mechanism')}, ${q('flip-distance')}].map((e) => e.textContent).join(' — ')`,
        );
        console.log(`  popup at ${price}: ${says}`);
      }
    }
    await popup.close();
    await session.tabIdOf(pageUrl.split('?')[0]);
    await page.waitFor(`document.querySelector('gexfocus-overlay')`, { timeoutMs: 10_000 }).catch(() => null);
    shots.push(await page.screenshot(`demo/page-${scheme}`));
    if (keep) return { session, page, tabId };
  } catch (e) {
    await session.close().catch(() => undefined);
    throw e;
  }
  await session.close().catch(() => undefined);
  return null;
}

/** The open window: the page sweeps through the flip; each verdict change is printed as the badge says it. */
async function sweep({ session, page, tabId }) {
  const lo = round(flip * 0.985);
  const hi = round(flip * 1.015);
  await page.goto(
    session.fixtureUrl('www.google.com', `/finance/quote/.INX:INDEXSP/demo?lo=${lo}&hi=${hi}&period=40`),
  );
  console.log(
    `\n  The Chromium window stays open: the S&P 500 demo page sweeps ${lo} – ${hi} every 40 s, through the flip at ${flip.toFixed(2)}.`,
  );
  console.log('  Watch the badge and the overlay change; click the GEXfocus toolbar button for the popup.');
  console.log('  Close the window or press Ctrl+C to end the demo.');
  let last = '';
  await new Promise((done) => {
    process.once('SIGINT', done);
    const poll = setInterval(() => {
      session
        .extEval(
          `Promise.all([ext.action.getBadgeText({ tabId: ${tabId} }), ext.action.getTitle({ tabId: ${tabId} })])`,
        )
        .then(([badge, title]) => {
          if (badge !== last)
            console.log(`  ${new Date().toLocaleTimeString()}  badge ${badge || '(none)'}  ${title}`);
          last = badge;
        })
        .catch(() => {
          clearInterval(poll);
          done();
        });
    }, 1000);
  });
  await session.close().catch(() => undefined);
}

if (!prices?.accelerating || !prices.stabilizing)
  console.log(
    '  today the live copy has no flip to cross clearly: the popup is shown in the verdicts it has',
  );
const open = await demo('light', { headless: !display, keep: display && !!prices });
await demo('dark', { headless: true, keep: false });
console.log(`\n✓ Screenshots (${display ? 'light from the window, dark headless' : 'headless'}):`);
console.log(shots.map((s) => `    ${s}`).join('\n'));
if (open) await sweep(open);
else {
  console.log('\nNo display here, so no window stays open (with one, npm start leaves Chromium running on');
  console.log('the demo page as its price sweeps through the flip). To use the extension in your own');
  console.log(
    'browser, load dist/chrome (chrome://extensions → Load unpacked) or dist/firefox/manifest.json',
  );
  console.log('(about:debugging → Load Temporary Add-on).');
}
