#!/usr/bin/env node
// Thin launcher for the bundled CLI (npm run build:cli → dist/cli/gexfocus.mjs).
import { existsSync } from 'node:fs';

const built = new URL('../dist/cli/gexfocus.mjs', import.meta.url);
if (!existsSync(built)) {
  console.error('gexfocus: not built yet — run `npm start` (or `npm run build:cli`) first');
  process.exit(2);
}
const { main } = await import(built.href);
process.exitCode = await main(process.argv.slice(2));
