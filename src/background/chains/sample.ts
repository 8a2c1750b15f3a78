/** Loads the bundled sample chain (a static asset, fetched on demand) into storage. */
import { importChain } from '../../core/import/index.ts';
import type { ChainSummary } from '../../messaging/types.ts';
import { SAMPLE } from '../../options/sample/provenance.ts';
import { makeRecord } from './record.ts';
import { type KvArea, saveChain } from './store.ts';

export async function loadSample(
  area: KvArea,
  now: number,
  resolveUrl: (path: string) => string,
): Promise<ChainSummary> {
  const res = await fetch(resolveUrl(SAMPLE.url));
  if (!res.ok) throw new Error(`the sample chain could not be read (${res.status})`);
  const { chain } = importChain(await res.text());
  if (!chain.asOf) throw new Error('the sample chain has no snapshot time');
  return saveChain(
    area,
    makeRecord({
      chain,
      asOf: chain.asOf,
      source: { format: 'sample', fileName: SAMPLE.fileName, importedAt: now },
    }),
  );
}
