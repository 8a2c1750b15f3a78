/** Data shapes shared by several contexts (types only; no runtime code). */

/** How a reading was found: a built-in site adapter, the generic detector, or the user's pick. */
export type ReadingMethod = 'adapter' | 'generic' | 'picker';

/** Why a number was not used as the live price (see src/core/price-plausible.ts, price-text.ts). */
export type SuspectReason = 'jump' | 'not-positive' | 'not-finite' | 'prior-close' | 'halted';

/** What a content script reports about the page it runs in (validated by the background). */
export interface PageReport {
  /** Upper-case ticker as the page shows it, or null when none was found. */
  symbol: string | null;
  /** Last price; null right after a symbol change (the old price is dropped first). */
  price: number | null;
  /** The text the price was parsed from (bounded), for the popup and for debugging. */
  text: string;
  /** Adapter id ('tradingview', 'yahoo', …), or the host for generic/picker readings. */
  site: string;
  method: ReadingMethod;
  /** 0..1: how sure the reader is that this is the live last price. */
  confidence: number;
  /** The number is shown but not trusted (jump, not positive, prior close, halted). */
  suspect: boolean;
  reason?: SuspectReason;
  /** Page URL of the frame that reported (top frame or the chart's iframe). */
  frameUrl: string;
}

/** What the background knows about a tab's page: the best frame's latest report. */
export interface TabReading extends PageReport {
  tabId: number;
  /** 0 = top frame. */
  frameId: number;
  /** Wall-clock ms when the background received the report (first: the same one again keeps it). */
  at: number;
  /**
   * The reporting frame's host as the browser saw it (sender.url); '' when unknown. The background
   * sets it on every report (optional only so readings made by hand in tests need not). Show this,
   * never a host parsed from a page's payload; the stored `frameUrl` is the sender's URL too.
   */
  host?: string;
}

/** "Read prices on <host>": the tab's host, its switch, and the permissions it holds or needs. */
export interface SiteStatus {
  host: string | null;
  builtIn: boolean;
  /** The site switch (settings.sites, else the built-in default). */
  enabled: boolean;
  /** Origins of this host the extension holds (optional permissions). */
  granted: string[];
  /** What "Read prices on <host>" asks for: https, plus http when the page is http. */
  request: string[];
  /** A picked selector is saved for the host. */
  picked: boolean;
}

/** A price element the user picked on a site (storage.local `pickers[host]`). */
export interface SavedPicker {
  /** Candidate selectors, most robust first; the first that matches and parses wins. */
  selectors: string[];
  /** The element's text when it was picked. */
  sample: string;
  savedAt: number;
}

// --- Chains, settings and levels (options page, popup) --------------------------------------

/** Where a stored chain came from. */
export interface ChainSource {
  format: 'cboe-csv' | 'cboe-json' | 'generic-csv' | 'sample';
  fileName?: string;
  /** Epoch ms. */
  importedAt: number;
}

/** Page price → chain underlying: ×ratio, −offset (futures basis), or a confirmed live ratio. */
export type ConversionData =
  | { kind: 'ratio'; ratio: number }
  | { kind: 'offset'; offset: number }
  | { kind: 'auto'; ratio?: number; confirmedAt?: number };

/** One stored chain as the list shows it. */
export interface ChainSummary {
  underlying: string;
  underlyingName: string;
  /** Snapshot instant, ISO-8601 UTC. */
  asOf: string;
  source: ChainSource;
  contracts: number;
  expirations: number;
  spot: number | null;
  aliases: string[];
  conversion: ConversionData;
  aliasConversions: Record<string, ConversionData>;
  /** The file had a volume column (the positions model can use volume); absent in older indexes. */
  hasVolume?: boolean;
}

type Regime = 'stabilizing' | 'accelerating' | 'transition';
type PositionsModel = 'oi' | 'oi+volume' | 'volume';

/** A hedge trade: shares (units of the underlying; negative = sell) and notional dollars. */
export interface FlowData {
  shares: number;
  notional: number;
}

