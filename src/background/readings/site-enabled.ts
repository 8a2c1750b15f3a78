/**
 * Per-site reading switch: storage.local `settings.sites` (Record<host, boolean>, owned by the
 * settings module). Unset hosts: on where a built-in adapter exists, off elsewhere. Read defensively:
 * a malformed value falls back to the default instead of throwing.
 */
import { isBuiltInHost } from '../../content/adapters/registry.ts';
import { ext } from '../../platform/browser.ts';

export function siteEnabledFrom(settings: unknown, host: string): boolean {
  const sites = (settings as { sites?: unknown } | undefined)?.sites;
  const flag =
    typeof sites === 'object' && sites !== null ? (sites as Record<string, unknown>)[host] : undefined;
  return typeof flag === 'boolean' ? flag : isBuiltInHost(host);
}

export async function isSiteEnabled(host: string): Promise<boolean> {
  const { settings } = await ext.storage.local.get('settings');
  return siteEnabledFrom(settings, host);
}
