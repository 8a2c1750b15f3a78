/**
 * Derives a browser's manifest from the one source manifest.json.
 * Chrome: background.service_worker, no gecko settings.
 * Firefox MV3: background.scripts (event page) and browser_specific_settings.gecko.id.
 */
export type Target = 'chrome' | 'firefox';

type Json = Record<string, unknown>;

export function manifestFor(source: Json, target: Target): Json {
  const manifest: Json = structuredClone(source);
  const background = manifest.background as { service_worker: string; type?: string };
  if (target === 'firefox') {
    manifest.background = { scripts: [background.service_worker], type: background.type };
    delete manifest.minimum_chrome_version;
  } else {
    delete manifest.browser_specific_settings;
  }
  return manifest;
}
