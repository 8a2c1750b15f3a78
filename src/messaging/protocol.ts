/**
 * Every message that crosses extension contexts, in one place: `area/verb` → request and response.
 * `from` says who may send it; the background router enforces it before a handler runs
 * (pages are untrusted: a content script runs inside them, so its payloads are also validated by
 * the schemas in ./schemas.ts).
 *
 * Each area has its own block; `Protocol` is their union.
 */
import type { ChainJSON } from '../core/chain.ts';
import type { Settings } from '../core/settings.ts';
import type {
  ChainSource,
  ChainSummary,
  ConversionData,
  OverlayPlace,
  OverlayStart,
  OverlayView,
  PageReport,
  SavedPicker,
  SiteStatus,
  TabAnalysis,
  TabGlance,
  TabLevels,
  TabReading,
} from './types.ts';

type Entry<From extends 'extension' | 'content', Req, Res> = { from: From; req: Req; res: Res };

/** Housekeeping. */
interface AppMessages {
  /** Liveness check used by pages and tests: is the background up? */
  'app/ping': Entry<'extension', null, { version: string; startedAt: number }>;
}

/** Content script → background: what the page shows. */
interface PageMessages {
  /** A content script announces itself on a page (before it has a price). */
  'page/hello': Entry<'content', { frameUrl: string }, { tabId: number }>;
  /**
   * At start: may this frame read prices (site enabled, or a picked selector saved for its host)?
   * `adapter` is the id of the built-in adapter the page matched, if any.
   */
  'page/config': Entry<
    'content',
    { frameUrl: string; adapter: string | null },
    { enabled: boolean; picker: SavedPicker | null }
  >;
  /** The reading changed (sent at most a few times a second, only on change). */
  'page/report': Entry<'content', PageReport, null>;
  /**
   * The top frame's overlay asks for a fresh view (time decay, a changed setting or chain). Answered
   * from the tab's stored reading, not from anything in the payload; null = draw nothing.
   */
  'page/overlay': Entry<'content', null, OverlayView | null>;
  /** The user picked the price element: save its selectors for the frame's host. */
  'picker/picked': Entry<
    'content',
    { frameUrl: string; selectors: string[]; sample: string },
    { saved: boolean }
  >;
}

/** Popup/options → background: per-tab state. */
interface TabMessages {
  /** The latest reading for a tab (symbol, price, how it was found), or null. */
  'tab/reading': Entry<'extension', { tabId: number }, TabReading | null>;
  /** Start the element picker in the tab's top frame (injects the content script when it is absent). */
  'picker/start': Entry<'extension', { tabId: number }, { started: boolean }>;
  /** Forget the picked selector for the tab's host (and its dynamic script + optional permission). */
  'picker/forget': Entry<'extension', { tabId: number }, { forgotten: boolean }>;
  /** Is a picked selector saved for this tab's host, and does the extension hold its host permission? */
  'picker/status': Entry<
    'extension',
    { tabId: number },
    { host: string | null; saved: boolean; builtIn: boolean }
  >;
}

/** Background → content script commands (sent with tabs.sendMessage; not routed by the router). */
export type ContentCommand = 'picker/start' | 'picker/forget' | 'page/url';
export interface CommandEnvelope {
  gexfocus: 1;
  command: ContentCommand;
}

/**
 * Background → the tab's top frame (tabs.sendMessage, frameId 0): the overlay's view after a price
 * report, or null to remove it (overlay turned off, no chain for the new symbol).
 */
export interface OverlayEnvelope {
  gexfocus: 1;
  command: 'overlay/show';
  view: OverlayView | null;
}

/**
 * The top frame's overlay → background (owned by the overlay). The site is always the sender's
 * (sender.url, decided by the browser), never anything in the payload.
 */
interface OverlayMessages {
  /** The overlay starts on a page: the place saved for its site and the toggle command's key. */
  'overlay/start': Entry<'content', null, OverlayStart>;
  /** The user moved the overlay or shrank it to a dot: remember it for the site. */
  'overlay/place': Entry<'content', OverlayPlace, null>;
  /** The user hid the overlay on this tab (as the keyboard command does; the command shows it again). */
  'overlay/hide': Entry<'content', null, null>;
}

/** Popup / options page → background: "Read prices on <host>" (reading on a host without an adapter). */
interface SiteMessages {
  /** The tab's host, its switch, the origins held and the ones "Read prices" would ask for. */
  'site/status': Entry<'extension', { tabId: number }, SiteStatus>;
  /** After the popup's permission request: switch on, register the dynamic script, start on the tab. */
  'site/enable': Entry<'extension', { tabId: number }, { host: string | null }>;
  /** Switch off, forget the pick, unregister, remove the host's optional permissions. */
  'site/disable': Entry<'extension', { tabId: number }, { host: string | null }>;
  /** The options page's Sites list: on (permission already granted), off, or null = back to default. */
  'sites/set': Entry<'extension', { host: string; on: boolean | null }, Record<string, boolean>>;
}

