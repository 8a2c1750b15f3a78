/** The options page's actions: thin typed calls to the background (all writes go through it). */
import type { ChainJSON } from '../core/chain.ts';
import type { Settings } from '../core/settings.ts';
import { send } from '../messaging/send.ts';
import type { ChainSource, ChainSummary, ConversionData } from '../messaging/types.ts';

export interface OptionsApi {
  listChains(): Promise<{ chains: ChainSummary[]; problems: string[] }>;
  saveChain(input: {
    chain: ChainJSON;
    asOf: string;
    source: ChainSource;
    underlying?: string;
  }): Promise<ChainSummary>;
  deleteChain(underlying: string): Promise<void>;
  updateMapping(
    underlying: string,
    patch: {
      aliases?: string[];
      conversion?: ConversionData;
      aliasConversions?: Record<string, ConversionData>;
    },
  ): Promise<ChainSummary>;
  loadSample(): Promise<ChainSummary>;
  getSettings(): Promise<{ settings: Settings; notes: string[] }>;
  updateSettings(patch: Partial<Omit<Settings, 'version'>>): Promise<Settings>;
  exportBackup(): Promise<unknown>;
  importBackup(backup: unknown): Promise<{ chains: number; notes: string[] }>;
}

export const backgroundApi: OptionsApi = {
  listChains: () => send('chains/list', null),
  saveChain: (input) => send('chains/save', input),
  deleteChain: async (underlying) => {
    await send('chains/delete', { underlying });
  },
  updateMapping: (underlying, patch) => send('chains/mapping', { underlying, ...patch }),
  loadSample: () => send('chains/load-sample', null),
  getSettings: () => send('settings/get', null),
  updateSettings: (patch) => send('settings/update', { patch }),
  exportBackup: () => send('backup/export', null),
  importBackup: (backup) => send('backup/import', { backup }),
};
