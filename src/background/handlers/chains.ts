import { chainFromJSON } from '../../core/chain.ts';
import type { Handlers } from '../../messaging/router.ts';
import { ext } from '../../platform/browser.ts';
import { forgetPrepared } from '../analysis/cache.ts';
import { exportBackup, importBackup } from '../chains/backup.ts';
import { makeRecord } from '../chains/record.ts';
import { loadSample } from '../chains/sample.ts';
import { deleteChain, type KvArea, listChains, saveChain, updateMapping } from '../chains/store.ts';

const area = (): KvArea => ext.storage.local as unknown as KvArea;

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
  'chains/list': () => listChains(area()),
  'chains/save': async ({ chain, asOf, source, underlying }) => {
    const record = makeRecord({ chain: chainFromJSON(chain), asOf, source, underlying });
    const summary = await saveChain(area(), record);
    forgetPrepared();
    return summary;
  },
  'chains/delete': async ({ underlying }) => {
    await deleteChain(area(), underlying);
    forgetPrepared();
    return null;
  },
  'chains/mapping': ({ underlying, ...patch }) => updateMapping(area(), underlying, patch),
  'chains/load-sample': async () => {
    const summary = await loadSample(area(), Date.now(), (p) => ext.runtime.getURL(p));
    forgetPrepared();
    return summary;
  },
  'backup/export': () => exportBackup(area(), Date.now()),
  'backup/import': async ({ backup }) => {
    const result = await importBackup(area(), backup);
    forgetPrepared();
    return result;
  },
};
