/**
 * A fake browser for the picker and site flows: which origins are granted, what is registered,
 * which tabs run the content script, the saved picks and settings.sites.
 */
import type { PickerApi } from '../../src/background/picker/flow.ts';
import type { SavedPicker } from '../../src/messaging/types.ts';

export function fakeApi(opts: {
  url: string | undefined;
  granted?: string[];
  listening?: boolean;
  sites?: Record<string, boolean>;
}) {
  const state = {
    url: opts.url,
    granted: new Set(opts.granted ?? []),
    registered: new Map<string, string[]>(),
    pickers: new Map<string, SavedPicker>(),
    sites: { ...opts.sites } as Record<string, boolean>,
    listening: opts.listening ?? false,
    injected: 0,
    commands: [] as string[],
  };
  const api: PickerApi = {
    tabUrl: async () => state.url,
    sendCommand: async (_tab, command) => {
      if (!state.listening) return false;
      state.commands.push(command);
      return true;
    },
    injectContentScript: async () => {
      state.injected++;
      state.listening = true;
    },
    hasOrigin: async (o) => state.granted.has(o),
    removeOrigin: async (o) => {
      state.granted.delete(o);
    },
    registeredMatches: async (id) => state.registered.get(id) ?? null,
    register: async ({ id, matches }) => {
      if (state.registered.has(id)) throw new Error(`Duplicate script ID '${id}'`); // as both browsers do
      state.registered.set(id, matches);
    },
    unregister: async (id) => {
      state.registered.delete(id);
    },
    getPicker: async (h) => state.pickers.get(h) ?? null,
    savePicker: async (h, p) => {
      state.pickers.set(h, p);
    },
    removePicker: async (h) => state.pickers.delete(h),
    getSites: async () => ({ ...state.sites }),
    setSite: async (host, on) => {
      if (on === null) delete state.sites[host];
      else state.sites[host] = on;
    },
  };
  return { api, state };
}
