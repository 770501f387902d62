/**
 * The semantic pass's last failure, told to the reader (the options page shows it beside
 * "Find restatements" until the model answers again). Pure: utils/semantic-status.ts keeps
 * it in storage, the background reports through `reportingFailures`.
 */
import { errorMessage } from '../error-message';

export interface SemanticFailure {
  /** What went wrong, as the model's worker or the browser said it (at most MAX_ERROR chars). */
  error: string;
  /** ISO date-time of the failure. */
  at: string;
}

const MAX_ERROR = 300;

export function failureOf(err: unknown, at = new Date().toISOString()): SemanticFailure {
  const text = errorMessage(err);
  return { error: (text.trim() || 'unknown error').slice(0, MAX_ERROR), at };
}

/** Whatever is stored, as a failure (null when it is none or not of that shape). */
export function sanitizeFailure(raw: unknown): SemanticFailure | null {
  if (!raw || typeof raw !== 'object') return null;
  const { error, at } = raw as Record<string, unknown>;
  if (typeof error !== 'string' || typeof at !== 'string' || Number.isNaN(Date.parse(at)))
    return null;
  return { error: error.slice(0, MAX_ERROR), at };
}

/**
 * `fn` (the model's closeness) that reports each failure, and clears the report on the first
 * success after one (or after a start, when an earlier session may have left one). The
 * failure itself still rejects: the caller keeps the page's lexical marks.
 */
export function reportingFailures<A, R>(
  fn: (a: A) => Promise<R>,
  report: (f: SemanticFailure | null) => Promise<void>,
): (a: A) => Promise<R> {
  let reported: boolean | null = null;
  return async (a) => {
    let out: R;
    try {
      out = await fn(a);
    } catch (err) {
      reported = true;
      await report(failureOf(err)).catch(() => {});
      throw err;
    }
    if (reported !== false) {
      reported = false;
      await report(null).catch(() => {});
    }
    return out;
  };
}
