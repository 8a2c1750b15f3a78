/**
 * The router's refusal logic, without a browser: the platform module (the one place that imports
 * webextension-polyfill, which throws under Node) is replaced by a stub with our id and origin.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { Runtime } from 'webextension-polyfill';

const ID = 'gexfocus-test-id';
const ORIGIN = `chrome-extension://${ID}/`;

vi.mock('../../src/platform/browser.ts', () => ({
  ext: { runtime: { id: ID, getURL: (path: string) => `${ORIGIN}${path}` } },
}));

const { acceptReportPort, dispatch } = await import('../../src/messaging/router.ts');
const { REPORT_PORT } = await import('../../src/messaging/protocol.ts');
const { MESSAGE_ORIGIN } = await import('../../src/messaging/protocol.ts');
type Handlers = import('../../src/messaging/router.ts').Handlers;

const extensionPage = { id: ID, url: `${ORIGIN}src/popup/index.html` };
// Only the fields the router reads; a real Tabs.Tab has many more.
const contentScript = {
  id: ID,
  url: 'https://finance.yahoo.com/quote/SPY',
  tab: { id: 42 },
  frameId: 0,
} as Runtime.MessageSender & { url: string };
const otherExtension = { id: 'other', url: 'chrome-extension://other/page.html' };
const envelope = (type: string, payload: unknown) => ({ gexfocus: 1, type, payload });

let handlers: Handlers;
let calls: Array<{ type: string; payload: unknown; tabId?: number }>;

beforeEach(() => {
  calls = [];
  handlers = Object.fromEntries(
    Object.keys(MESSAGE_ORIGIN).map((type) => [
      type,
      (payload: unknown, ctx: { tabId?: number }) => {
        calls.push({ type, payload, tabId: ctx.tabId });
        return `handled ${type}`;
      },
    ]),
  ) as unknown as Handlers;
});

describe('dispatch', () => {
  it('ignores messages that are not our envelope, so other listeners can answer them', async () => {
    for (const message of [null, 'app/ping', { type: 'app/ping' }, { gexfocus: 2, type: 'app/ping' }]) {
      expect(await dispatch(handlers, message, extensionPage)).toBeUndefined();
    }
    expect(await dispatch(handlers, envelope('no/such-type', null), extensionPage)).toBeUndefined();
    expect(await dispatch(handlers, envelope('toString', null), extensionPage)).toBeUndefined();
    expect(calls).toEqual([]);
  });

  it('answers an extension message from an extension page', async () => {
    expect(await dispatch(handlers, envelope('app/ping', null), extensionPage)).toEqual({
      ok: true,
      value: 'handled app/ping',
    });
  });

  it('refuses an extension-only message from a content script with Forbidden', async () => {
    const reply = await dispatch(handlers, envelope('tab/reading', { tabId: 1 }), contentScript);
    expect(reply).toMatchObject({ ok: false, error: { name: 'Forbidden' } });
    expect(calls).toEqual([]);
  });

  it('refuses a content-script message sent from an extension page with Forbidden', async () => {
    const reply = await dispatch(
      handlers,
      envelope('page/hello', { frameUrl: 'https://a.test/' }),
      extensionPage,
    );
    expect(reply).toMatchObject({ ok: false, error: { name: 'Forbidden' } });
    expect(calls).toEqual([]);
  });

  it('refuses every message type from another extension', async () => {
    for (const type of Object.keys(MESSAGE_ORIGIN)) {
      const reply = await dispatch(handlers, envelope(type, null), otherExtension);
      expect(reply).toMatchObject({ ok: false, error: { name: 'Forbidden' } });
    }
    expect(calls).toEqual([]);
  });

  it('passes a valid content payload and the sender tab to the handler', async () => {
    const reply = await dispatch(
      handlers,
      envelope('page/hello', { frameUrl: contentScript.url }),
      contentScript,
    );
    expect(reply).toEqual({ ok: true, value: 'handled page/hello' });
    expect(calls).toEqual([{ type: 'page/hello', payload: { frameUrl: contentScript.url }, tabId: 42 }]);
  });

  it('rejects content payloads that fail the schema, before any handler runs', async () => {
    const bad = [
      null,
      {},
      { frameUrl: 'javascript:alert(1)' },
      { frameUrl: `https://x.test/${'a'.repeat(5000)}` },
      { frameUrl: 'https://x.test/', extra: true },
    ];
    for (const payload of bad) {
      const reply = await dispatch(handlers, envelope('page/hello', payload), contentScript);
      expect(reply).toMatchObject({ ok: false, error: { name: 'InvalidPayload' } });
    }
    expect(calls).toEqual([]);
  });

  it('returns a throwing handler’s error as {name, message} data', async () => {
    handlers['app/ping'] = () => {
      throw new RangeError('out of range');
    };
    expect(await dispatch(handlers, envelope('app/ping', null), extensionPage)).toEqual({
      ok: false,
      error: { name: 'RangeError', message: 'out of range' },
    });
  });
});

describe('the report port', () => {
  /** A fake runtime.Port: `deliver` is what the content script's postMessage would bring. */
  function fakePort(name: string, sender: Runtime.MessageSender | undefined) {
    const listeners: ((m: unknown) => void)[] = [];
    const port = {
      name,
      sender,
      onMessage: { addListener: (f: (m: unknown) => void) => listeners.push(f) },
    } as unknown as Runtime.Port;
    return {
      port,
      deliver: (m: unknown) => {
        for (const f of listeners) f(m);
      },
      listeners,
    };
  }
  const report = {
    symbol: 'SPY',
    price: 450.5,
    text: '450.50',
    site: 'yahoo',
    method: 'adapter',
    confidence: 1,
    suspect: false,
    frameUrl: contentScript.url,
  };
  const settle = () => new Promise((r) => setTimeout(r, 0));

  it("dispatches a content script's page/report with the port's sender, as runtime messaging would", async () => {
    const { port, deliver } = fakePort(REPORT_PORT, contentScript);
    acceptReportPort(handlers, port);
    deliver(envelope('page/report', report));
    await settle();
    expect(calls).toEqual([{ type: 'page/report', payload: report, tabId: 42 }]);
  });

  it('takes nothing but page/report on it, nothing from another port, and still checks sender and payload', async () => {
    const other = fakePort('something-else', contentScript);
    acceptReportPort(handlers, other.port);
    expect(other.listeners).toHaveLength(0);
    const { port, deliver } = fakePort(REPORT_PORT, contentScript);
    acceptReportPort(handlers, port);
    deliver(envelope('page/hello', { frameUrl: contentScript.url })); // a content type, but not a report
    deliver(envelope('page/report', { ...report, price: 'NaN' })); // fails the schema
    deliver({ type: 'page/report', payload: report }); // not our envelope
    const foreign = fakePort(REPORT_PORT, otherExtension as Runtime.MessageSender);
    acceptReportPort(handlers, foreign.port);
    foreign.deliver(envelope('page/report', report));
    const fromPage = fakePort(REPORT_PORT, extensionPage as Runtime.MessageSender);
    acceptReportPort(handlers, fromPage.port);
    fromPage.deliver(envelope('page/report', report)); // a report only comes from a content script
    await settle();
    expect(calls).toEqual([]);
    deliver(envelope('page/report', report));
    await settle();
    expect(calls).toHaveLength(1);
  });
});
