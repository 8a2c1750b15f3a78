/**
 * Per-site reading switch: storage.local `settings.sites` (Record<host, boolean>, owned by the
 * settings module). The entry for the exact host wins; else the nearest parent domain's entry (the
 * options page keys a built-in `*.tradingview.com` as `tradingview.com`); else the default: on where
 * a built-in adapter exists, off elsewhere. Read defensively: a malformed value falls back to the
 * default instead of throwing.
 */
import { isBuiltInHost } from '../../core/built-in-hosts.ts';
import type { KvArea } from '../storage/kv.ts';

export function siteEnabledFrom(settings: unknown, host: string): boolean {
  const sites = (settings as { sites?: unknown } | undefined)?.sites;
  if (typeof sites === 'object' && sites !== null) {
    const labels = host.split('.');
    // Stop before the bare top-level domain: "com" is never a site.
    for (let i = 0; i < labels.length - 1; i++) {
      const flag = (sites as Record<string, unknown>)[labels.slice(i).join('.')];
      if (typeof flag === 'boolean') return flag;
    }
  }
  return isBuiltInHost(host);
}

export async function isSiteEnabled(area: KvArea, host: string): Promise<boolean> {
  const { settings } = await area.get('settings');
  return siteEnabledFrom(settings, host);
}
