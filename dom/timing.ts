/**
 * Timing: the User Timing names Factmark leaves in the page, for profilers, `npm run bench`,
 * `npm run demo` and the e2e tests (which import them from here), and the clock of our own
 * longest synchronous stretch. Importable from Node: nothing here touches the page on load.
 */
export const TIMING = {
  /** The content script started. */
  start: 'factmark-start',
  /** Settings were read. */
  settings: 'factmark-settings',
  /** A whole-page scan began. */
  scanStart: 'factmark-scan-start',
  /** A scan finished; its detail is the ScanDetail below. */
  scanDone: 'factmark-scan-done',
  firstRequest: 'factmark-first-request',
  firstReply: 'factmark-first-reply',
  /** The frame after the first highlights were added. */
  firstMark: 'factmark-first-mark',
  /** A batch's semantic pass answered ("Find restatements" on); its detail: marks found. */
  semanticReply: 'factmark-semantic-reply',
  /** Every follow-up request of a scan (other strictnesses, semantic passes) answered. */
  othersDone: 'factmark-others-done',
  /** Prefix of the measures of our stretches over LONG_STRETCH_MS: `factmark-long:<phase>`. */
  longPrefix: 'factmark-long:',
} as const;

/** The detail of TIMING.scanDone. */
export interface ScanDetail {
  longestTaskMs: number;
  longestDrawMs: number;
}

/** A stretch of ours this long (ms) is recorded as a `factmark-long:<phase>` measure. */
export const LONG_STRETCH_MS = 30;

/** A User Timing mark; timing is optional and never breaks annotation. */
export function mark(name: string, detail?: unknown): void {
  try {
    performance.mark(name, detail === undefined ? undefined : { detail });
  } catch {
    // Timing is optional.
  }
}

/** A measure from `start` to now (profilers see where a long stretch of ours went). */
export function measure(name: string, start: number): void {
  try {
    performance.measure(name, { start, end: performance.now() });
  } catch {
    // Timing is optional.
  }
}

/** Our longest synchronous stretches so far, reported with TIMING.scanDone for the bench. */
export class TaskClock {
  longestTaskMs = 0;
  /** Of which the longest overlay draw (ms). */
  longestDrawMs = 0;

  /** Notes one stretch of ours that began at `t0`; a long one gets a measure. */
  note(t0: number, phase: string): void {
    const ms = performance.now() - t0;
    if (ms > this.longestTaskMs) this.longestTaskMs = ms;
    if (ms >= LONG_STRETCH_MS) measure(`${TIMING.longPrefix}${phase}`, t0);
  }

  /** Notes an overlay draw that took `ms`. */
  noteDraw(ms: number): void {
    this.note(performance.now() - ms, 'draw');
    if (ms > this.longestDrawMs) this.longestDrawMs = ms;
  }

  get detail(): ScanDetail {
    return { longestTaskMs: this.longestTaskMs, longestDrawMs: this.longestDrawMs };
  }
}
