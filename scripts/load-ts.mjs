// Loads this repo's TypeScript modules (the E2E harness, the fixtures, the engine) into a plain Node
// script through vite's module runner: npm start and the browser benchmarks. The modules stay usable
// once the server is closed. vite is imported here, not at the top of a caller, because npm start
// installs the dependencies first.
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

/** The modules at these repo paths ('/src/core/index.ts', …), in order. */
export async function loadTs(...paths) {
  const { createServer } = await import('vite');
  const vite = await createServer({
    root: ROOT,
    configFile: false,
    logLevel: 'error',
    appType: 'custom',
    server: { middlewareMode: true, hmr: false, watch: null },
  });
  try {
    const modules = [];
    for (const path of paths) modules.push(await vite.ssrLoadModule(path));
    return modules;
  } finally {
    await vite.close();
  }
}
