/**
 * The extension runtime for content scripts, without webextension-polyfill. The content script runs
 * in every frame of every enabled broker page, and the polyfill (its table of every API's arguments,
 * ~3 KB gzipped, a sixth of the file) was there for a few runtime members that both browsers offer
 * natively with promises in Manifest V3 (Chrome ≥ 121, Firefox ≥ 142: the manifest's minimums):
 * sendMessage, connect, onMessage, id and lastError. The one difference is onMessage: Firefox sends
 * back the promise a listener returns, Chrome only answers through the sendResponse callback of a
 * listener that returned true. Here, as in the polyfill, a listener returns a promise (answered) or undefined
 * (not ours). Extension pages and the background keep the polyfill (./browser.ts).
 */
import type { Runtime } from 'webextension-polyfill';
import { requester } from '../messaging/request.ts';

/** A content script's message listener: a promise of the answer, or undefined to leave it to others. */
export type ContentListener = (
  message: unknown,
  sender: Runtime.MessageSender,
) => Promise<unknown> | undefined;

type NativeListener = (
  message: unknown,
  sender: Runtime.MessageSender,
  respond: (v: unknown) => void,
) => unknown;
interface NativeRuntime {
  id: string;
  lastError?: { message?: string } | null;
  sendMessage(message: unknown): Promise<unknown>;
  connect(info: { name: string }): Runtime.Port;
  onMessage: { addListener(l: NativeListener): void; removeListener(l: NativeListener): void };
}

/** The runtime of `scope` (globalThis in the content script; a fake in tests). */
export function contentRuntime(scope: { browser?: unknown; chrome?: unknown }) {
  // Looked up at the first call, not at import (unit tests import this without a browser).
  let found: { native: NativeRuntime; promises: boolean } | undefined;
  const runtime = () => {
    if (!found) {
      const firefox = (scope.browser as { runtime?: NativeRuntime } | undefined)?.runtime;
      found = firefox?.id
        ? { native: firefox, promises: true }
        : { native: (scope.chrome as { runtime: NativeRuntime }).runtime, promises: false };
    }
    return found;
  };
  // Chrome: the listener's promise answers through sendResponse (returning true keeps the channel open).
  const wrapped = new WeakMap<ContentListener, NativeListener>();
  const wrap = (listener: ContentListener): NativeListener =>
    runtime().promises
      ? listener
      : (message, sender, respond) => {
          const answer = listener(message, sender);
          if (!answer) return false;
          answer.then(respond, () => respond(undefined));
          return true;
        };
  return {
    get id() {
      return runtime().native.id;
    },
    get lastError() {
      return runtime().native.lastError;
    },
    sendMessage: (message: unknown) => runtime().native.sendMessage(message),
    connect: (info: { name: string }) => runtime().native.connect(info),
    onMessage: {
      addListener(listener: ContentListener) {
        const l = wrapped.get(listener) ?? wrap(listener);
        wrapped.set(listener, l);
        runtime().native.onMessage.addListener(l);
      },
      removeListener(listener: ContentListener) {
        const l = wrapped.get(listener);
        if (l) runtime().native.onMessage.removeListener(l);
      },
    },
  };
}

export type { Runtime };
export const ext = { runtime: contentRuntime(globalThis as { browser?: unknown; chrome?: unknown }) };
/** Typed request/response from a content script (../messaging/request.ts). */
export const send = requester((message) => ext.runtime.sendMessage(message));
