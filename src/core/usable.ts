/**
 * A usable contract: one that can take part in an analysis at some instant — it has an IV and holds
 * contracts under some positions model (open interest or the day's volume). A chain without one
 * gives nothing but zeros, so it is refused at import and never saved over a good chain (issue 12.2).
 */
import type { Chain } from './chain';

export function usableContracts(chain: Chain): number {
  let n = 0;
  for (let i = 0; i < chain.count; i++) {
    if (chain.iv[i]! > 0 && (chain.oi[i]! > 0 || chain.volume[i]! > 0)) n++;
  }
  return n;
}

/** null when the chain has a usable contract, else "no usable contracts: …" (why, in words). */
export function noUsableContracts(chain: Chain): string | null {
  if (usableContracts(chain) > 0) return null;
  if (chain.count === 0) return 'no usable contracts: the chain has no contract lines';
  let noIv = 0;
  for (let i = 0; i < chain.count; i++) if (!(chain.iv[i]! > 0)) noIv++;
  return `no usable contracts: of ${chain.count.toLocaleString('en-US')} lines, ${noIv.toLocaleString('en-US')} have no IV and the rest no open interest or volume`;
}
