/** Picker messages: popup → background → content script, and the content script's pick. */
import { isBuiltInHost } from '../../core/built-in-hosts.ts';
import type { Handlers } from '../../messaging/router.ts';
import { browserPickerApi as api } from './browser-api.ts';
import { forgetPicked, hostOfUrl, savePicked, startPicking } from './flow.ts';

export const pickerHandlers: Pick<
  Handlers,
  'picker/start' | 'picker/forget' | 'picker/status' | 'picker/picked'
> = {
  'picker/start': async ({ tabId }) => ({ started: await startPicking(api, tabId) }),
  'picker/forget': async ({ tabId }) => ({ forgotten: await forgetPicked(api, tabId) }),
  'picker/status': async ({ tabId }) => {
    const host = hostOfUrl(await api.tabUrl(tabId));
    return {
      host,
      saved: host ? (await api.getPicker(host)) !== null : false,
      builtIn: host ? isBuiltInHost(host) : false,
    };
  },
  'picker/picked': async (picked, { sender }) => {
    // The host comes from the browser's view of the sender, not from the (untrusted) payload.
    const host = hostOfUrl(sender.url);
    if (!host || sender.frameId !== 0) throw new Error('picker/picked only from a top frame');
    return { saved: await savePicked(api, host, picked, Date.now()) };
  },
};
