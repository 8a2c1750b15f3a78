import { describe, expect, it } from 'vitest';
import { DEFAULT_MODEL } from '../../src/core/model.ts';
import {
  DEFAULT_SETTINGS,
  modelFor,
  multiplierFor,
  readSettings,
  SETTINGS_VERSION,
  updateSettings,
} from '../../src/core/settings.ts';

describe('settings', () => {
  it('reads nothing stored as the defaults, which match the engine defaults', () => {
    const { settings, notes } = readSettings(undefined);
    expect(settings).toEqual(DEFAULT_SETTINGS);
    expect(notes).toEqual([]);
    expect(modelFor(settings, 'SPX')).toEqual(DEFAULT_MODEL);
    expect(settings.sites).toEqual({});
    expect(settings.overlay).toBe(true);
  });

  it('keeps valid fields and replaces only the invalid one, with a note naming it', () => {
    const stored = {
      ...DEFAULT_SETTINGS,
      signs: 'short-all',
      rate: 0.05,
      scope: 'tomorrow',
      sites: { 'www.tradingview.com': false },
    };
    const { settings, notes } = readSettings(stored);
    expect(settings.signs).toBe('short-all');
    expect(settings.rate).toBe(0.05);
    expect(settings.scope).toBe('all');
    expect(settings.sites).toEqual({ 'www.tradingview.com': false });
    expect(notes).toEqual(['scope: invalid value "tomorrow"; using the default']);
  });

  it('rejects out-of-range numbers and malformed hostnames field by field', () => {
    const { settings, notes } = readSettings({
      version: SETTINGS_VERSION,
      rate: 3,
      sites: { 'EVIL HOST': true },
      overlay: 'yes',
    });
    expect(settings.rate).toBe(0);
    expect(settings.sites).toEqual({});
    expect(settings.overlay).toBe(true);
    expect(notes).toHaveLength(3);
  });

  it('migrates version 1 (one global multiplier, bare band) through version 2 to version 3', () => {
    const { settings, notes } = readSettings({ version: 1, multiplier: 10, band: 0.1, signs: 'long-all' });
    expect(settings.version).toBe(3);
    expect(notes).toContain('settings upgraded from version 2');
    expect(settings.multipliers).toEqual({ '*': 10 });
    expect(settings.transitionBand).toEqual({ balance: 0.1, flipDistance: 0.0025 });
    expect(settings.signs).toBe('long-all');
    expect(notes).toContain('settings upgraded from version 1');
    expect(multiplierFor(settings, 'XSP')).toBe(10);
  });

  it('migrates version 2 to version 3 keeping every choice and adding the new fields at their defaults', () => {
    const v2 = { version: 2, signs: 'short-all', overlay: false, units: 'shares', sites: { 'x.com': true } };
    const { settings, notes } = readSettings(v2);
    expect(settings).toMatchObject({ version: 3, signs: 'short-all', overlay: false, units: 'shares' });
    expect(settings.sites).toEqual({ 'x.com': true });
    expect(settings.positions).toBe('oi');
    expect(settings.overlaySites).toEqual({});
    expect(settings.palette).toBe('okabe-ito');
    expect(settings.alerts).toEqual({ enabled: false, cooldownMin: 5, maxPerHour: 12 });
    expect(notes).toEqual(['settings upgraded from version 2']);
    expect(modelFor(settings, 'SPX').positions).toBe('oi');
  });

  it('refuses an alert cool-down outside 1–240 minutes and a positions model it does not know', () => {
    const s = readSettings(undefined).settings;
    expect(() => updateSettings(s, { alerts: { enabled: true, cooldownMin: 0, maxPerHour: 5 } })).toThrow(
      /setting "alerts"/,
    );
    expect(() => updateSettings(s, { positions: 'gamma' as never })).toThrow(/setting "positions"/);
    expect(updateSettings(s, { positions: 'oi+volume' }).positions).toBe('oi+volume');
  });

  it('treats a non-object as defaults rather than throwing', () => {
    expect(readSettings('garbage').settings).toEqual(DEFAULT_SETTINGS);
  });

  it('uses a per-symbol multiplier before the fallback', () => {
    const s = updateSettings(readSettings(undefined).settings, { multipliers: { XSP: 100, MINI: 10 } });
    expect(multiplierFor(s, 'mini')).toBe(10);
    expect(multiplierFor(s, 'SPX')).toBe(100);
    expect(modelFor(s, 'MINI').multiplier).toBe(10);
  });

  it('refuses an update with an invalid value and names the field', () => {
    const s = readSettings(undefined).settings;
    expect(() => updateSettings(s, { units: 'lots' as never })).toThrow(/setting "units"/);
    expect(() => updateSettings(s, { nope: 1 } as never)).toThrow(/unknown setting "nope"/);
  });
});
