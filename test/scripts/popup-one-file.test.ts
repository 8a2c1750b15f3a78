/**
 * scripts/popup-one-file.ts on a small build of the shape crxjs writes: the popup's entry chunk
 * imports a chunk it shares with the options page and lazily imports a view; two stylesheets and
 * modulepreload links. After the plugin the popup page names one script and no other file, its styles
 * are inline, the one script runs on its own, and only what nothing else uses was deleted.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, expect, it } from 'vitest';
import { popupToOneFile } from '../../scripts/popup-one-file.ts';

const dir = mkdtempSync(join(tmpdir(), 'gexfocus-popup-one-file-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const files: Record<string, string> = {
  'assets/shared-A1.js': 'export const shared = () => 40;',
  'assets/view-B2.js': 'export const view = 2;',
  'assets/index.html-C3.js':
    'const __vite__mapDeps=(i,m=__vite__mapDeps,d=(m.f||(m.f=["assets/view-B2.js","assets/shared-A1.css"])))=>i.map(i=>d[i]);\n' +
    'import { shared } from "./shared-A1.js";\n' +
    'const load = (f, deps) => f();\n' +
    'globalThis.popupResult = load(() => import("./view-B2.js"), __vite__mapDeps([0,1])).then((m) => shared() + m.view);\n',
  'assets/shared-A1.css': 'body{margin:0}',
  'assets/popup-D4.css': '.banner{height:92px}',
  'assets/options-E5.js': 'import { shared } from "./shared-A1.js"; shared();',
  'src/options/index.html':
    '<script type="module" crossorigin src="/assets/options-E5.js"></script><link rel="stylesheet" crossorigin href="/assets/shared-A1.css">',
  'src/popup/index.html': [
    '<!doctype html><html><head><title>p</title>',
    '    <script type="module" crossorigin src="/assets/index.html-C3.js"></script>',
    '    <link rel="modulepreload" crossorigin href="/assets/shared-A1.js">',
    '    <link rel="stylesheet" crossorigin href="/assets/shared-A1.css">',
    '    <link rel="stylesheet" crossorigin href="/assets/popup-D4.css">',
    '  </head><body><div id="app"></div></body></html>',
  ].join('\n'),
};
for (const [path, text] of Object.entries(files)) {
  mkdirSync(join(dir, path, '..'), { recursive: true });
  writeFileSync(join(dir, path), text);
}

it('leaves the popup one script, its stylesheets inline, and deletes only what nothing else uses', async () => {
  await popupToOneFile(dir, 'src/popup/index.html');
  const page = readFileSync(join(dir, 'src/popup/index.html'), 'utf8');
  const scripts = [
    ...page.matchAll(/<script type="module" src="\/(assets\/popup-[\w-]{8}\.js)"><\/script>/g),
  ];
  expect(scripts).toHaveLength(1);
  expect(page).not.toMatch(/<link/);
  expect(page).toContain('<style>');
  expect(page).toContain('body{margin:0}');
  expect(page).toContain('.banner{height:92px}');
  expect(page.indexOf('body{margin:0}')).toBeLessThan(page.indexOf('.banner{height:92px}')); // same order

  const code = readFileSync(join(dir, scripts[0]![1]!), 'utf8');
  expect(code).not.toMatch(/import\s*\(|from\s*["']|assets\//);
  await import(pathToFileURL(join(dir, scripts[0]![1]!)).href);
  expect(await (globalThis as { popupResult?: Promise<number> }).popupResult).toBe(42);

  // The options page still has its shared chunk and stylesheet; the popup's own files are gone.
  expect(existsSync(join(dir, 'assets/shared-A1.js'))).toBe(true);
  expect(existsSync(join(dir, 'assets/shared-A1.css'))).toBe(true);
  expect(existsSync(join(dir, 'assets/index.html-C3.js'))).toBe(false);
  expect(existsSync(join(dir, 'assets/view-B2.js'))).toBe(false);
  expect(existsSync(join(dir, 'assets/popup-D4.css'))).toBe(false);
});
