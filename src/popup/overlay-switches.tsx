/**
 * The on-page overlay, on or off: on this site (settings.overlaySites[host]) and everywhere
 * (settings.overlay). A site without its own entry follows the global switch (src/core/settings.ts).
 */
import type { Settings } from '../core/settings.ts';

interface Props {
  settings: Settings;
  host: string | null;
  onChange(patch: Partial<Pick<Settings, 'overlay' | 'overlaySites'>>): void;
}

export function OverlaySwitches({ settings: s, host, onChange }: Props) {
  const here = host ? (s.overlaySites[host] ?? s.overlay) : s.overlay;
  return (
    <fieldset class="overlay-switches" data-testid="overlay-switches">
      <legend>Overlay</legend>
      {host && (
        <label title={`Show the verdict next to the price on ${host}`}>
          <input
            type="checkbox"
            data-testid="overlay-here"
            checked={here}
            onChange={(e) =>
              onChange({ overlaySites: { ...s.overlaySites, [host]: e.currentTarget.checked } })
            }
          />{' '}
          this site
        </label>
      )}
      <label title="The default for every site without its own choice">
        <input
          type="checkbox"
          data-testid="overlay-all"
          checked={s.overlay}
          onChange={(e) => onChange({ overlay: e.currentTarget.checked })}
        />{' '}
        all sites
      </label>
    </fieldset>
  );
}
