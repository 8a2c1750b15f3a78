import { builtinModules } from 'node:module';
import { defineConfig } from 'vite';

// The CLI: one ES module for Node 20 (src/cli/main.ts → dist/cli/gexfocus.mjs), everything but
// Node's builtins bundled. bin/gexfocus.mjs imports it.
export default defineConfig({
  build: {
    ssr: 'src/cli/main.ts',
    outDir: 'dist/cli',
    emptyOutDir: true,
    target: 'node20',
    // Minified: Node parses and compiles a third less text at every start (the CLI's --help).
    minify: true,
    sourcemap: false,
    rollupOptions: {
      external: [...builtinModules, ...builtinModules.map((m) => `node:${m}`)],
      output: { format: 'es', entryFileNames: 'gexfocus.mjs' },
    },
  },
  ssr: { noExternal: true, target: 'node' },
});
