/**
 * A shape per verdict, so it never rests on colour alone: arrows converging on a level (moves
 * absorbed), arrows leaving it (moves extended), a wave (either can happen).
 */
import type { Verdict } from './verdict-words.ts';

const PATHS: Record<Verdict, string> = {
  stabilizing: 'M3 10h14 M10 2v5 M7.5 4.5L10 7l2.5-2.5 M10 18v-5 M7.5 15.5L10 13l2.5 2.5',
  accelerating: 'M3 10h14 M10 8V2 M7.5 4.5L10 2l2.5 2.5 M10 12v6 M7.5 15.5L10 18l2.5-2.5',
  transition: 'M2 8c2.5-3 5-3 8 0s5.5 3 8 0 M2 13c2.5-3 5-3 8 0s5.5 3 8 0',
};

export function VerdictIcon({ verdict, size = 20 }: { verdict: Verdict; size?: number }) {
  return (
    <svg
      class={`verdict-icon ${verdict}`}
      width={size}
      height={size}
      viewBox="0 0 20 20"
      aria-hidden="true"
      focusable="false"
    >
      <path
        d={PATHS[verdict]}
        fill="none"
        stroke="currentColor"
        stroke-width="2"
        stroke-linecap="round"
        stroke-linejoin="round"
      />
    </svg>
  );
}
