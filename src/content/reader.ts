/**
 * Follows the price a Locator points at: a narrow MutationObserver on the price/symbol nodes, a
 * stable-ancestor observer that notices when a re-render replaces them, and a slow poll as the last
 * resort (SPA route changes, a better source appearing). Flushes are throttled with timers (ones the
 * page cannot clear: ./timers.ts), never requestAnimationFrame (paused in background tabs), leading
 * edge first (./reader-gate.ts: a change after a quiet spell is read at once), and reports go out
 * only when something changed.
 *
 * Cost per flush stays small on any page (issue 9.4: an adapter whose element is missing cost 5–65 ms
 * per flush on a 300,000-element page, four times a second). A flush re-reads the nodes it already
 * follows; when one is gone or missing it looks only in the parts of the page that changed since the
 * last flush (the ancestor observer collects them). A full look over the whole page — every source's
 * querySelector, where a missing element means a walk of the whole DOM — runs at most once per
 * FULL_RATIO × its own measured cost (so at most ~0.5 % of the main thread) and at most once per
 * FULL_MIN_GAP_MS however cheap it is (a page ticking 20×/s paid for a full look on nearly every
 * flush), and at once when the symbol changes. A locator that can look one source at a time (the
 * adapters' and the picker's: `steps`) has its full looks after the first spread over flushes where
 * that is slow: on a 300,000-element page one querySelector takes 3–9 ms, and an adapter's six in one
 * flush made the longest flush 24–26 ms, a source a flush 10–14 (bench/content-script.bench.mjs).
 *
 * While a flush is already due (the gate set its timer) both observers are off: until it runs they
 * could only say again that something changed, and on a page ticking 20×/s they woke the content
 * script on every tick. A re-render in that time is found under the followed nodes' ancestors. And
 * after a flush that reported a change the reader reads on an interval of the report gap, the
 * observers and the slow poll off: a page that ticks will have changed by then, and one that went
 * quiet gets its observers back after the one flush that finds nothing new. A CDP profile of the
 * calls into the content script on a page ticking 20×/s: timer calls (a clearTimeout and a
 * setTimeout per flush, the poll's setTimeout) were a third of their samples.
 */
import { implausibility, isPlausible } from '../core/price-plausible.ts';
import { parsePriceText } from '../core/price-text.ts';
import type { SuspectReason } from '../messaging/types.ts';
import { type FullLookSteps, type Locator, normalizeSymbol, type Target } from './locate.ts';
import { flushGate } from './reader-gate.ts';
import { pageProofTimers, type Timers } from './timers.ts';

export interface ReaderReport {
  symbol: string | null;
  price: number | null;
  text: string;
  confidence: number;
  suspect: boolean;
  reason?: SuspectReason;
}

export interface ReaderOptions {
  signal: AbortSignal;
  onReport(report: ReaderReport): void;
  /** Minimum time between two reports: at most 1000/minGapMs reports per second. */
  minGapMs?: number;
  maxJumpPct?: number;
  pollMs?: number;
  /** After a symbol change, how long an unchanged price text is assumed to still be the old symbol's. */
  holdMs?: number;
  /** The reader's timers: ones the page cannot clear (./timers.ts) unless a test passes others. */
  timers?: Timers;
  /**
   * Measures a full look's cost (performance.now() by default). Tests of the full looks' pace pass a
   * clock that stands still, so a host pause inside a look cannot stretch the pace they check.
   */
  costClock?: () => number;
}

const ANCESTOR_LEVELS = 3;
/** A full look may take this share of the time between two full looks at most (1/200 = 0.5 %). */
const FULL_RATIO = 200;
const FULL_MAX_GAP_MS = 60_000;
/**
 * However cheap a full look is, one a second is enough to notice a better source appearing; and
 * while full looks keep finding what is already followed, the gap doubles, up to FULL_MIN_GAP_MS ×
 * 2^FULL_BACKOFF_STEPS (8 s). On a page ticking 20×/s a full look every second was a third of the
 * content script's time (CDP profile, bench/content-script.bench.mjs).
 */
