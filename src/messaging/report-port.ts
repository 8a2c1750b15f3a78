/**
 * Price reports from a content script to the background over one long-lived port instead of a
 * runtime.sendMessage each. A page ticking 20×/s sends two reports a second; each sendMessage opened a
 * message channel, waited for the answer and closed it again, and its promise wrapper was part of the
 * content script's time (bench/content-script.bench.mjs). A report needs no answer.
 *
 * The port opens with the first report and closes after IDLE_MS without one (and on pagehide, so the
 * page stays eligible for the back/forward cache): a quiet page does not hold the background awake.
 * When the background restarts (Chrome stops an idle service worker) the port disconnects; the next
 * report opens a new one, which wakes the background. The background treats a port's messages exactly
 * as runtime messages from the same sender (./router.ts: sender check, schema, handler).
 */
import { pageProofTimers, type Timers } from '../content/timers.ts';
import { ext, type Runtime } from '../platform/content-runtime.ts';
import { type Envelope, REPORT_PORT } from './protocol.ts';
import type { PageReport } from './types.ts';

const IDLE_MS = 30_000;

export interface ReportPortOptions {
  connect?: () => Runtime.Port;
  idleMs?: number;
  /** Where to listen for pagehide (the content script's window). */
  target?: EventTarget;
  /** Timers the page cannot clear (../content/timers.ts) unless a test passes others. */
  timers?: Timers;
}

/** Returns the function that sends one report. */
export function reportPort(opts: ReportPortOptions = {}): (report: PageReport) => void {
  const connect = opts.connect ?? (() => ext.runtime.connect({ name: REPORT_PORT }));
  const idleMs = opts.idleMs ?? IDLE_MS;
  let port: Runtime.Port | null = null;
  let lastSent = 0;
  const timers = opts.timers ?? pageProofTimers;
  let idle: unknown;

  /** Forgets the port (its end is gone, or close() is closing it). */
  function drop(): void {
    timers.clearInterval(idle);
    idle = undefined;
    port = null;
  }

  function close(): void {
    const p = port;
    drop();
    try {
      p?.disconnect();
    } catch {
      // already disconnected
    }
  }

  function open(): Runtime.Port {
    const p = connect();
    p.onDisconnect.addListener(() => {
      void ext.runtime?.lastError; // Chrome: "Receiving end does not exist" is read, not logged
      if (port === p) drop();
    });
    port = p;
    // One check per idle period while open (not a timer per report).
    idle = timers.setInterval(() => {
      if (Date.now() - lastSent >= idleMs) close();
    }, idleMs);
    return p;
  }

  opts.target?.addEventListener('pagehide', close);

  return (report) => {
    const envelope: Envelope<'page/report'> = { gexfocus: 1, type: 'page/report', payload: report };
    lastSent = Date.now();
    try {
      (port ?? open()).postMessage(envelope);
    } catch {
      // A port the background dropped before its onDisconnect reached us: one new port, one retry.
      close();
      try {
        open().postMessage(envelope);
      } catch {
        close(); // the background cannot be reached now: the next report tries again
      }
    }
  };
}
