import { describe, expect, it } from 'vitest';
import manifest from '../manifest.json' with { type: 'json' };
import { manifestFor } from '../scripts/manifest-for.ts';
import { BUILT_IN_HOSTS } from '../src/core/built-in-hosts.ts';

const matches = manifest.content_scripts.flatMap((c) => c.matches);
const hostOf = (pattern: string) => pattern.replace(/^https:\/\//, '').replace(/\/.*$/, '');

describe('the source manifest', () => {
  it('matches the content script exactly on the built-in adapter hosts, over https', () => {
    expect(matches.every((m) => m.startsWith('https://'))).toBe(true);
    expect(new Set(matches.map(hostOf))).toEqual(new Set(BUILT_IN_HOSTS));
  });

  it('never matches local hosts (they are for tests, which map real hostnames to 127.0.0.1)', () => {
    expect(matches.filter((m) => /localhost|127\.0\.0\.1|\[::1\]|<all_urls>|\*:\/\/\*\//.test(m))).toEqual(
      [],
    );
  });

  it('asks up front only for storage, activeTab and scripting; other sites are optional, asked one at a time', () => {
    expect([...manifest.permissions].sort()).toEqual(['activeTab', 'scripting', 'storage']);
    expect(manifest).not.toHaveProperty('host_permissions');
    expect(manifest.optional_host_permissions).toEqual(['https://*/*', 'http://*/*']);
  });
});

describe('the per-browser manifests', () => {
  it('gives Chrome a service worker and no Firefox settings', () => {
    const chrome = manifestFor(manifest, 'chrome') as typeof manifest;
    expect(chrome.background).toEqual({ service_worker: 'src/background/index.ts', type: 'module' });
    expect(chrome).not.toHaveProperty('browser_specific_settings');
  });

  it('gives Firefox background scripts and a gecko id, without the Chrome-only key', () => {
    const firefox = manifestFor(manifest, 'firefox') as Record<string, unknown>;
    expect(firefox.background).toEqual({ scripts: ['src/background/index.ts'], type: 'module' });
    expect(firefox).toMatchObject({ browser_specific_settings: { gecko: { id: 'gexfocus@gexfocus.app' } } });
    expect(firefox).not.toHaveProperty('minimum_chrome_version');
  });
});

describe('what the manifest lets in', () => {
  it('asks for notifications only as an optional permission (alerts are opt-in)', () => {
    expect(manifest.optional_permissions).toEqual(['notifications']);
    expect(manifest.permissions).not.toContain('notifications');
  });

  it('lets no other extension and no web page message GEXfocus in Chrome, and leaves the key out for Firefox', () => {
    const chrome = manifestFor(manifest, 'chrome') as Record<string, unknown>;
    expect(chrome.externally_connectable).toEqual({ ids: [], matches: [] });
    expect(manifestFor(manifest, 'firefox')).not.toHaveProperty('externally_connectable');
  });
});