/** What the popup draws: net GEX by strike around the price, and the profile (page units). */
export interface TabChart {
  /** Strikes within ±8 % of the page price, ascending; strike in page units, GEX in $ per 1 % move. */
  strikes: { strike: number; callGex: number; putGex: number; netGex: number }[];
  /** The profile (net GEX if the price were there, $ per 1 % move), every 4th of its 801 points. */
  profile: { price: number; netGex: number }[];
}

/** One point of the hedge-flow curve: dealer trades if the price moves by `move` (fraction). */
export interface FlowPointData extends FlowData {
  move: number;
  /** The page price after the move. */
  price: number;
}

/** The structure at a later instant if the price holds (methodology "What moves the hedge"). */
export interface ProjectionData {
  /** Epoch ms. */
  at: number;
  /** $ per 1 % move at the page price. */
  netGex: number;
  /** Page units; null = no flip within ±20 %. */
  flip: number | null;
  regime: Regime;
}

/** Time, volatility and the session projection, computed at most once a minute per chain and model. */
export interface DriversData {
  /** When they were computed (epoch ms) and at which page price. */
  computedAt: number;
  pagePrice: number;
  /** If the price holds until `until` (15:55 New York): what dealers trade. */
  charmFlow: FlowData & { until: number };
  /** If every IV moves ±1 vol point now. */
  vannaFlow: { up1vol: FlowData; down1vol: FlowData };
  /** Session hours up to 15:55 New York, then 15:55. */
  projection: ProjectionData[];
  /** Just after the horizon day's last expiration settles (null when none settles that day). */
  afterExpirations: ProjectionData | null;
}

/** The levels for a tab, in the page's price units (see src/background/analysis/). */
export type TabAnalysis =
  | { status: 'no-reading' }
  | { status: 'no-chain'; symbol: string | null }
  | {
      status: 'needs-ratio';
      symbol: string;
      underlying: string;
      pagePrice: number;
      chainSpot: number | null;
      asOf: string;
    }
  | { status: 'error'; message: string }
  | TabLevels;

export interface TabLevels {
  status: 'ok';
  /** The page's symbol and price (page units). */
  symbol: string;
  pagePrice: number;
  underlying: string;
  /** The page price converted to the underlying. */
  underlyingPrice: number;
  conversion: ConversionData;
  preset: string;
  scope: string;
  signs: string;
  /** The positions model applied: the setting, or 'oi' when the chain has no volume column. */
  positions: PositionsModel;
  /** Set when the setting asked for volume and the chain has none (its file has no volume column). */
  positionsWanted?: PositionsModel;
  units: 'per-1pct' | 'per-point' | 'shares';
  multiplier: number;
  /** Chain snapshot (ISO UTC) and the evaluation instant (epoch ms). */
  asOf: string;
  evaluatedAt: number;
  /**
   * True when every contract had expired at the live clock, so the levels are shown as of the
   * chain's snapshot time instead (labelled as such; e.g. the bundled 2023 sample).
   */
  atSnapshot: boolean;
  /** The raw regime at this evaluation (methodology "Regime at the current price"). */
  regime: 'stabilizing' | 'accelerating' | 'transition';
  /**
   * The verdict shown for the tab: the regime with hysteresis (src/core/verdict.ts), the same word
   * the badge and the on-page overlay show. Absent when no tab state was consulted.
   */
  verdict?: 'stabilizing' | 'accelerating' | 'transition';
  /** $ per 1 % move. */
  netGex: number;
  grossGex: number;
  balance: number;
  /** Page units; null = none. */
  flip: number | null;
  callWall: number | null;
  putWall: number | null;
  absGammaStrike: number | null;
  /** Dealer hedge trades for a ±1 % move: units of the underlying and dollars (negative = sell). */
  hedgeFlow: { up1pct: { shares: number; notional: number }; down1pct: { shares: number; notional: number } };
  contracts: { total: number; used: number; expired: number; noIv: number; outOfScope: number };
  zeroDteShare: number;
  chart: TabChart;
  /** Dealer trades for moves of −3 % … +3 % of the price (31 points, full revaluation). */
  flowCurve: FlowPointData[];
  /** What moves the hedge besides price; null under the classic preset (it has no clock). */
  drivers: DriversData | null;
}

