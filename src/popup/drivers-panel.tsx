/** "What moves the hedge": price, time and volatility side by side, then the session's projection. */
import type { TabLevels } from '../messaging/types.ts';
import { driversView } from './model/drivers.ts';

export function DriversPanel({ levels, now }: { levels: TabLevels; now: number }) {
  const v = driversView(levels, now);
  return (
    <div class="drivers" data-testid="drivers">
      <dl class="driver-rows">
        {v.rows.map((r) => (
          <div key={r.key} class="driver-row" data-driver={r.key}>
            <dt>{r.label}</dt>
            <dd class="num">{r.text}</dd>
          </div>
        ))}
      </dl>
      {v.close && (
        <p class="driver-line" data-testid="drivers-close">
          {v.close}
        </p>
      )}
      {v.after && (
        <p class="driver-line strong" data-testid="drivers-after">
          {v.after}
        </p>
      )}
      {v.zeroDte && (
        <p class="driver-line" data-testid="drivers-0dte">
          {v.zeroDte}
        </p>
      )}
      <p class="driver-note muted">{v.note}</p>
    </div>
  );
}
