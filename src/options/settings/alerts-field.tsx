/**
 * Alerts, opt-in (issue 11): a browser notification when the verdict changes or the price crosses the
 * flip or a wall. Turning them on asks for the optional `notifications` permission inside the click
 * (a user gesture: nothing is awaited before permissions.request, which Firefox requires); turning
 * them off saves `alerts.enabled = false`, and the background releases the permission when it sees
 * that (src/background, the alerts side), so the extension holds it only while alerts are on.
 */
import type { Settings } from '../../core/settings.ts';
import { ext } from '../../platform/browser.ts';
import type { Patch } from './field.tsx';

interface Props {
  settings: Settings;
  onChange(patch: Patch): void;
  onError(message: string | null): void;
}

export function AlertsField({ settings: s, onChange, onError }: Props) {
  const a = s.alerts;
  const toggle = (on: boolean) => {
    onError(null);
    if (!on) return onChange({ alerts: { ...a, enabled: false } });
    ext.permissions
      .request({ permissions: ['notifications'] })
      .then((granted) => {
        if (granted) onChange({ alerts: { ...a, enabled: true } });
        else onError('Notifications were not allowed: alerts stay off.');
      })
      .catch((e: unknown) => onError(e instanceof Error ? e.message : String(e)));
  };
  const number = (text: string, min: number, max: number): number | null => {
    const n = Number(text);
    return Number.isFinite(n) && n >= min && n <= max ? Math.round(n) : null;
  };
  return (
    <div class="alerts-field">
      <label>
        <input
          type="checkbox"
          data-testid="set-alerts"
          checked={a.enabled}
          onChange={(e) => toggle(e.currentTarget.checked)}
        />{' '}
        notify me when the verdict changes or the price crosses the flip or a wall
      </label>
      <div class="row tight">
        at most one per symbol every{' '}
        <input
          aria-label="cool-down in minutes"
          data-testid="set-alert-cooldown"
          size={3}
          inputMode="numeric"
          value={String(a.cooldownMin)}
          onChange={(e) => {
            const v = number(e.currentTarget.value, 1, 240);
            if (v === null) return onError('The cool-down is a whole number of minutes from 1 to 240.');
            onChange({ alerts: { ...a, cooldownMin: v } });
          }}
        />{' '}
        min, and{' '}
        <input
          aria-label="alerts per hour at most"
          data-testid="set-alert-max"
          size={3}
          inputMode="numeric"
          value={String(a.maxPerHour)}
          onChange={(e) => {
            const v = number(e.currentTarget.value, 1, 120);
            if (v === null) return onError('The hourly cap is a whole number from 1 to 120.');
            onChange({ alerts: { ...a, maxPerHour: v } });
          }}
        />{' '}
        an hour in all
      </div>
    </div>
  );
}
