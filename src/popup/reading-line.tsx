/**
 * One line about the current tab's price: symbol, price, where it came from, whether it is a guess or
 * suspect, and its age. Refreshes every second while the popup is open (the background answers from
 * session storage, so this is cheap).
 */
import { useEffect, useState } from 'preact/hooks';
import { send } from '../messaging/send.ts';
import type { TabReading } from '../messaging/types.ts';
import { SUSPECT_REASONS } from '../ui/format.ts';

// Inline styles: popup.css belongs to the popup shell; these few rules travel with the component.
const tag = (color: string) => ({
  display: 'inline-block',
  marginLeft: '4px',
  padding: '0 6px',
  borderRadius: '9px',
  fontSize: '11px',
  border: `1px solid ${color}`,
  color,
});
const TAG = tag('var(--fg-soft)');
const WARN = tag('var(--transition)');
const BAD = tag('var(--danger)');

export const isGuess = (r: TabReading) => r.method === 'generic' || r.confidence < 0.5;

function age(ms: number): string {
  const s = Math.max(0, Math.round(ms / 1000));
  return s < 60 ? `${s} s ago` : `${Math.round(s / 60)} min ago`;
}

function formatPrice(r: TabReading): string {
  if (r.price === null) return '—';
  const decimals = Math.min(6, Math.max(2, (r.text.split(/[.,]/).pop() ?? '').replace(/\D.*$/, '').length));
  return r.price.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: decimals });
}

export function ReadingLine({ tabId }: { tabId: number | undefined }) {
  const [reading, setReading] = useState<TabReading | null | undefined>(undefined);
  const [now, setNow] = useState(Date.now());
  useEffect(() => {
    if (tabId === undefined) {
      setReading(null);
      return;
    }
    let live = true;
    const load = () =>
      send('tab/reading', { tabId })
        .then((r) => {
          if (!live) return;
          setReading(r);
          setNow(Date.now());
        })
        .catch(() => {
          if (live) setReading(null);
        });
    void load();
    const timer = setInterval(load, 1000);
    return () => {
      live = false;
      clearInterval(timer);
    };
  }, [tabId]);

  if (reading === undefined) return <p class="muted">Reading this tab…</p>;
  if (reading === null) return <p class="muted">No price source on this tab yet.</p>;
  const how =
    reading.method === 'adapter' ? reading.site : reading.method === 'picker' ? 'picked' : 'detected';
  return (
    <div class="reading-line" data-testid="reading-line">
      <p class="muted" style={{ margin: 0, fontSize: '11px' }}>
        Connected to {reading.host || 'this page'}
      </p>
      <p>
        <strong data-testid="reading-symbol">{reading.symbol ?? 'Unknown symbol'}</strong>{' '}
        <span style={{ fontVariantNumeric: 'tabular-nums', fontSize: '15px' }} data-testid="reading-price">
          {formatPrice(reading)}
        </span>{' '}
        <span style={TAG}>{how}</span>
        {isGuess(reading) && (
          <span style={WARN} title={`Confidence ${Math.round(reading.confidence * 100)} %`}>
            guess
          </span>
        )}
        {reading.suspect && (
          <span style={BAD} data-testid="reading-suspect">
            suspect: {SUSPECT_REASONS[reading.reason ?? ''] ?? 'check the page'}
          </span>
        )}
        <span class="muted"> · {age(now - reading.at)}</span>
      </p>
    </div>
  );
}
