/**
 * The content script's runtime without the polyfill (src/platform/content-runtime.ts): Chrome's
 * callback-style onMessage answers with the listener's promise; Firefox's is used as it is.
 */
import { describe, expect, it } from 'vitest';
import { contentRuntime } from '../../src/platform/content-runtime.ts';

type Native = (m: unknown, s: unknown, respond: (v: unknown) => void) => unknown;

function fakeRuntime(id: string) {
  const listeners = new Set<Native>();
  const sent: unknown[] = [];
  return {
    listeners,
    sent,
    runtime: {
      id,
      lastError: null,
      sendMessage: async (m: unknown) => {
        sent.push(m);
        return { ok: true, value: 1 };
      },
      connect: (info: { name: string }) => ({ name: info.name }),
      onMessage: {
        addListener: (l: Native) => listeners.add(l),
        removeListener: (l: Native) => listeners.delete(l),
      },
    },
  };
}
const sender = { id: 'ext' };

describe('contentRuntime', () => {
  it("on Chrome answers through sendResponse with the listener's promise, and says so by returning true", async () => {
    const chrome = fakeRuntime('ext');
    const rt = contentRuntime({ chrome: { runtime: chrome.runtime } });
    const listener = (m: unknown) => (m === 'ours' ? Promise.resolve('answer') : undefined);
    rt.onMessage.addListener(listener);
    const [native] = [...chrome.listeners];
    expect(native).not.toBe(listener);
    const answers: unknown[] = [];
    expect(native!('ours', sender, (v) => answers.push(v))).toBe(true);
    expect(native!('not ours', sender, (v) => answers.push(v))).toBe(false);
    await Promise.resolve();
    expect(answers).toEqual(['answer']);
    // A listener that fails answers undefined (the sender's send() then rejects), never leaves it hanging.
    rt.onMessage.addListener(() => Promise.reject(new Error('boom')));
    const failing = [...chrome.listeners][1]!;
    expect(failing('x', sender, (v) => answers.push(v))).toBe(true);
    await new Promise((r) => setTimeout(r, 0));
    expect(answers).toEqual(['answer', undefined]);
    rt.onMessage.removeListener(listener);
    expect(chrome.listeners.has(native!)).toBe(false);
    expect(chrome.listeners.size).toBe(1);
  });

  it('on Firefox uses browser.runtime as it is (promises native), even where a chrome object exists', async () => {
    const browser = fakeRuntime('ext');
    const chrome = fakeRuntime('ext');
    const rt = contentRuntime({ browser: { runtime: browser.runtime }, chrome: { runtime: chrome.runtime } });
    const listener = () => Promise.resolve(true);
    rt.onMessage.addListener(listener);
    expect([...browser.listeners]).toEqual([listener]);
    expect(chrome.listeners.size).toBe(0);
    expect(await rt.sendMessage('m')).toEqual({ ok: true, value: 1 });
    expect(browser.sent).toEqual(['m']);
    expect(rt.id).toBe('ext');
    expect(rt.connect({ name: 'p' })).toEqual({ name: 'p' });
    rt.onMessage.removeListener(listener);
    expect(browser.listeners.size).toBe(0);
  });

  it('looks the browser up at the first call, not at import (a page without the API does not throw at load)', () => {
    const scope: { chrome?: unknown } = {};
    const rt = contentRuntime(scope);
    const chrome = fakeRuntime('late');
    scope.chrome = { runtime: chrome.runtime };
    expect(rt.id).toBe('late');
  });
});
