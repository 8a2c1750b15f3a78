/**
 * The popup's first paint from storage.session (src/popup/stored-snapshot.ts): the stored reading and
 * glance are used only when every field has its type and the glance belongs to that reading; anything
 * else gives undefined and the popup asks the background instead. (That the background stores the
 * glance it would answer: test/background/live-updates.test.ts.)
 */
import { describe, expect, it, vi } from 'vitest';
import type { TabGlance, TabReading } from '../../src/messaging/types.ts';
import { sampleGlance, sampleReading } from './sample-tab.ts';

const session = vi.hoisted(() => ({ get: null as null | ((keys: string[]) => Promise<unknown>) }));
vi.mock('../../src/platform/browser.ts', () => ({
  ext: {
    get storage() {
      if (!session.get) throw new TypeError('storage is undefined'); // no storage.session here
      return { session: { get: session.get } };
    },
  },
}));
const { snapshotFromSession, storedSnapshot } = await import('../../src/popup/stored-snapshot.ts');

const TAB = sampleReading.tabId;
const reading: TabReading = { ...sampleReading, host: 'www.google.com' };
const glance: TabGlance = { ...sampleGlance, regime: 'transition' };
const items = (r: unknown, g: unknown, extra: Record<string, unknown> = {}) => ({
  [`tab:${TAB}`]: r,
  [`live:${TAB}`]: {
    key: 'k',
    verdict: 'stabilizing',
    sent: null,
    sentAt: 1,
    delivered: false,
    glance: g,
    ...extra,
  },
});

describe('snapshotFromSession', () => {
  it('gives the stored reading and glance when they fit together', () => {
    expect(snapshotFromSession(items(reading, glance), TAB)).toEqual({ reading, glance });
    const noFlip = { ...glance, flip: null };
    expect(snapshotFromSession(items(reading, noFlip), TAB)?.glance).toEqual(noFlip);
  });

  it('gives undefined when a part is missing, or is another tab’s', () => {
    expect(snapshotFromSession({}, TAB)).toBeUndefined();
    expect(snapshotFromSession(items(reading, null), TAB)).toBeUndefined();
    expect(snapshotFromSession(items(undefined, glance), TAB)).toBeUndefined();
    expect(snapshotFromSession({ [`tab:${TAB}`]: reading, [`live:${TAB}`]: 'x' }, TAB)).toBeUndefined();
    expect(snapshotFromSession(items({ ...reading, tabId: 8 }, glance), TAB)).toBeUndefined();
  });

  it('gives undefined when the glance was computed for another price or symbol than the reading', () => {
    expect(snapshotFromSession(items({ ...reading, price: 4506 }, glance), TAB)).toBeUndefined();
    expect(snapshotFromSession(items({ ...reading, price: null }, glance), TAB)).toBeUndefined();
    expect(snapshotFromSession(items({ ...reading, symbol: 'SPX' }, glance), TAB)).toBeUndefined();
  });

  const damaged: [string, Record<string, unknown>, Record<string, unknown>][] = [
    ['a price that is text', { price: '4505.1' }, {}],
    ['an unknown reading method', { method: 'guess' }, {}],
    ['a confidence that is not finite', { confidence: Number.NaN }, {}],
    ['suspect that is not a boolean', { suspect: 'no' }, {}],
    ['a host that is not text', { host: 1 }, {}],
    ['an unknown verdict', {}, { verdict: 'bullish' }],
    ['an unknown raw regime', {}, { regime: 'up' }],
    ['a flip that is not a number', {}, { flip: '4494' }],
    ['an infinite net GEX', {}, { netGex: Number.POSITIVE_INFINITY }],
    ['another status', {}, { status: 'no-chain' }],
    ['a fractional count of contracts', {}, { used: 1.5 }],
    ['no scope', {}, { scope: undefined }],
    ['atSnapshot that is not a boolean', {}, { atSnapshot: 0 }],
  ];
  it.each(damaged)('gives undefined for %s', (_what, r, g) => {
    expect(snapshotFromSession(items({ ...reading, ...r }, { ...glance, ...g }), TAB)).toBeUndefined();
  });
});

describe('storedSnapshot', () => {
  it('reads both keys of the tab in one get()', async () => {
    const asked: string[][] = [];
    session.get = async (keys) => {
      asked.push(keys);
      return items(reading, glance);
    };
    expect(await storedSnapshot(TAB)).toEqual({ reading, glance });
    expect(asked).toEqual([[`tab:${TAB}`, `live:${TAB}`]]);
  });

  it('gives undefined, not an error, when storage.session is missing or fails', async () => {
    session.get = null;
    expect(await storedSnapshot(TAB)).toBeUndefined();
    session.get = async () => {
      throw new Error('quota');
    };
    expect(await storedSnapshot(TAB)).toBeUndefined();
  });
});
