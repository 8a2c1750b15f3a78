// Renders icons/icon.svg (48, 128 px) and icons/icon-small.svg (16, 32 px) to PNG with the system
// Chromium. Run after editing the SVGs: `node scripts/render-icons.mjs`. The PNGs are committed.
import { readFile } from 'node:fs/promises';
import { chromium } from 'playwright-core';

const sizes = [
  [16, 'icon-small.svg'],
  [32, 'icon-small.svg'],
  [48, 'icon.svg'],
  [128, 'icon.svg'],
];
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox'] });
for (const [size, file] of sizes) {
  const svg = await readFile(new URL(`../icons/${file}`, import.meta.url), 'utf8');
  const page = await browser.newPage({ viewport: { width: size, height: size }, deviceScaleFactor: 1 });
  await page.setContent(
    `<style>html,body{margin:0;background:transparent}svg{display:block;width:${size}px;height:${size}px}</style>${svg}`,
  );
  await page.screenshot({
    path: new URL(`../icons/icon-${size}.png`, import.meta.url).pathname,
    omitBackground: true,
  });
  await page.close();
}
await browser.close();
console.log('icons rendered');
