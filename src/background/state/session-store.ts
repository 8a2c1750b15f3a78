/**
 * Typed access to storage.session, where the background keeps what it must not lose when the browser
 * stops the worker (module variables are only a cache). Cleared when the browser closes.
 */
import { ext } from '../../platform/browser.ts';

export async function sessionGet<T>(key: string): Promise<T | undefined> {
  const items = await ext.storage.session.get(key);
  return items[key] as T | undefined;
}

export async function sessionSet(key: string, value: unknown): Promise<void> {
  await ext.storage.session.set({ [key]: value });
}

export async function sessionRemove(key: string): Promise<void> {
  await ext.storage.session.remove(key);
}
