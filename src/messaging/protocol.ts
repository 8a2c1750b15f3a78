/**
 * Every message that crosses extension contexts, in one place: `area/verb` → request and response.
 * `from` says who may send it; the background router enforces it before a handler runs
 * (pages are untrusted: a content script runs inside them, so its payloads are also validated by
 * the schemas in ./schemas.ts).
 *
 * Each area has its own block; `Protocol` is their union.
 */
import type { TabReading } from './types.ts';

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
}

/** Popup/options → background: per-tab state. */
interface TabMessages {
  /** The latest reading for a tab (symbol, price, how it was found), or null. */
  'tab/reading': Entry<'extension', { tabId: number }, TabReading | null>;
}

export type Protocol = AppMessages & PageMessages & TabMessages;

export type MessageType = keyof Protocol;
export type Req<T extends MessageType> = Protocol[T]['req'];
export type Res<T extends MessageType> = Protocol[T]['res'];

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
  'tab/reading': 'extension',
};
