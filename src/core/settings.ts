/**
 * User settings: one defaults object, a version with migrations, and validation on every read.
 * A field that fails validation falls back to its default with a note; the rest of the object is
 * kept (one bad value must not wipe everything the user chose).
 *
 * Stored in storage.local under `settings`. The content script reads `sites` and `overlay` from
 * there directly, so those two keep their names and meaning across versions.
 */
import * as z from 'zod/mini';
import {
  DEFAULT_MODEL,
  type Model,
  makeModel,
  POSITIONS_MODELS,
  type PositionsModel,
  PRESETS,
  type Preset,
  SCOPES,
  type Scope,
  SIGN_MODELS,
  type SignModel,
} from './model';

export const SETTINGS_VERSION = 3;

/** How money figures are shown: $ per 1 % move, $ per 1-point move, or shares per 1 % move. */
export type Units = 'per-1pct' | 'per-point' | 'shares';
export const UNITS: readonly Units[] = ['per-1pct', 'per-point', 'shares'];

/** Verdict colours: Okabe–Ito blue/orange (colour-blind safe, default) or the classic green/red. */
export type Palette = 'okabe-ito' | 'classic';
export const PALETTES: readonly Palette[] = ['okabe-ito', 'classic'];

/** Browser notifications when the verdict changes or the price crosses the flip or a wall (opt-in). */
export interface AlertSettings {
  /** Off by default; turning it on asks for the optional `notifications` permission. */
  enabled: boolean;
  /** Minutes between two alerts for the same symbol (default 5). */
  cooldownMin: number;
  /** At most this many alerts in any hour, all symbols together (default 12). */
  maxPerHour: number;
}

export interface Settings {
  version: typeof SETTINGS_VERSION;
  signs: SignModel;
  preset: Preset;
  scope: Scope;
  /** Whose contracts count: open interest (default), plus the day's volume, or volume alone. */
  positions: PositionsModel;
  /** Annual, continuously compounded decimal (0.05 = 5 %). */
  rate: number;
  /** Annual dividend yield, decimal. */
  dividend: number;
  /** Contract multiplier per underlying symbol (upper case); absent → 100. */
  multipliers: Record<string, number>;
  /** |balance| below `balance`, or a flip within `flipDistance`·S, is "transition". */
  transitionBand: { balance: number; flipDistance: number };
  /** Draw the on-page overlay next to the price (global switch). */
  overlay: boolean;
  /** Per-site overlay switch: hostname → shown. Absent = follows the global switch. */
  overlaySites: Record<string, boolean>;
  units: Units;
  palette: Palette;
  alerts: AlertSettings;
  /** Hostname → reading enabled. Absent = built-in default (on for the built-in broker hosts). */
  sites: Record<string, boolean>;
}

export const DEFAULT_MULTIPLIER = 100;

export const DEFAULT_SETTINGS: Readonly<Settings> = Object.freeze({
  version: SETTINGS_VERSION,
  signs: DEFAULT_MODEL.signs,
  preset: DEFAULT_MODEL.preset,
  scope: DEFAULT_MODEL.scope,
  positions: DEFAULT_MODEL.positions,
  rate: DEFAULT_MODEL.rate,
  dividend: DEFAULT_MODEL.dividend,
  multipliers: {},
  transitionBand: { ...DEFAULT_MODEL.transitionBand },
  overlay: true,
  overlaySites: {},
  units: 'per-1pct',
  palette: 'okabe-ito',
  alerts: { enabled: false, cooldownMin: 5, maxPerHour: 12 },
  sites: {},
});

const HOST = z.string().check(z.regex(/^[a-z0-9.-]{1,253}(:\d+)?$/));
const fraction = (max: number) => z.number().check(z.gte(0), z.lte(max));
const FIELDS: { [K in Exclude<keyof Settings, 'version'>]: z.ZodMiniType<Settings[K]> } = {
  signs: z.enum(SIGN_MODELS as [SignModel, ...SignModel[]]),
  preset: z.enum(PRESETS as [Preset, ...Preset[]]),
  scope: z.enum(SCOPES as [Scope, ...Scope[]]),
  positions: z.enum(POSITIONS_MODELS as [PositionsModel, ...PositionsModel[]]),
  rate: z.number().check(z.gte(-0.2), z.lte(0.5)),
  dividend: z.number().check(z.gte(0), z.lte(0.5)),
  multipliers: z.record(
    z.string().check(z.regex(/^([A-Z0-9.^/!_-]{1,16}|\*)$/)),
    z.number().check(z.gt(0), z.lte(100_000)),
  ),
  transitionBand: z.object({ balance: fraction(0.5), flipDistance: fraction(0.05) }),
  overlay: z.boolean(),
  overlaySites: z.record(HOST, z.boolean()),
  units: z.enum(UNITS as [Units, ...Units[]]),
  palette: z.enum(PALETTES as [Palette, ...Palette[]]),
  alerts: z.object({
    enabled: z.boolean(),
    cooldownMin: z.number().check(z.gte(1), z.lte(240)),
    maxPerHour: z.number().check(z.gte(1), z.lte(120)),
  }),
  sites: z.record(HOST, z.boolean()),
};

