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
 *
 * A port has no delivery receipt: a report posted while the background is going away (after it took
 * its last message, before our end hears of the disconnect) is lost without an error, and a page whose
 * price then stands still would leave the background on the price before (the alerts E2E lost a
 * crossing this way in Firefox, 2 runs in 12). So when the background drops the port, the
 * last report, if it went out on that port within RESEND_WITHIN_MS, is sent once more on a new port.
 * Once: a background that drops every port cannot make us loop. Not older ones: a port dropped long
 * after the last report is a worker stopped for idleness, which must not be woken for a price it has.
 * A report that did arrive and comes again changes nothing (same price, same reading).
 */
import { pageProofTimers, type Timers } from '../content/timers.ts';
import { ext, type Runtime } from '../platform/content-runtime.ts';
import { type Envelope, REPORT_PORT } from './protocol.ts';
import type { PageReport } from './types.ts';

const IDLE_MS = 30_000;
/** A report this recent may not have reached a background that dropped its port (see above). */
const RESEND_WITHIN_MS = 10_000;

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
  let lastReport: Envelope<'page/report'> | null = null;
  /** The port the last report went out on; null once it was sent again, or when none took it. */
  let lastOn: Runtime.Port | null = null;
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
      if (port !== p) return; // closed or replaced by us
      drop();
      if (lastReport && lastOn === p && Date.now() - lastSent < RESEND_WITHIN_MS) {
        lastOn = null;
        post(lastReport);
      }
    });
    port = p;
    // One check per idle period while open (not a timer per report).
    idle = timers.setInterval(() => {
      if (Date.now() - lastSent >= idleMs) close();
    }, idleMs);
    return p;
  }

  opts.target?.addEventListener('pagehide', close);

  /** Posts on the open port (or a new one); the port it went out on, null when none took it. */
  function post(envelope: Envelope<'page/report'>): Runtime.Port | null {
    try {
      const p = port ?? open();
      p.postMessage(envelope);
      return p;
    } catch {
      // A port the background dropped before its onDisconnect reached us: one new port, one retry.
      close();
      try {
        const p = open();
        p.postMessage(envelope);
        return p;
      } catch {
        close(); // the background cannot be reached now: the next report tries again
        return null;
      }
    }
  }

  return (report) => {
    lastSent = Date.now();
    lastReport = { gexfocus: 1, type: 'page/report', payload: report };
    lastOn = post(lastReport);
  };
}
