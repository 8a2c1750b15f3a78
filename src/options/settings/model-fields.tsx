/**
 * The settings that turn a chain into numbers: sign model and positions model side by side (both are
 * shown wherever a figure is: popup, overlay, preview), preset, scope, rate and dividend, multipliers,
 * transition band. Each change saves at once.
 */
import { useState } from 'preact/hooks';
import type { Settings } from '../../core/settings.ts';
import type { ChainSummary } from '../../messaging/types.ts';
import { Field, type Patch } from './field.tsx';

interface Props {
  settings: Settings;
  chains: ChainSummary[];
  onChange(patch: Patch): void;
  onError(message: string | null): void;
}

const pct = (x: number) => String(Math.round(x * 1e6) / 1e4);
const number = (text: string, scale = 1): number => Number(text.replace(',', '.')) / scale;

export function ModelFields({ settings: s, chains, onChange, onError }: Props) {
  const [multipliers, setMultipliers] = useState(
    Object.entries(s.multipliers)
      .map(([k, v]) => `${k}=${v}`)
      .join(', '),
  );
  const withoutVolume = chains.filter((c) => c.hasVolume === false).map((c) => c.underlying);
  return (
    <>
      <Field
        label="Sign model"
        help="Who holds what: the classic convention counts dealers long the calls customers sell and short the puts they buy. Always shown next to the numbers."
      >
        <select
          data-testid="set-signs"
          value={s.signs}
          onChange={(e) => onChange({ signs: e.currentTarget.value as Settings['signs'] })}
        >
          <option value="long-calls-short-puts">dealers long calls, short puts (default)</option>
          <option value="short-all">dealers short all options (customers buy everything)</option>
          <option value="long-all">dealers long all options</option>
        </select>
      </Field>
      <Field
        label="Positions model"
        help={`Whose contracts count: open interest (yesterday's end-of-day positions), or today's traded volume added as a rough proxy for new positions, or volume alone. Shown with the sign model.${
          withoutVolume.length > 0
            ? ` Open interest only for ${withoutVolume.join(', ')}: ${withoutVolume.length > 1 ? 'their files have' : 'its file has'} no volume column.`
            : ''
        }`}
      >
        <select
          data-testid="set-positions"
          value={s.positions}
          onChange={(e) => onChange({ positions: e.currentTarget.value as Settings['positions'] })}
        >
          <option value="oi">open interest (default)</option>
          <option value="oi+volume">open interest + today's volume</option>
          <option value="volume">today's volume only</option>
        </select>
      </Field>
      <Field
        label="Preset"
        help="Live: time to the exact settlement instant, gamma from IV (default). Classic: the widely copied business-day method, for comparison."
      >
        <select
          data-testid="set-preset"
          value={s.preset}
          onChange={(e) => onChange({ preset: e.currentTarget.value as Settings['preset'] })}
        >
          <option value="live">live</option>
          <option value="classic">classic</option>
        </select>
      </Field>
      <Field
        label="Expiry scope"
        help="Which expirations count: all, only today's (0DTE), the next 7 days, or all but the nearest."
      >
        <select
          data-testid="set-scope"
          value={s.scope}
          onChange={(e) => onChange({ scope: e.currentTarget.value as Settings['scope'] })}
        >
          <option value="all">all expirations</option>
          <option value="0dte">0DTE only</option>
          <option value="7d">within 7 days</option>
          <option value="ex-nearest">all but the nearest</option>
        </select>
      </Field>
      <Field
        label="Rate and dividend yield (% a year)"
        help="Continuously compounded; 0 is fine for index options a few weeks out."
      >
        <input
          aria-label="rate"
          size={6}
          value={pct(s.rate)}
          onChange={(e) => onChange({ rate: number(e.currentTarget.value, 100) })}
        />{' '}
        rate{' '}
        <input
          aria-label="dividend yield"
          size={6}
          value={pct(s.dividend)}
          onChange={(e) => onChange({ dividend: number(e.currentTarget.value, 100) })}
        />{' '}
        dividend
      </Field>
      <Field
        label="Contract multiplier per symbol"
        help='Units of underlying per contract; 100 unless listed, e.g. "MINI=10". "*" sets the fallback.'
      >
        <input
          data-testid="set-multipliers"
          value={multipliers}
          placeholder="XSP=100, MINI=10"
          onInput={(e) => setMultipliers(e.currentTarget.value)}
          onChange={() => {
            const entries = multipliers.split(',').map((p) => p.split('=').map((x) => x.trim()));
            if (entries.some(([k, v]) => k && !(Number(v) > 0)))
              return onError('Write multipliers as SYMBOL=number, e.g. XSP=100.');
            onChange({
              multipliers: Object.fromEntries(
                entries.filter(([k]) => k).map(([k, v]) => [k!.toUpperCase(), Number(v)]),
              ),
            });
          }}
        />
      </Field>
      <Field
        label="Transition band"
        help="Call the regime 'transition' when |net/gross| is below the first number or a flip lies within the second (% of price)."
      >
        <input
          aria-label="balance threshold"
          size={5}
          value={pct(s.transitionBand.balance)}
          onChange={(e) =>
            onChange({ transitionBand: { ...s.transitionBand, balance: number(e.currentTarget.value, 100) } })
          }
        />{' '}
        % balance,{' '}
        <input
          aria-label="flip distance"
          size={5}
          value={pct(s.transitionBand.flipDistance)}
          onChange={(e) =>
            onChange({
              transitionBand: { ...s.transitionBand, flipDistance: number(e.currentTarget.value, 100) },
            })
          }
        />{' '}
        % from the flip
      </Field>
    </>
  );
}
