/**
 * Loads the bundled sample chain (a static asset, fetched on demand) into storage. It is a Cboe quote
 * table, so it goes through that reader alone: the generic importer's format detection would pull
 * papaparse (with its worker and XHR code) into the service worker for a file it never sees there.
 */
import { parseCboeQuoteTable } from '../../core/cboe-quotedata.ts';
import type { ChainSummary } from '../../messaging/types.ts';
import { SAMPLE } from '../../options/sample/provenance.ts';
import type { KvArea } from '../storage/kv.ts';
import { makeRecord } from './record.ts';
import { saveChain } from './store.ts';

export async function loadSample(
  area: KvArea,
  now: number,
  resolveUrl: (path: string) => string,
): Promise<ChainSummary> {
  const res = await fetch(resolveUrl(SAMPLE.url));
  if (!res.ok) throw new Error(`the sample chain could not be read (${res.status})`);
  const chain = parseCboeQuoteTable(await res.text());
  if (!chain.asOf) throw new Error('the sample chain has no snapshot time');
  return saveChain(
    area,
    makeRecord({
      chain,
      asOf: chain.asOf,
      source: { format: 'sample', fileName: SAMPLE.fileName, importedAt: now },
    }),
    { keepMapping: true },
  );
}
