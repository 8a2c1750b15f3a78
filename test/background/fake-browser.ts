/**
 * A fake `ext` (the one browser adapter, src/platform/browser.ts) for unit tests and the background
 * benchmark: storage areas (MemoryArea or SlowArea), the action badge, tab messaging, notifications
 * and permissions, each recording its calls. Use with
 *   vi.mock('../../src/platform/browser.ts', () => ({ ext: fake.ext }))
 * (vi.mock is hoisted: build the fake in vi.hoisted or at module level of a setup import).
 */
import { type KvArea, LOCAL_QUOTA_BYTES } from '../../src/background/storage/kv.ts';
import { MemoryArea } from './chains-fakes.ts';

type Listener = (...args: never[]) => unknown;

function event() {
  const listeners = new Set<Listener>();
  return {
    listeners,
    addListener: (f: Listener) => listeners.add(f),
    removeListener: (f: Listener) => listeners.delete(f),
    hasListener: (f: Listener) => listeners.has(f),
    fire: (...args: unknown[]) => {
      for (const f of listeners) (f as (...a: unknown[]) => unknown)(...args);
    },
  };
}

export interface FakeBrowser {
  ext: Record<string, unknown> & { notifications?: unknown };
  local: KvArea & MemoryArea;
  session: KvArea & MemoryArea;
  badge: { calls: { api: string; tabId: number; value: string }[] };
  sent: { tabId: number; message: unknown }[];
  notifications: { id: string; title: string; message: string }[];
  focused: { tabId?: number; windowId?: number }[];
  permissions: Set<string>;
  /** Grants or removes `notifications` (the API appears and disappears as in the browsers). */
  setNotifications(on: boolean): void;
  events: { storageChanged: ReturnType<typeof event>; permissionsRemoved: ReturnType<typeof event> };
}

export function fakeBrowser(opts: { local?: MemoryArea; session?: MemoryArea } = {}): FakeBrowser {
  const local = Object.assign(opts.local ?? new MemoryArea(), { QUOTA_BYTES: LOCAL_QUOTA_BYTES });
  const session = opts.session ?? new MemoryArea();
  const badge: FakeBrowser['badge'] = { calls: [] };
  const sent: FakeBrowser['sent'] = [];
  const shown: FakeBrowser['notifications'] = [];
  const focused: FakeBrowser['focused'] = [];
  const permissions = new Set<string>(['storage', 'activeTab', 'scripting']);
  const storageChanged = event();
  const permissionsRemoved = event();
  const clicked = event();
  const badgeCall =
    (api: string) => async (d: { tabId: number; text?: string; color?: string; title?: string }) => {
      badge.calls.push({ api, tabId: d.tabId, value: d.text ?? d.color ?? d.title ?? '' });
    };
  const notifications = {
    create: async (id: string, o: { title: string; message: string }) => {
      shown.push({ id, title: o.title, message: o.message });
      return id;
    },
    clear: async () => true,
    onClicked: clicked,
  };
  const ext: FakeBrowser['ext'] = {
    runtime: {
      id: 'fake-id',
      getURL: (p: string) => `chrome-extension://fake-id/${p}`,
      getManifest: () => ({ version: '0.0.0' }),
    },
    storage: { local, session, onChanged: storageChanged },
    action: {
      setBadgeText: badgeCall('text'),
      setBadgeBackgroundColor: badgeCall('color'),
      setBadgeTextColor: badgeCall('textColor'),
      setTitle: badgeCall('title'),
    },
    tabs: {
      sendMessage: async (tabId: number, message: unknown) => {
        sent.push({ tabId, message });
        return true;
      },
      update: async (tabId: number) => {
        focused.push({ tabId });
        return { id: tabId, windowId: 9 };
      },
      onRemoved: event(),
    },
    windows: {
      update: async (windowId: number) => {
        focused.push({ windowId });
        return { id: windowId };
      },
    },
    permissions: {
      contains: async (p: { permissions?: string[] }) =>
        (p.permissions ?? []).every((x) => permissions.has(x)),
      remove: async (p: { permissions?: string[] }) => {
        const removed = (p.permissions ?? []).filter((x) => permissions.delete(x));
        if (removed.includes('notifications')) delete ext.notifications;
        if (removed.length) permissionsRemoved.fire({ permissions: removed, origins: [] });
        return true;
      },
      onAdded: event(),
      onRemoved: permissionsRemoved,
    },
  };
  return {
    ext,
    local: local as KvArea & MemoryArea,
    session: session as KvArea & MemoryArea,
    badge,
    sent,
    notifications: shown,
    focused,
    permissions,
    setNotifications(on) {
      if (on) {
        permissions.add('notifications');
        ext.notifications = notifications;
      } else {
        permissions.delete('notifications');
        delete ext.notifications;
      }
    },
    events: { storageChanged, permissionsRemoved },
  };
}