/** Options page / popup → background: stored chains (all writes go through the background). */
interface ChainMessages {
  'chains/list': Entry<'extension', null, { chains: ChainSummary[]; problems: string[] }>;
  /** Save an imported chain (replaces the underlying's chain; the old one survives a failure). */
  'chains/save': Entry<
    'extension',
    { chain: ChainJSON; asOf: string; source: ChainSource; underlying?: string },
    ChainSummary
  >;
  'chains/delete': Entry<'extension', { underlying: string }, null>;
  /** Change a chain's page symbols and conversions. */
  'chains/mapping': Entry<
    'extension',
    {
      underlying: string;
      aliases?: string[];
      conversion?: ConversionData;
      aliasConversions?: Record<string, ConversionData>;
      /** Added to the chain's conversions in the background's write queue (the popup's "Use ratio"). */
      addAliasConversions?: Record<string, ConversionData>;
    },
    ChainSummary
  >;
  /** Import the bundled SPX sample chain (also used by `npm start`'s demo). */
  'chains/load-sample': Entry<'extension', null, ChainSummary>;
  /** Everything (settings + chains) as one backup object. */
  'backup/export': Entry<'extension', null, unknown>;
  /** Restore a backup; validated as a whole first, so a bad file changes nothing. */
  'backup/import': Entry<'extension', { backup: unknown }, { chains: number; notes: string[] }>;
}

/** Options page / popup → background: settings (validated on every read). */
interface SettingsMessages {
  'settings/get': Entry<'extension', null, { settings: Settings; notes: string[] }>;
  'settings/update': Entry<'extension', { patch: Partial<Omit<Settings, 'version'>> }, Settings>;
}

/** Popup → background: the levels for a tab, in the page's units. */
interface AnalysisMessages {
  'tab/analysis': Entry<'extension', { tabId: number }, TabAnalysis>;
  /**
   * The tab's reading with the verdict and flip only (cheap: the popup's first paint and its ticks),
   * or why there is no verdict. `quick`: the verdict the badge shows now, when it is for this chain.
   */
  'tab/glance': Entry<
    'extension',
    { tabId: number; quick?: boolean },
    { reading: TabReading | null; glance: TabGlance | Exclude<TabAnalysis, TabLevels> }
  >;
}

export type Protocol = AppMessages &
  PageMessages &
  TabMessages &
  SiteMessages &
  ChainMessages &
  SettingsMessages &
  AnalysisMessages &
  OverlayMessages;

export type MessageType = keyof Protocol;
export type Req<T extends MessageType> = Protocol[T]['req'];
export type Res<T extends MessageType> = Protocol[T]['res'];

/** The content script's report port (./report-port.ts): page/report envelopes only (./router.ts). */
export const REPORT_PORT = 'gexfocus/report';

export interface Envelope<T extends MessageType = MessageType> {
  /** Marks our messages so the router ignores anything else on the channel. */
  gexfocus: 1;
  type: T;
  payload: Req<T>;
}

/** Errors cross contexts as plain data and are thrown again on the caller's side. */
export type Reply<T extends MessageType> =
  | { ok: true; value: Res<T> }
  | { ok: false; error: { name: string; message: string } };

/** Who may send each message (checked by the router). Keep in step with the interfaces above. */
export const MESSAGE_ORIGIN: { [K in MessageType]: Protocol[K]['from'] } = {
  'app/ping': 'extension',
  'page/hello': 'content',
  'page/config': 'content',
  'page/report': 'content',
  'page/overlay': 'content',
  'picker/picked': 'content',
  'tab/reading': 'extension',
  'picker/start': 'extension',
  'picker/forget': 'extension',
  'picker/status': 'extension',
  'site/status': 'extension',
  'site/enable': 'extension',
  'site/disable': 'extension',
  'sites/set': 'extension',
  'chains/list': 'extension',
  'chains/save': 'extension',
  'chains/delete': 'extension',
  'chains/mapping': 'extension',
  'chains/load-sample': 'extension',
  'backup/export': 'extension',
  'backup/import': 'extension',
  'settings/get': 'extension',
  'settings/update': 'extension',
  'tab/analysis': 'extension',
  'tab/glance': 'extension',
  'overlay/start': 'content',
  'overlay/place': 'content',
  'overlay/hide': 'content',
};
