/** The model in one line, with an info control (a native disclosure: keyboard and screen-reader ready). */
import type { TabLevels } from '../messaging/types.ts';
import { modelWords } from './model/model-words.ts';

export function ModelLine({ levels }: { levels: TabLevels }) {
  const m = modelWords(levels);
  return (
    <div class="model-line" data-testid="model-line">
      <span class="muted">Model: </span>
      <span data-testid="model">{m.line}</span>
      <details class="info">
        <summary aria-label="What the model assumes" title="What the model assumes">
          {/* Drawn, not the ⓘ character: Firefox's default fonts here have no glyph for it. */}
          <svg width="14" height="14" viewBox="0 0 14 14" aria-hidden="true" focusable="false">
            <circle cx="7" cy="7" r="6" fill="none" stroke="currentColor" stroke-width="1.3" />
            <path d="M7 6v4.2M7 3.6v.1" stroke="currentColor" stroke-width="1.6" stroke-linecap="round" />
          </svg>
        </summary>
        <div class="info-pop" data-testid="model-info">
          <ul>
            {m.assumptions.map((t) => (
              <li key={t}>{t}</li>
            ))}
          </ul>
          <p class="muted">
            Hedging explains the type of pressure at a level, not the direction; a chain describes one moment.
          </p>
        </div>
      </details>
    </div>
  );
}
