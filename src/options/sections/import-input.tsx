/** The three ways in: paste, choose a file, drag and drop. Reads text; parsing happens elsewhere. */
import { useState } from 'preact/hooks';
import { fileSizeProblem, textSizeProblem } from '../import/size-check.ts';

interface Props {
  disabled: boolean;
  onText(text: string, fileName?: string): void;
  onError(message: string): void;
}

export function ImportInput({ disabled, onText, onError }: Props) {
  const [pasted, setPasted] = useState('');
  const [dragging, setDragging] = useState(false);

  const readFile = (file: File | undefined) => {
    if (!file) return;
    const tooBig = fileSizeProblem(file);
    if (tooBig) return onError(tooBig);
    file.text().then(
      (text) => onText(text, file.name),
      (e: unknown) => onError(`Could not read ${file.name}: ${e instanceof Error ? e.message : String(e)}`),
    );
  };

  return (
    <div class="import-input">
      <section
        class={`dropzone${dragging ? ' dragging' : ''}`}
        data-testid="dropzone"
        aria-label="Drop a chain file here"
        onDragOver={(e) => {
          e.preventDefault();
          setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={(e) => {
          e.preventDefault();
          setDragging(false);
          if (!disabled) readFile(e.dataTransfer?.files[0]);
        }}
      >
        <p>Drop a chain file here, or</p>
        <label class="button">
          Choose a file…
          <input
            type="file"
            data-testid="file-input"
            accept=".csv,.json,.txt,text/csv,application/json"
            disabled={disabled}
            onChange={(e) => {
              const input = e.currentTarget;
              readFile(input.files?.[0]);
              input.value = '';
            }}
          />
        </label>
        <p class="muted small">
          Cboe quote-table CSV (quotedata.csv), Cboe delayed-quotes JSON, or any CSV with a header row
          (expiration, strike, type, open interest, IV).
        </p>
      </section>
      <label class="paste">
        <span>…or paste the file's text</span>
        <textarea
          data-testid="paste"
          rows={4}
          spellcheck={false}
          value={pasted}
          disabled={disabled}
          onInput={(e) => setPasted(e.currentTarget.value)}
          placeholder="Expiration Date,Calls,Last Sale,…"
        />
      </label>
      <div class="row">
        <button
          type="button"
          data-testid="paste-read"
          disabled={disabled || pasted.trim() === ''}
          onClick={() => {
            const tooBig = textSizeProblem(pasted);
            if (tooBig) onError(tooBig);
            else onText(pasted);
          }}
        >
          Read pasted text
        </button>
      </div>
    </div>
  );
}
