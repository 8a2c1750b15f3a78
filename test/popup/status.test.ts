import { describe, expect, it } from 'vitest';
import { chipsOf, popupState, QUIET_READING_MS } from '../../src/popup/model/status.ts';
import { NOW, sampleGlance, sampleReading } from './sample-tab.ts';

const reading = sampleReading;
const glance = sampleGlance;

describe('which state the popup is in', () => {
  it('shows the verdict when the tab has a price and a chain with contracts in scope', () => {
    expect(popupState(7, reading, glance)).toEqual({ kind: 'ok' });
  });

  it('has a state for every reason there is no verdict', () => {
    expect(popupState(undefined, undefined, undefined).kind).toBe('no-tab');
    expect(popupState(7, null, undefined).kind).toBe('no-price');
    expect(popupState(7, { ...reading, price: null }, { status: 'no-chain', symbol: '.INX' }).kind).toBe(
      'no-price',
    );
    expect(popupState(7, reading, undefined).kind).toBe('loading');
    expect(popupState(7, reading, { status: 'no-reading' }).kind).toBe('no-price');
    expect(popupState(7, reading, { status: 'no-chain', symbol: '.INX' })).toEqual({
      kind: 'no-chain',
      symbol: '.INX',
    });
    expect(popupState(7, reading, { status: 'error', message: 'boom' })).toEqual({
      kind: 'error',
      message: 'boom',
    });
    expect(popupState(7, reading, { ...glance, used: 0, scope: '0dte' })).toEqual({
      kind: 'nothing-in-scope',
      scope: '0dte',
    });
    const ratio = {
      status: 'needs-ratio' as const,
      symbol: 'ES1!',
      underlying: 'SPX',
      pagePrice: 4525,
      chainSpot: 4505.1,
      asOf: glance.asOf,
    };
    expect(popupState(7, reading, ratio)).toEqual({ kind: 'needs-ratio', analysis: ratio });
  });
});

describe('the amber chips', () => {
  const base = { reading, asOf: glance.asOf, atSnapshot: false, now: NOW };

  it('shows none when the price is live, trusted and the chain is from this session', () => {
    expect(chipsOf(base)).toEqual([]);
  });

  it('says why the price is suspect, and that the verdict is held', () => {
    const [chip] = chipsOf({ ...base, reading: { ...reading, suspect: true, reason: 'prior-close' } });
    expect(chip).toMatchObject({ id: 'suspect', text: "suspect: previous day's close, not live" });
    expect(chip!.detail).toContain('held');
  });

  it('flags a guess from the generic detector', () => {
    expect(
      chipsOf({ ...base, reading: { ...reading, method: 'generic', confidence: 0.4 } }).map((c) => c.id),
    ).toEqual(['guess']);
  });

  it('flags a page whose price has not changed for two minutes', () => {
    const quiet = { ...reading, at: NOW - QUIET_READING_MS - 60_000 };
    expect(chipsOf({ ...base, reading: quiet })[0]).toMatchObject({ id: 'quiet', text: 'no tick for 3 min' });
  });

  it('flags a chain from another session, and levels shown as of an expired chain’s snapshot', () => {
    const old = new Date(NOW - 3 * 86_400_000).toISOString();
    expect(chipsOf({ ...base, asOf: old }).map((c) => c.text)).toEqual(['stale chain, 3 d 0 h old']);
    expect(chipsOf({ ...base, asOf: old, atSnapshot: true }).map((c) => c.id)).toEqual([
      'at-snapshot',
      'stale-chain',
    ]);
  });
});
