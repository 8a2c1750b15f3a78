import { beforeEach, describe, expect, it, vi } from 'vitest';
import manifest from '../../manifest.json' with { type: 'json' };
import { MemoryArea } from './chains-fakes.ts';

const local = new MemoryArea();
const session = new MemoryArea();
type Listener = (...args: unknown[]) => void;
const listeners: Record<string, Listener[]> = { command: [], removed: [], changed: [] };
const on = (k: string) => ({ addListener: (l: Listener) => listeners[k]!.push(l) });
vi.mock('../../src/platform/browser.ts', () => ({
  ext: {
    storage: { local, session, onChanged: on('changed') },
    commands: { onCommand: on('command'), getAll: async () => [] },
    tabs: { onRemoved: on('removed'), query: async () => [{ id: 42 }] },
  },
}));
const redrawTab = vi.fn(async (_tabId: number) => undefined);
vi.mock('../../src/background/overlay/handlers.ts', () => ({ redrawTab, TOGGLE_OVERLAY: 'toggle-overlay' }));

const { listenCommands, toggleOverlayCommand } = await import('../../src/background/commands.ts');
const { listenDataChanges, dataChangesSettled } = await import('../../src/background/overlay/data-change.ts');
const { overlayStarted } = await import('../../src/background/overlay/shown.ts');
const { forgetTabState } = await import('../../src/background/state/tab-state.ts');
listenCommands();
listenDataChanges();
const settle = () => new Promise((r) => setTimeout(r, 10));

beforeEach(() => {
  session.data.clear();
  redrawTab.mockClear();
});

describe('the keyboard command', () => {
  it('is declared in the manifest with a suggested key the user can rebind, and a description', () => {
    const c = (
      manifest as { commands: Record<string, { suggested_key: { default: string }; description: string }> }
    ).commands['toggle-overlay'];
    expect(c?.suggested_key.default).toBe('Alt+Shift+G');
    expect(c?.description).toMatch(/overlay/);
  });

  it('flips the overlay on the tab it was pressed on and draws the result at once', async () => {
    await overlayStarted(5, 'www.cnbc.com');
    for (const l of listeners.command!) l('toggle-overlay', { id: 5 });
    await settle();
    expect(session.data.get('overlay:5')).toEqual({ host: 'www.cnbc.com', shown: false });
    expect(redrawTab).toHaveBeenCalledWith(5);
    expect(await toggleOverlayCommand({ id: 5 } as never)).toBe(true);
  });

  it('acts on the active tab when the browser does not say which, and ignores other commands', async () => {
    expect(await toggleOverlayCommand(undefined)).toBe(false);
    expect(session.data.get('overlay:42')).toMatchObject({ shown: false });
    redrawTab.mockClear();
    for (const l of listeners.command!) l('_execute_action', { id: 5 });
    await settle();
    expect(redrawTab).not.toHaveBeenCalled();
  });

  it('forgets a tab when it closes', async () => {
    await toggleOverlayCommand({ id: 7 } as never);
    for (const l of listeners.removed!) l(7);
    await settle();
    expect(session.data.has('overlay:7')).toBe(false);
  });
});

describe('a change of the settings or the chains', () => {
  const change = (key: string, oldValue: object, newValue: object) => {
    for (const l of listeners.changed!) l({ [key]: { oldValue, newValue } }, 'local');
  };
  const reading = (tabId: number) => ({ tabId, symbol: 'SPX', price: 4500 });

  it('gives the tabs’ keyboard toggles way when the overlay switches change, not for other settings', async () => {
    await toggleOverlayCommand({ id: 6 } as never);
    change('settings', { version: 3, units: 'per-1pct' }, { version: 3, units: 'shares' });
    await dataChangesSettled();
    expect(session.data.get('overlay:6')).toMatchObject({ shown: false });
    change('settings', { version: 3, overlay: true }, { version: 3, overlay: false });
    await dataChangesSettled();
    expect(session.data.get('overlay:6')).toEqual({ host: null });
  });

  it('redraws every open tab with a reading at once (badge, overlay, stored glance), not at its next tick', async () => {
    session.data.set('tab:11', reading(11));
    session.data.set('tab:12', reading(12));
    session.data.set('frames:13', {}); // no reading: nothing to redraw
    session.data.set('tab:14', reading(14));
    await forgetTabState(14); // closed
    session.data.set('tab:14', reading(14)); // a late write must not bring it back
    change('settings', { version: 3, signs: 'long-calls-short-puts' }, { version: 3, signs: 'short-all' });
    await dataChangesSettled();
    expect(redrawTab.mock.calls.map(([t]) => t).sort()).toEqual([11, 12]);

    redrawTab.mockClear();
    for (const l of listeners.changed!) l({ 'chains:index': { newValue: {} } }, 'local');
    await dataChangesSettled();
    expect(redrawTab.mock.calls.map(([t]) => t).sort()).toEqual([11, 12]);
  });

  it('takes a burst of changes in one round, and ignores other keys and areas', async () => {
    session.data.set('tab:21', reading(21));
    for (let i = 0; i < 5; i++) change('settings', { version: 3 }, { version: 3, units: `u${i}` });
    await dataChangesSettled();
    expect(redrawTab.mock.calls.filter(([t]) => t === 21)).toHaveLength(1);

    redrawTab.mockClear();
    change('pickers', {}, { a: 1 });
    for (const l of listeners.changed!) l({ settings: { newValue: {} } }, 'session');
    await dataChangesSettled();
    expect(redrawTab).not.toHaveBeenCalled();
  });
});
