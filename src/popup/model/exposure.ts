/**
 * Net GEX in the unit the user chose (settings.units), with the one formatter (src/core/phrases.ts):
 * dollars per 1 % move (default), dollars per 1-point move of the page's symbol, or what dealers trade
 * per 1 % move in shares (ETF, stock) or the index future's contracts — never "units of SPX".
 */
import { futuresPhrase, gexPhrase, hedgeInstrument, moneyPhrase, sharesPhrase } from '../../core/phrases.ts';

export interface ExposureInput {
  netGex: number;
  units: 'per-1pct' | 'per-point' | 'shares';
  symbol: string;
  pagePrice: number;
  underlying: string;
  underlyingPrice: number;
}

export function exposurePhrase(x: ExposureInput): string {
  if (!Number.isFinite(x.netGex)) return '—';
  if (x.units === 'per-point')
    return `${moneyPhrase(x.netGex / (0.01 * x.pagePrice), { signed: true })} per 1-point move of ${x.symbol}`;
  if (x.units === 'shares') {
    const sign = x.netGex < 0 ? '\u2212' : '+';
    const inst = hedgeInstrument(x.underlying);
    if (inst.kind === 'future')
      return `${sign}${futuresPhrase(x.netGex, x.underlyingPrice, inst.root, inst.pointValue).replace('≈ ', '')} per 1 % move`;
    if (inst.kind === 'shares') return `${sign}${sharesPhrase(x.netGex / x.underlyingPrice)} per 1 % move`;
  }
  return gexPhrase(x.netGex);
}
