/**
 * Derives a browser's manifest from the one source manifest.json.
 * Chrome: background.service_worker, no gecko settings.
 * Firefox MV3: background.scripts (event page) and browser_specific_settings.gecko.id; no
 * `externally_connectable`, which Firefox does not implement (its manifest schema has no such key,
 * so Firefox 153 warns "An unexpected property was found" at install; other extensions and web pages
 * cannot message an add-on there without it anyway).
 */
export type Target = 'chrome' | 'firefox';

type Json = Record<string, unknown>;

export function manifestFor(source: Json, target: Target): Json {
  const manifest: Json = structuredClone(source);
  const background = manifest.background as { service_worker: string; type?: string };
  if (target === 'firefox') {
    manifest.background = { scripts: [background.service_worker], type: background.type };
    delete manifest.minimum_chrome_version;
    delete manifest.externally_connectable;
  } else {
    delete manifest.browser_specific_settings;
  }
  return manifest;
}
