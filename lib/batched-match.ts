import type { MatchQuery, MatchResult } from './matching-service';
import type { Strictness } from './types';

/** The sentences a match request carries (text and paragraph). */
export type SentenceTexts = NonNullable<MatchQuery['sentences']>;

/**
 * Asks the matcher about these sentences at these strictness settings. The same array is
 * passed again for a batch's other strictnesses.
 */
export type MatchFn = (
  sentences: SentenceTexts,
  strictnesses: Strictness[],
  /** The batch's semantic pass instead of its lexical matches (MatchQuery `semantic`). */
  semantic?: boolean,
) => Promise<MatchResult>;

const NO_MATCHES: MatchResult = { matches: [], shownAt: [], claims: {} };

/**
 * A match function over `send` that sends a batch's text once. The page asks about one batch
 * (the same array) at its current strictness and later at the others: the first reply names
 * the batch, and the later requests name it instead of carrying the sentences again. A
 * background that no longer has the batch (it restarted, or many came since) answers
 * `unknownBatch`, and the sentences are sent whole. No reply (no background answered) reads
 * as no matches. Pure: `send` is the only way out.
 */
export function batchedMatch(
  send: (q: MatchQuery) => Promise<MatchResult | undefined>,
  date: () => string | undefined,
): MatchFn {
  const batches = new WeakMap<SentenceTexts, number>();
  return async (sentences, strictnesses, semantic) => {
    const known = batches.get(sentences);
    const how = semantic ? { strictnesses, semantic } : { strictnesses };
    let reply = known === undefined ? undefined : await send({ batch: known, ...how });
    if (!reply || reply.unknownBatch) reply = await send({ sentences, ...how, date: date() });
    if (reply?.batch !== undefined) batches.set(sentences, reply.batch);
    return reply ?? NO_MATCHES;
  };
}
