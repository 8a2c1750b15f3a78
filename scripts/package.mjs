#!/usr/bin/env node
/**
 * `npm run package`: builds both targets, then writes store-ready archives (manifest at the root):
 *   artifacts/gexfocus-chrome-<version>.zip    for the Chrome Web Store
 *   artifacts/gexfocus-firefox-<version>.zip   for addons.mozilla.org (and a .xpi copy)
 * web-ext build zips any folder, so no `zip` binary is needed.
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const sh = (cmd, args) => execFileSync(cmd, args, { cwd: ROOT, stdio: 'inherit' });

sh('npm', ['run', '--silent', 'build:chrome']);
sh('npm', ['run', '--silent', 'build:firefox']);

mkdirSync(`${ROOT}artifacts`, { recursive: true });
const written = [];
for (const [target, dir] of [
  ['chrome', 'dist/chrome'],
  ['firefox', 'dist/firefox'],
]) {
  const { version } = JSON.parse(readFileSync(`${ROOT}${dir}/manifest.json`, 'utf8'));
  const file = `gexfocus-${target}-${version}.zip`;
  sh('npx', [
    '--no-install',
    'web-ext',
    'build',
    '--source-dir',
    dir,
    '--artifacts-dir',
    'artifacts',
    '--filename',
    file,
    '--overwrite-dest',
  ]);
  written.push(`artifacts/${file}`);
  if (target === 'firefox') {
    const xpi = `artifacts/gexfocus-firefox-${version}.xpi`;
    copyFileSync(`${ROOT}artifacts/${file}`, `${ROOT}${xpi}`);
    written.push(xpi);
  }
}
console.log(`\npackaged:\n${written.map((f) => `  ${f}`).join('\n')}`);
