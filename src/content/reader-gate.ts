/**
 * When the reader's next flush may run: a leading-edge throttle keyed on what a flush did.
 *
 * - After a flush that sent a report, the next waits until `reportGapMs` have passed since it: at
 *   most 1000/reportGapMs reports a second, whatever the page does (issue 9).
 * - After a flush that sent nothing (the slow poll, a hover settling, a mutation that left the price
 *   as it was) the next waits only `idleGapMs`, or `reportGapMs` while the price element is still
 *   being searched for (each of those flushes looks over what changed in the page: issue 9.4).
 * - A page change after a quiet spell is read at once (the leading edge).
 *
 * Before, every flush held the next back by the full report gap: the 1.5 s poll's flush, which
 * reports nothing on a quiet page, delayed the next real tick by up to 500 ms, and a delayed flush
 * pushed the one after it too. The popup bench's price tick → badge median was 349 ms (issue 10.9),
 * 330–460 ms of it the content script waiting on this timer.
 */
export interface FlushGate {
  /** How long a flush wanted at `now` must wait (0: run it at once). */
  wait(now: number): number;
  /** A flush ran at `now`; `reported`: it sent a report; `searching`: no price element is followed. */
  ran(now: number, reported: boolean, searching: boolean): void;
}

export function flushGate(reportGapMs: number, idleGapMs: number): FlushGate {
  let next = Number.NEGATIVE_INFINITY;
  return {
    wait: (now) => Math.max(0, next - now),
    ran(now, reported, searching) {
      next = now + (reported || searching ? reportGapMs : Math.min(idleGapMs, reportGapMs));
    },
  };
}
