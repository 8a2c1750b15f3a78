/** The Backup section: all settings and chains as one JSON file, and back. */
import { useState } from 'preact/hooks';
import type { OptionsApi } from '../api.ts';

interface Props {
  api: OptionsApi;
  onRestored(): void;
}

export function BackupPanel({ api, onRestored }: Props) {
  const [message, setMessage] = useState<{ text: string; error: boolean } | null>(null);

  const download = async () => {
    const backup = await api.exportBackup();
    const blob = new Blob([JSON.stringify(backup)], { type: 'application/json' });
    const url = URL.createObjectURL(blob);
    const a = document.createElement('a');
    a.href = url;
    a.download = `gexfocus-backup-${new Date().toISOString().slice(0, 10)}.json`;
    a.click();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  };

  const restore = async (file: File) => {
    setMessage(null);
    try {
      let backup: unknown;
      try {
        backup = JSON.parse(await file.text());
      } catch {
        throw new Error(`${file.name} is not JSON; nothing was imported.`);
      }
      const r = await api.importBackup(backup);
      setMessage({
        text: `Restored settings and ${r.chains} chain${r.chains === 1 ? '' : 's'}.${r.notes.length ? ` ${r.notes.join('; ')}` : ''}`,
        error: false,
      });
      onRestored();
    } catch (e) {
      setMessage({ text: e instanceof Error ? e.message : String(e), error: true });
    }
  };

  return (
    <section class="card" aria-labelledby="backup-h">
      <h2 id="backup-h">Backup</h2>
      <p class="muted">
        One JSON file with every setting and chain. Restoring checks the whole file first: a bad file changes
        nothing.
      </p>
      <div class="row">
        <button
          type="button"
          data-testid="backup-export"
          onClick={() => void download().catch((e: unknown) => setMessage({ text: String(e), error: true }))}
        >
          Export all…
        </button>
        <label class="button">
          Restore from a file…
          <input
            type="file"
            data-testid="backup-file"
            accept=".json,application/json"
            onChange={(e) => {
              const f = e.currentTarget.files?.[0];
              e.currentTarget.value = '';
              if (f) void restore(f);
            }}
          />
        </label>
      </div>
      {message && (
        <p
          class={message.error ? 'error' : 'ok'}
          role={message.error ? 'alert' : 'status'}
          data-testid="backup-message"
        >
          {message.text}
        </p>
      )}
    </section>
  );
}