type Raw = Record<string, unknown>;

/**
 * Migrations keyed by the version they upgrade FROM. Version 1 (the first draft) kept one global
 * `multiplier` number and the band as a bare balance threshold `band`.
 */
const MIGRATIONS: Record<number, (old: Raw) => Raw> = {
  1: ({ multiplier, band, ...rest }) => ({
    ...rest,
    version: 2,
    multipliers:
      typeof multiplier === 'number' && multiplier !== DEFAULT_MULTIPLIER ? { '*': multiplier } : {},
    transitionBand:
      typeof band === 'number'
        ? { balance: band, flipDistance: DEFAULT_MODEL.transitionBand.flipDistance }
        : undefined,
  }),
  // Version 3 added positions, overlaySites, palette and alerts: absent fields take their defaults.
  2: (r) => ({ ...r, version: 3 }),
};

export interface SettingsRead {
  settings: Settings;
  /** One line per field that was replaced by its default, or migration performed. */
  notes: string[];
}

/** Validates any stored value into Settings; never throws. */
export function readSettings(stored: unknown): SettingsRead {
  const notes: string[] = [];
  if (stored === undefined || stored === null)
    return { settings: structuredClone({ ...DEFAULT_SETTINGS }), notes };
  if (typeof stored !== 'object' || Array.isArray(stored)) {
    return {
      settings: structuredClone({ ...DEFAULT_SETTINGS }),
      notes: ['stored settings were not an object; using defaults'],
    };
  }
  let raw = { ...(stored as Raw) };
  let v = typeof raw.version === 'number' ? raw.version : 1;
  while (v < SETTINGS_VERSION && MIGRATIONS[v]) {
    raw = MIGRATIONS[v]!(raw);
    notes.push(`settings upgraded from version ${v}`);
    v++;
  }
  if (v > SETTINGS_VERSION) notes.push(`settings come from a newer version (${v}); unknown fields ignored`);
  const out: Raw = { version: SETTINGS_VERSION };
  for (const key of Object.keys(FIELDS) as (keyof typeof FIELDS)[]) {
    const value = raw[key];
    const fallback = structuredClone(DEFAULT_SETTINGS[key]);
    if (value === undefined) {
      out[key] = fallback;
      continue;
    }
    const parsed = FIELDS[key].safeParse(value);
    if (parsed.success) out[key] = parsed.data;
    else {
      out[key] = fallback;
      notes.push(`${key}: invalid value ${JSON.stringify(value)?.slice(0, 60)}; using the default`);
    }
  }
  return { settings: out as unknown as Settings, notes };
}

/** Applies a partial change and validates the result; throws a RangeError naming a bad field. */
export function updateSettings(current: Settings, patch: Partial<Omit<Settings, 'version'>>): Settings {
  for (const [key, value] of Object.entries(patch)) {
    const schema = FIELDS[key as keyof typeof FIELDS];
    if (!schema) throw new RangeError(`unknown setting "${key}"`);
    if (!schema.safeParse(value).success)
      throw new RangeError(`setting "${key}": invalid value ${JSON.stringify(value)}`);
  }
  return { ...current, ...patch, version: SETTINGS_VERSION };
}

/** Contract multiplier for an underlying: its own entry, else the '*' entry, else 100. */
export function multiplierFor(settings: Settings, underlying: string): number {
  return settings.multipliers[underlying.toUpperCase()] ?? settings.multipliers['*'] ?? DEFAULT_MULTIPLIER;
}

/** The engine model these settings describe for one underlying. */
export function modelFor(settings: Settings, underlying: string): Model {
  return makeModel({
    preset: settings.preset,
    signs: settings.signs,
    scope: settings.scope,
    positions: settings.positions,
    rate: settings.rate,
    dividend: settings.dividend,
    multiplier: multiplierFor(settings, underlying),
    transitionBand: settings.transitionBand,
  });
}