/**
 * The verdict at a glance: what the popup paints first, from the tab's live evaluation (cached levels +
 * one evaluateAt), before the full TabLevels (profile, chart, flow curve) arrive. Page units.
 */
export interface TabGlance {
  status: 'glance';
  symbol: string;
  pagePrice: number;
  underlying: string;
  verdict: Regime;
  /** The raw regime at this exact price (the verdict adds hysteresis). */
  regime: Regime;
  /** Nearest crossing, page units; null = none within ±20 %. */
  flip: number | null;
  /** $ per 1 % move at the page price. */
  netGex: number;
  /** Chain snapshot (ISO UTC), evaluation instant (epoch ms). */
  asOf: string;
  evaluatedAt: number;
  atSnapshot: boolean;
  /** Contracts in scope and alive (0 = nothing in scope), and the expiry scope that applied. */
  used: number;
  scope: string;
}

// --- On-page overlay (background → content script; owned by the overlay) ---------------------------

/**
 * What the overlay draws, already in the page's units and formatted by the background
 * (src/background/overlay/view-model.ts); the content script only places these strings with
 * textContent. The pill shows `glyph`, `word`, `flip` and `move` (or `staleWhy` when grey); the card
 * adds the rest.
 */
export interface OverlayView {
  verdict: 'stabilizing' | 'accelerating' | 'transition';
  /** Grey: the verdict is not live (old chain, levels as of the snapshot, suspect or quiet price). */
  stale: boolean;
  /** Why it is grey, short enough for the pill ("chain 2 d 4 h old"); null when live. */
  staleWhy: string | null;
  /** Verdict colours: Okabe–Ito (colour-blind safe, default) or the classic green/red. */
  palette: 'okabe-ito' | 'classic';
  /** The badge's glyph for the verdict: "+γ", "−γ", "≈". */
  glyph: string;
  /** "Stabilizing". */
  word: string;
  /** Distance to the flip for the pill: "flip −0.24 %", or "no flip near". */
  flip: string;
  /** The hedge for a +1 % move, one phrase (src/core/phrases.ts): "+1 %: sell $1.10 bn (≈ 4,878 ES)". */
  move: string;
  /** The pill said as one sentence, for assistive technology. */
  label: string;
  /** "SPX 4,512.40" (the page's symbol and price). */
  price: string;
  /** The type of pressure in words, never a direction. */
  line: string;
  /** Levels and the price, highest first (page units), each with its signed distance and a definition. */
  ladder: { label: string; value: string; distance: string; here: boolean; hint: string }[];
  /** What dealers trade if the price moves ±1 %, time passes to the close, or IV moves ±1 point. */
  flows: { label: string; value: string }[];
  /** The structure later if the price holds: at the close, after today's expirations. */
  later: { label: string; value: string }[];
  /** Chain age and snapshot, and the model in one line. */
  age: string;
  model: string;
  /** Warnings and context; `warn` draws them in the warning colour. */
  notes: { text: string; warn: boolean }[];
  /** About the price reading: "guess", "suspect: …". */
  flags: string[];
}

/** Where the user put the overlay on a site: fractions (0..1) of the free space, and pill or dot. */
export interface OverlayPlace {
  /** 0 = left edge, 1 = right edge of the space the pill can take. */
  x: number;
  /** 0 = top, 1 = bottom. */
  y: number;
  /** Shrunk to a dot. */
  dot: boolean;
}

/** The top frame's overlay at start: the place saved for its site and the command's key. */
export interface OverlayStart {
  place: OverlayPlace | null;
  /** The keyboard shortcut of the toggle command as the browser shows it, or null when none is set. */
  shortcut: string | null;
}
