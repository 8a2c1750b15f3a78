// @vitest-environment happy-dom
import { render } from 'preact';
import { afterEach, describe, expect, it } from 'vitest';
import { MAX_IMPORT_BYTES } from '../../src/core/import/size-limit.ts';
import { ImportInput } from '../../src/options/sections/import-input.tsx';

const WHY =
  'chains of at most 20 MiB can be imported: the browser keeps at most 10 MiB for this extension, and a chain stores at about half the size of its text, so a larger one could never be saved.';

function mount() {
  const calls = { text: [] as string[], error: [] as string[] };
  render(
    <ImportInput disabled={false} onText={(t) => calls.text.push(t)} onError={(m) => calls.error.push(m)} />,
    document.body,
  );
  return calls;
}

async function paste(value: string) {
  const area = document.querySelector<HTMLTextAreaElement>('[data-testid="paste"]')!;
  area.value = value;
  area.dispatchEvent(new Event('input', { bubbles: true }));
  await new Promise((r) => setTimeout(r, 0));
  document.querySelector<HTMLButtonElement>('[data-testid="paste-read"]')!.click();
}

describe('the size rule where text enters the import', () => {
  afterEach(() => render(null, document.body));

  it('refuses pasted text over 20 MiB before it reaches the worker, saying the limit and why', async () => {
    const calls = mount();
    await paste(`Expiration Date,Calls\n${'x'.repeat(MAX_IMPORT_BYTES)}`);
    expect(calls.text).toEqual([]);
    expect(calls.error).toEqual([
      `The pasted text is 20,971,542 bytes; ${WHY.replace('20 MiB', '20,971,520 bytes')}`,
    ]);
  });

  it('passes pasted text within the limit on to be read', async () => {
    const calls = mount();
    await paste('expiration,strike,type,oi,iv\n2025-01-17,100,C,10,0.2\n');
    expect(calls).toEqual({ text: ['expiration,strike,type,oi,iv\n2025-01-17,100,C,10,0.2\n'], error: [] });
  });

  it('refuses a chosen file over 20 MiB by its size, without reading it', async () => {
    const calls = mount();
    const input = document.querySelector<HTMLInputElement>('[data-testid="file-input"]')!;
    const file = new File(['x'], 'huge.csv');
    Object.defineProperty(file, 'size', { value: 50 * 1024 * 1024 });
    Object.defineProperty(file, 'text', { value: () => Promise.reject(new Error('must not be read')) });
    Object.defineProperty(input, 'files', { value: [file] });
    input.dispatchEvent(new Event('change', { bubbles: true }));
    await new Promise((r) => setTimeout(r, 0));
    expect(calls).toEqual({ text: [], error: [`huge.csv is 50 MiB; ${WHY}`] });
  });
});
