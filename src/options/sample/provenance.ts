/**
 * The bundled sample chain (a byte-exact copy of a shared test file; see
 * /work/shared/data/chains/PROVENANCE.md). It is emitted as a separate asset (`?url`), fetched
 * on demand, so neither the popup nor the content script carries it.
 */
import sampleUrl from './spx-2023-09-14.csv?url';

export const SAMPLE = {
  url: sampleUrl,
  fileName: 'spx_quotedata_2023-09-14_full.csv',
  label: 'SPX, 14 Sep 2023 16:31 New York (after the close), 19,920 contracts',
  provenance:
    'carlosjimenezdiaz/GEX_Python @ ac511941a8df5932437558e7f86ea4a161786e62 : spx_quotedata.csv (blob 247c61d24179d4e2ad7e937ceb8f89c00edad1da)',
  notice: 'Cboe delayed market data, for demonstration only.',
} as const;
