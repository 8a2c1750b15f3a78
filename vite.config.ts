import { crx, type ManifestV3Export } from '@crxjs/vite-plugin';
import preact from '@preact/preset-vite';
import { defineConfig } from 'vite';
import sourceManifest from './manifest.json' with { type: 'json' };
import { manifestFor, type Target } from './scripts/manifest-for.ts';
import { popupOneFile } from './scripts/popup-one-file.ts';

// One source manifest (manifest.json); each target gets the keys its browser wants.
// `vite build --mode chrome` → dist/chrome, `--mode firefox` → dist/firefox.
export default defineConfig(({ mode }) => {
  const target: Target = mode === 'firefox' ? 'firefox' : 'chrome';
  const manifest = manifestFor(sourceManifest, target) as unknown as ManifestV3Export;
  return {
    plugins: [
      preact(),
      crx({ manifest, browser: target, contentScripts: { standaloneFiles: ['src/content/index.ts'] } }),
      popupOneFile(`dist/${target}`, sourceManifest.action.default_popup),
    ],
    build: {
      outDir: `dist/${target}`,
      emptyOutDir: true,
      target: 'es2022',
      sourcemap: false,
      minify: true,
      chunkSizeWarningLimit: 600,
      // Pages the manifest does not name are built from here (crxjs builds the popup and options).
      rollupOptions: { input: { welcome: 'src/welcome/index.html' } },
    },
    legacy: { inconsistentCjsInterop: true },
  };
});
