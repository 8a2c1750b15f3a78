import { useEffect, useState } from 'preact/hooks';
import { send } from '../messaging/send.ts';

export function Options() {
  const [version, setVersion] = useState<string | null>(null);
  useEffect(() => {
    send('app/ping', null).then(
      (r) => setVersion(r.version),
      () => setVersion(null),
    );
  }, []);
  return (
    <main class="options">
      <header>
        <img src="/icons/icon-48.png" width={32} height={32} alt="" />
        <h1>GEXfocus</h1>
        <span class="muted" data-testid="version">
          {version ? `v${version}` : ''}
        </span>
      </header>
      <section>
        <h2>Option chains</h2>
        <p class="muted">Import a chain to see dealer hedge pressure at the live price.</p>
      </section>
    </main>
  );
}
