import { describe, expect, it, vi } from 'vitest';

vi.mock('../../src/platform/browser.ts', () => ({
  ext: { runtime: { getURL: (p: string) => `chrome-extension://id/${p}` } },
}));
const { onInstalled, WELCOME_PAGE } = await import('../../src/background/welcome.ts');

describe('the first-run welcome page', () => {
  it('opens once, when the extension is installed', async () => {
    const open = vi.fn(async () => undefined);
    await onInstalled({ reason: 'install' }, open);
    expect(open).toHaveBeenCalledWith(`chrome-extension://id/${WELCOME_PAGE}`);
  });

  it('does not open on an update, a browser update or a shared-module update', async () => {
    const open = vi.fn(async () => undefined);
    for (const reason of ['update', 'browser_update', 'chrome_update', 'shared_module_update'])
      await onInstalled({ reason }, open);
    expect(open).not.toHaveBeenCalled();
  });
});