const FULL_MIN_GAP_MS = 1000;
const FULL_BACKOFF_STEPS = 3;
/**
 * A full look through the locator's steps (one source at a time) is spread over flushes: a flush takes
 * one source, then more while the next, guessed to cost what the last one did, would end within this.
 * On a 300,000-element page one querySelector over the whole page takes 3–9 ms in Chromium, 14–25 ms
 * in Firefox, and an adapter's full look is six of them; on an ordinary page a whole one takes a few
 * µs and still ends in one flush.
 */
const FULL_SLICE_MS = 2;
/** The sweep's marker for a kind (symbol or price) whose full look has its answer. */
const DONE = -1;
/** Changed subtrees kept for a cheap look; beyond this the next full look is the way to find things. */
const MAX_CHANGED = 64;
/** Pause between two slices of a paced scan (at most ~8 ms each: well under a fifth of the main thread). */
const SLICE_GAP_MS = 60;
/** A jump is accepted as the new level after this many further readings near it, or this long. */
const CONFIRM_TICKS = 3;
const CONFIRM_MS = 5000;
/** Pages restore hover-dependent values on mouseleave, which fires after pointerleave: let them. */
const POINTER_SETTLE_MS = 100;
/**
 * After a flush that reported nothing, the next may run this soon (≤ 10 re-reads a second of a page
 * that re-renders an unchanged price): small next to the report gap, so the slow poll's flush no
 * longer holds back the next real tick (./reader-gate.ts).
 */
const IDLE_GAP_MS = 100;

// The price element each document's reader follows now, for the overlay to sit next to.
const located = new WeakMap<Document, Element>();

/** The element the reader last found the price in (null: none yet, or a URL/title reading). */
export function locatedPrice(doc: Document): Element | null {
  const el = located.get(doc);
  return el?.isConnected ? el : null;
}

/** The node's parent, grandparent … up to `levels` (not the root element). */
function ancestorsOf(node: Element, levels: number): Element[] {
  const out: Element[] = [];
  for (
    let n = node.parentElement;
    n && n !== n.ownerDocument.documentElement && out.length < levels;
    n = n.parentElement
  )
    out.push(n);
  return out;
}

