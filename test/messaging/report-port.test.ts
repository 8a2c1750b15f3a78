/**
 * The content script's report port (src/messaging/report-port.ts): one port for many reports, a new
 * one after the background dropped it (with the last report sent again if it may have been lost),
 * closed when the page goes quiet or is hidden.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Runtime } from 'webextension-polyfill';

vi.mock('../../src/platform/content-runtime.ts', () => ({ ext: { runtime: { id: 'test-id' } } }));
const { reportPort } = await import('../../src/messaging/report-port.ts');
const { windowTimers } = await import('../content/fixture-window.ts');
const { REPORT_PORT } = await import('../../src/messaging/protocol.ts');

interface FakePort {
  posted: unknown[];
  disconnects: number;
  /** The background's end went away (Chrome stopped the service worker). */
  drop(): void;
  /** postMessage throws, as on a port the background dropped before onDisconnect arrived. */
  dead: boolean;
  port: Runtime.Port;
}

let ports: FakePort[];
function connect(): Runtime.Port {
  const onDisconnect: (() => void)[] = [];
  const f: FakePort = {
    posted: [],
    disconnects: 0,
    dead: false,
    drop: () => {
      for (const l of onDisconnect) l();
    },
    port: {
      name: REPORT_PORT,
      postMessage: (m: unknown) => {
        if (f.dead) throw new Error('Attempting to use a disconnected port object');
        f.posted.push(m);
      },
      disconnect: () => {
        f.disconnects++;
      },
      onDisconnect: { addListener: (l: () => void) => onDisconnect.push(l) },
    } as unknown as Runtime.Port,
  };
  ports.push(f);
  return f.port;
}

const report = (price: number) => ({
  symbol: 'IBM',
  price,
  text: String(price),
  site: 'cnbc',
  method: 'adapter' as const,
  confidence: 1,
  suspect: false,
  frameUrl: 'https://www.cnbc.com/quotes/IBM',
});
const payloads = (f: FakePort) => f.posted.map((m) => (m as { payload: { price: number } }).payload.price);

beforeEach(() => {
  ports = [];
  vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval', 'Date'] });
});
afterEach(() => vi.useRealTimers());

describe('reportPort', () => {
  it('sends every report as a page/report envelope over one port, opened by the first report', () => {
    const send = reportPort({ timers: windowTimers, connect });
    expect(ports).toHaveLength(0);
    for (const p of [1, 2, 3]) send(report(p));
    expect(ports).toHaveLength(1);
    expect(ports[0]!.posted[0]).toEqual({ gexfocus: 1, type: 'page/report', payload: report(1) });
    expect(payloads(ports[0]!)).toEqual([1, 2, 3]);
  });

  it('opens a new port after the background dropped the old one, and loses no report to a dead port', () => {
    const send = reportPort({ timers: windowTimers, connect });
    send(report(1));
    ports[0]!.drop(); // 1 goes out again on the new port (next test)
    send(report(2));
    expect(ports).toHaveLength(2);
    expect(payloads(ports[1]!)).toEqual([1, 2]);
    // Dropped without word (onDisconnect not yet delivered): the report goes out on a new port.
    ports[1]!.dead = true;
    send(report(3));
    expect(ports).toHaveLength(3);
    expect(payloads(ports[2]!)).toEqual([3]);
  });

  it('sends the last report once more on a new port when the background drops the port it went on', () => {
    const send = reportPort({ timers: windowTimers, connect });
    send(report(1));
    send(report(2));
    vi.advanceTimersByTime(300);
    // The background went away after 1 reached it; 2 may have been posted into the void.
    ports[0]!.drop();
    expect(ports).toHaveLength(2);
    expect(payloads(ports[1]!)).toEqual([2]);
    // Once: the new port dropped too sends nothing more (a background that drops every port).
    ports[1]!.drop();
    expect(ports).toHaveLength(2);
    // The next report goes out as usual, and is the one to send again after its port's drop.
    send(report(3));
    expect(ports).toHaveLength(3);
    ports[2]!.drop();
    expect(ports.map(payloads)).toEqual([[1, 2], [2], [3], [3]]);
  });

  it('does not wake the background for an old report: a port dropped long after it is left closed', () => {
    const send = reportPort({ timers: windowTimers, connect, idleMs: 60_000 });
    send(report(1));
    vi.advanceTimersByTime(10_000); // Chrome stops an idle worker 30 s after its last event
    ports[0]!.drop();
    expect(ports).toHaveLength(1);
    send(report(2));
    expect(ports.map(payloads)).toEqual([[1], [2]]);
  });

  it('sends nothing again after closing the port itself (idle, pagehide)', () => {
    const target = new EventTarget();
    const send = reportPort({ timers: windowTimers, connect, target });
    send(report(1));
    target.dispatchEvent(new Event('pagehide'));
    ports[0]!.drop(); // a late onDisconnect for the port we closed
    expect(ports).toHaveLength(1);
    expect(vi.getTimerCount()).toBe(0);
  });

  it('closes the port after the idle period without a report, not while reports keep coming', () => {
    const send = reportPort({ timers: windowTimers, connect, idleMs: 30_000 });
    for (let s = 0; s < 120; s++) {
      send(report(s));
      vi.advanceTimersByTime(1000);
    }
    expect(ports).toHaveLength(1);
    expect(ports[0]!.disconnects).toBe(0);
    vi.advanceTimersByTime(60_000);
    expect(ports[0]!.disconnects).toBe(1);
    expect(vi.getTimerCount()).toBe(0); // nothing left running on a quiet page
    send(report(999));
    expect(ports).toHaveLength(2);
    expect(payloads(ports[1]!)).toEqual([999]);
  });

  it('closes the port when the page is hidden (back/forward cache), and reopens on the next report', () => {
    const target = new EventTarget();
    const send = reportPort({ timers: windowTimers, connect, target });
    send(report(1));
    target.dispatchEvent(new Event('pagehide'));
    expect(ports[0]!.disconnects).toBe(1);
    expect(vi.getTimerCount()).toBe(0);
    send(report(2));
    expect(ports).toHaveLength(2);
  });

  it('keeps no report and throws nothing while the background cannot be reached', () => {
    const send = reportPort({
      timers: windowTimers,
      connect: () => {
        const p = connect();
        ports.at(-1)!.dead = true;
        return p;
      },
    });
    expect(() => send(report(1))).not.toThrow();
    expect(vi.getTimerCount()).toBe(0);
    expect(ports.every((f) => f.posted.length === 0)).toBe(true);
  });
});
