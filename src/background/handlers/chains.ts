import { chainFromJSON } from '../../core/chain.ts';
import { normalizeSymbol } from '../../core/symbol-map.ts';
import type { Handlers } from '../../messaging/router.ts';
import { ext } from '../../platform/browser.ts';
import { forgetChain, forgetPrepared } from '../analysis/cache.ts';
import { exportBackup, importBackup } from '../chains/backup.ts';
import { makeRecord } from '../chains/record.ts';
import { loadSample } from '../chains/sample.ts';
import { deleteChain, listChains, saveChain, updateMapping } from '../chains/store.ts';
import { localArea } from '../storage/areas.ts';

export const chainHandlers: Pick<
  Handlers,
  | 'chains/list'
  | 'chains/save'
  | 'chains/delete'
  | 'chains/mapping'
  | 'chains/load-sample'
  | 'backup/export'
  | 'backup/import'
> = {
  'chains/list': () => listChains(localArea()),
  'chains/save': async ({ chain, asOf, source, underlying }) => {
    const record = makeRecord({ chain: chainFromJSON(chain), asOf, source, underlying });
    // A re-import keeps the symbols and conversions the user set for this underlying.
    const summary = await saveChain(localArea(), record, { keepMapping: true });
    forgetChain(summary.underlying);
    return summary;
  },
  'chains/delete': async ({ underlying }) => {
    await deleteChain(localArea(), underlying);
    forgetChain(normalizeSymbol(underlying));
    return null;
  },
  'chains/mapping': ({ underlying, ...patch }) => updateMapping(localArea(), underlying, patch),
  'chains/load-sample': async () => {
    const summary = await loadSample(localArea(), Date.now(), (p) => ext.runtime.getURL(p));
    forgetChain(summary.underlying);
    return summary;
  },
  'backup/export': () => exportBackup(localArea(), Date.now()),
  'backup/import': async ({ backup }) => {
    const result = await importBackup(localArea(), backup);
    forgetPrepared();
    return result;
  },
};