export function startReader(doc: Document, locator: Locator, opts: ReaderOptions): { flush(): void } {
  const { signal } = opts;
  const timers = opts.timers ?? pageProofTimers;
  const costClock = opts.costClock ?? (() => performance.now());
  // Two reports a second at most: sending one (a runtime.sendMessage then, a port message now) was
  // most of the content script's time on a page ticking 20×/s (CDP profile,
  // bench/content-script.bench.mjs), and the verdict moves through a hysteresis band anyway.
  const reportGapMs = opts.minGapMs ?? 500;
  const pollMs = opts.pollMs ?? 1500;
  const gate = flushGate(reportGapMs, IDLE_GAP_MS);
  const holdMs = opts.holdMs ?? 2000;
  let symbol: string | null | undefined;
  /** The symbol's last raw text and what normalizeSymbol made of it (read on every flush, rarely new). */
  let symbolRead: { raw: string | null; symbol: string | null } = { raw: null, symbol: null };
  let ref: number | null = null;
  let candidate: { value: number; count: number; since: number } | null = null;
  let lastText: string | null = null;
  let held: { text: string; until: number } | null = null;
  let last: ReaderReport | null = null;
  let wired: [Element | null, Element | null] | null = null;
  let priceTarget: Target | null = null;
  let symbolTarget: Target | null = null;
  /** Set by emit(): the flush under way sent a report. */
  let reported = false;
  /** A flush due (schedule()). */
  let timer: unknown;
  /** While the page ticks: a flush every report gap (rest()). */
  let ticker: unknown;
  /** The slow poll, while the observers are on (the last resort: SPA route changes, a URL source). */
  let pollTimer: unknown;
  let recheckTimer: unknown;
  let resumeTimer: unknown;
  let pointerEl: Element | null = null;
  /** Earliest instant for the next full look over the whole page (see the file comment). */
  let fullAt = 0;
  /** Full looks in a row that found a price source as good as the one followed (the backoff's exponent). */
  let fullStreak = 0;
  /**
   * A full look under way through locator.steps: the next symbol and price source to look at (DONE
   * once that kind has its answer), what it has cost so far, and the followed price's confidence when
   * it began (the backoff compares it).
   */
  let sweep: { symbol: number; price: number; cost: number; confidence: number | undefined } | null = null;
  /** Sources the sweep looked at in this flush, the flush's start on costClock, the last source's cost. */
  let stepsNow = 0;
  let sliceStart = 0;
  let lastStepCost = 0;
  /** Nodes added or changed since the last flush, under the observed ancestors or the body. */
  const changed = new Set<Node>();
  let overflow = false;
  /** The ancestors of the followed nodes, which the anchor observer watches (see wire()). */
  let anchors: Element[] = [];
  /**
   * Whether the observers are on. They are off while a price node is followed and a flush is already
   * due (schedule() set its timer, or the reader reads on its interval while the page ticks): until
   * it runs they could only say again that something changed. A page ticking 20×/s woke them on
   * every tick (a re-render of the price node every third) for flushes that run twice a second.
   */
  let observing = false;

  // The document's own window (tests drive documents of other happy-dom windows).
  const Observer = doc.defaultView?.MutationObserver ?? MutationObserver;
  const narrow = new Observer(() => schedule());
  const gone = (t: Target | null) => t?.node != null && !t.node.isConnected;
  const anchor = new Observer((records) => {
    const missing = !priceTarget || gone(priceTarget) || gone(symbolTarget) || !symbolTarget;
    if (!missing) return;
    for (const r of records) {
      if (overflow) break;
      const nodes = r.type === 'childList' ? r.addedNodes : [r.target];
      for (const n of nodes) {
        changed.add(n);
        if (changed.size > MAX_CHANGED) {
          overflow = true;
          changed.clear();
          break;
        }
      }
    }
    schedule();
  });

  /** The followed nodes with their options (one observe() each) and, in `anchors`, their ancestors. */
  let watched: [Element, MutationObserverInit][] = [];

  function observe(): void {
    if (observing) return;
    observing = true;
    pollTimer = timers.setTimeout(poll, pollMs);
    for (const [node, options] of watched) narrow.observe(node, options);
    // A re-render that replaces the node, its parent or grandparent is a childList change of the next
    // one up. childList only, no subtree: the node's own text changes (every tick) do not wake it.
    for (const a of anchors) anchor.observe(a, { childList: true });
    // Nothing to follow yet (price not rendered, socket not connected): watch the page until it shows up.
    if (!priceTarget?.node) {
      anchor.observe(doc.body ?? doc.documentElement, {
        childList: true,
        subtree: true,
        characterData: true,
      });
    }
  }

  function unobserve(): void {
    if (!observing) return;
    observing = false;
    narrow.disconnect();
    anchor.disconnect();
    timers.clearTimeout(pollTimer);
  }

  /** What to observe (observe() turns it on at the end of the flush, rest()). */
  function wire(): void {
    const nodes: [Element | null, Element | null] = [priceTarget?.node ?? null, symbolTarget?.node ?? null];
    if (nodes[0]) located.set(doc, nodes[0]);
    if (wired && nodes[0] === wired[0] && nodes[1] === wired[1]) return;
    wired = nodes;
    unobserve();
    // One observe() per node: observing a node again replaces its options, so merge attribute filters.
    const attrs = new Map<Element, string[]>();
    for (const t of [priceTarget, symbolTarget]) {
      if (t?.node) attrs.set(t.node, [...(attrs.get(t.node) ?? []), ...(t.attr ? [t.attr] : [])]);
    }
    watched = [...attrs].map(([node, filter]) => [
      node,
      {
        characterData: true,
        childList: true,
        subtree: true,
        ...(filter.length > 0 ? { attributes: true, attributeFilter: filter } : {}),
      },
    ]);
    anchors = [...attrs.keys()].flatMap((node) => ancestorsOf(node, ANCESTOR_LEVELS));
  }

  /**
   * The end of a flush: after a report while a price node is followed, the reader reads on an
   * interval of the report gap with the observers and the poll off (the page ticks: it will have
   * changed by then); otherwise the observers and the poll watch for the next change, except while a
   * flush is already due.
   */
  function rest(): void {
    if (signal.aborted) return;
    const following = priceTarget?.node != null;
    if (following && reported && timer === undefined) ticker ??= timers.setInterval(flush, reportGapMs);
    else if (ticker !== undefined) {
      timers.clearInterval(ticker);
      ticker = undefined;
    }
    if (following && (ticker ?? timer) !== undefined) unobserve();
    else observe();
  }

  /** The slow poll: it runs while the observers are on (observe() starts it, unobserve() stops it). */
  function poll(): void {
    pollTimer = timers.setTimeout(poll, pollMs);
    schedule();
  }

  const onTimer = () => {
    timer = undefined;
    flush();
  };

  function schedule(delay = 0): void {
    if (timer !== undefined || ticker !== undefined || signal.aborted) return;
    const wait = Math.max(delay, gate.wait(Date.now()));
    if (wait <= 0) flush();
    else {
      timer = timers.setTimeout(onTimer, wait);
      // Both observers off until the flush now due (rest() turns them on again). Only while a price
      // node is followed: with none, the anchor watches the whole page for where the price appears,
      // and the nodes it collects are what the next look searches.
      if (priceTarget?.node) unobserve();
    }
  }

  /**
   * Where a look short of a full one searches: the nodes the anchor collected, and while the observers
   * were off the followed nodes' ancestors still in the page, nearest first — a re-render in that
   * time replaced the node under one of them.
   */
  function changedNodes(): Node[] {
    const nodes: Node[] = [...changed];
    if (!observing) for (const a of anchors) if (a.isConnected) nodes.push(a);
    return nodes;
  }

  /** A flush later even if the page stays quiet (hold expiry, jump confirmation); never delays other flushes. */
  function recheck(ms: number): void {
    timers.clearTimeout(recheckTimer);
    recheckTimer = timers.setTimeout(() => schedule(), ms);
  }

  function emit(report: ReaderReport): void {
    const same =
      last &&
      last.symbol === report.symbol &&
      last.price === report.price &&
      last.suspect === report.suspect &&
      last.reason === report.reason;
    if (same) return;
    last = report;
    reported = true;
    opts.onReport(report);
  }

  const isPaused = (selector: string) => pointerEl?.closest(selector) != null;

  /** Is the followed target still the one to read? */
  const live = (t: Target | null): t is Target =>
    t !== null &&
    !gone(t) &&
    !(t.pausedWhileHovering && isPaused(t.pausedWhileHovering)) &&
    (textOf(t) ?? '') !== '';

  /** What each target read during the current flush: live() and the reading after it read once. */
  const readNow = new Map<Target, string | null>();
  function textOf(t: Target): string | null {
    let text = readNow.get(t);
    if (text === undefined) {
      text = t.read();
      readNow.set(t, text);
    }
    return text;
  }

  /** Time spent in full looks during this flush (ms); it sets when the next full look may run. */
  let fullCost = -1;

  /** A full look when `full` is true, else a look in what changed since the last flush. */
  function look<T>(full: boolean, everywhere: () => T, within: (nodes: readonly Node[]) => T, none: T): T {
    if (full) {
      const t0 = costClock();
      const found = everywhere();
      fullCost = Math.max(0, fullCost) + costClock() - t0;
      return found;
    }
    const nodes = changedNodes();
    return nodes.length > 0 ? within(nodes) : none;
  }

  /**
   * Goes on with the sweep's symbol or price sources in this flush (see FULL_SLICE_MS; price sources
   * for the symbol read now). The kind's answer when it ends now — its first source that reads, or
   * null after the last — and undefined when no sweep is under way, while it goes on, or once that
   * kind has ended.
   */
  function sweepOn(kind: 'symbol' | 'price', steps: FullLookSteps): Target | null | undefined {
    const s = sweep;
    if (!s || s[kind] === DONE) return undefined;
    const count = kind === 'symbol' ? steps.symbols : steps.prices;
    for (; s[kind] < count; s[kind]++) {
      if (stepsNow > 0 && costClock() - sliceStart + lastStepCost > FULL_SLICE_MS) return undefined;
      const t0 = costClock();
      const found =
        kind === 'symbol' ? steps.symbolAt(s[kind]) : steps.priceAt(s[kind], symbol ?? null, isPaused);
      lastStepCost = costClock() - t0;
      s.cost += lastStepCost;
      stepsNow++;
      if (found) {
        s[kind] = DONE;
        return found;
      }
    }
    s[kind] = DONE;
    return null;
  }

  /**
   * What a sweep's answer for a kind makes of the followed target: the one it found, unless the
   * followed one still reads and is the more trusted (it appeared in a part of the page the sweep had
   * already passed); none found keeps a followed one that still reads.
   */
  function adopt(found: Target | null, followed: Target | null): Target | null {
    if (!live(followed)) return found;
    return found && found.confidence >= followed.confidence ? found : followed;
  }

  /** performance.now() at the start of the current flush (the paced locator's slice counts from it). */
  let flushStartedAt = 0;

  function flush(): void {
    flushStartedAt = performance.now();
    if (timer !== undefined) {
      timers.clearTimeout(timer); // flush() called while one was due
      timer = undefined;
    }
    if (signal.aborted) return;
    const now = Date.now();
    reported = false;
    readNow.clear();
    const again = read(now);
    gate.ran(now, reported, !priceTarget);
    if (again) schedule();
    rest();
  }

  /** One look at the page; true when another flush should follow (the symbol just changed). */
  function read(now: number): boolean {
    let confidenceBefore = priceTarget?.confidence;
    // A poll flush with a full look due also re-checks followed targets: a better source may have
    // appeared. With steps the full look is a sweep, spread over flushes where it is slow, except
    // the reader's first (the price is awaited; fullAt is 0 until a full look has run).
    const steps: FullLookSteps | undefined = fullAt > 0 ? locator.steps : undefined;
    if (steps && !sweep && now >= fullAt)
      sweep = { symbol: 0, price: 0, cost: 0, confidence: confidenceBefore };
    const due = !steps && now >= fullAt;
    if (sweep) {
      stepsNow = 0;
      sliceStart = costClock();
    }
    const symbolFound = steps ? sweepOn('symbol', steps) : undefined;
    if (symbolFound !== undefined) symbolTarget = adopt(symbolFound, symbolTarget);
    else if (due || !live(symbolTarget))
      symbolTarget = look(
        due,
        () => locator.findSymbol(),
        (w) => locator.findSymbol(w),
        null,
      );
    const rawSymbol = symbolTarget ? textOf(symbolTarget) : null;
    if (rawSymbol !== symbolRead.raw) symbolRead = { raw: rawSymbol, symbol: normalizeSymbol(rawSymbol) };
    const nextSymbol = symbolRead.symbol;
    if (nextSymbol !== symbol) {
      const first = symbol === undefined;
      symbol = nextSymbol;
      ref = null;
      candidate = null;
      fullStreak = -1; // a new symbol: the page is changing, so full looks start again once a second
      if (!first) {
        // Drop the old price before anything is said about the new symbol; keep ignoring the old text
        // until the page replaces it (or holdMs passes: both symbols may trade at the same price).
        held = lastText === null ? null : { text: lastText, until: now + holdMs };
        emit({ symbol, price: null, text: '', confidence: last?.confidence ?? 0, suspect: false });
        sweep = null; // the whole look below is the full look
        priceTarget = look(
          true,
          () => locator.findPrice(nextSymbol, isPaused),
          () => null,
          null,
        );
        endFlush(confidenceBefore);
        return true;
      }
    }
    if (locator.paced && !live(priceTarget)) {
      // The generic detector paces and bounds its own scan; it also gets what changed.
      priceTarget = locator.findPrice(symbol ?? null, isPaused, changedNodes(), flushStartedAt);
      if (!priceTarget && locator.scanning?.()) {
        timers.clearTimeout(resumeTimer);
        resumeTimer = timers.setTimeout(() => schedule(), SLICE_GAP_MS);
      }
    } else {
      const sym = symbol ?? null;
      const found = steps ? sweepOn('price', steps) : undefined;
      if (found !== undefined) priceTarget = adopt(found, priceTarget);
      else if (due || !live(priceTarget))
        priceTarget = look(
          due,
          () => locator.findPrice(sym, isPaused),
          (w) => locator.findPrice(sym, isPaused, w),
          null,
        );
    }
    if (sweep && sweep.symbol === DONE && sweep.price === DONE) {
      fullCost = sweep.cost;
      confidenceBefore = sweep.confidence;
      sweep = null;
    } else if (sweep) {
      // Go on soon even on a quiet page (a page that ticks flushes on its own).
      timers.clearTimeout(resumeTimer);
      resumeTimer = timers.setTimeout(() => schedule(), SLICE_GAP_MS);
    }
    endFlush(confidenceBefore);
    if (!priceTarget) return false; // hovered legend or price not rendered: keep the last reading
    const text = textOf(priceTarget) ?? '';
    if (held) {
      if (text === held.text && now < held.until) {
        recheck(held.until - now);
        return false;
      }
      held = null;
    }
    const parsed = parsePriceText(text, { decimal: locator.decimal, previous: ref });
    if (!parsed) return false;
    lastText = text;
    let reason: SuspectReason | null =
      parsed.status !== 'live' ? parsed.status : implausibility(ref, parsed.value, opts.maxJumpPct);
    if (reason === 'jump') {
      if (candidate && isPlausible(candidate.value, parsed.value, opts.maxJumpPct)) {
        if (candidate.value !== parsed.value) candidate.count++;
        candidate.value = parsed.value;
      } else candidate = { value: parsed.value, count: 1, since: now };
      if (candidate.count >= CONFIRM_TICKS || now - candidate.since >= CONFIRM_MS) reason = null;
      else recheck(CONFIRM_MS); // confirm later even if the page goes quiet
    }
    if (reason === null) {
      ref = parsed.value;
      candidate = null;
    }
    const confidence = Math.round(priceTarget.confidence * (parsed.ambiguous ? 0.8 : 1) * 100) / 100;
    emit({
      symbol,
      price: parsed.value,
      text: text.slice(0, 64),
      confidence,
      suspect: reason !== null,
      ...(reason ? { reason } : {}),
    });
    return false;
  }

  /**
   * Observe what was found; the changes collected so far have been looked at. `confidenceBefore`: the
   * followed price target's confidence when the flush began (the full looks' backoff compares it).
   */
  function endFlush(confidenceBefore: number | undefined): void {
    if (fullCost >= 0) {
      // A re-render replaces the node but not the source, so "as good" compares confidence. With no
      // price followed the pace stays (a price only a full look finds, e.g. in the title, is not put off).
      const same = priceTarget !== null && priceTarget.confidence === confidenceBefore;
      fullStreak = same ? Math.min(fullStreak + 1, FULL_BACKOFF_STEPS) : 0;
      const gap = FULL_MIN_GAP_MS * 2 ** fullStreak;
      fullAt = Date.now() + Math.min(FULL_MAX_GAP_MS, Math.max(gap, fullCost * FULL_RATIO));
    }
    fullCost = -1;
    changed.clear();
    overflow = false;
    wire();
  }

  doc.addEventListener(
    'pointerover',
    (e) => {
      const t = e.target as Element | null;
      pointerEl = t && typeof t.closest === 'function' ? t : null;
      schedule(POINTER_SETTLE_MS);
    },
    { capture: true, passive: true, signal },
  );
  doc.documentElement.addEventListener(
    'pointerleave',
    () => {
      pointerEl = null;
      schedule(POINTER_SETTLE_MS);
    },
    { passive: true, signal },
  );
  signal.addEventListener('abort', () => {
    located.delete(doc);
    narrow.disconnect();
    anchor.disconnect();
    timers.clearTimeout(timer);
    timers.clearInterval(ticker);
    timers.clearTimeout(recheckTimer);
    timers.clearTimeout(resumeTimer);
    timers.clearTimeout(pollTimer);
  });
  flush();
  return { flush };
}
