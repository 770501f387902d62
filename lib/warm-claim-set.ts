import { matchSentences } from './match/matcher';
import { warmIndex } from './match/lazy-fields';
import { segmentSentences } from './text/segment';
import type { ClaimSet } from './claims/claim-set';

/**
 * A few sentences that run every stage of the matcher (names, numbers, quotes, a speaker, an
 * alias), so V8 has compiled it before the first page asks: in a fresh worker the first
 * real match otherwise takes several times as long as the next ones.
 */
const WARM_TEXT = [
  'Russia annexed Crimea in 2014, the minister said on Tuesday.',
  '"We will end the war within 24 hours," Donald Trump told supporters in Kiev.',
  'About 20 percent of the territory, roughly a fifth, is now held by Moscow.',
  'The unemployment rate fell to 3.5 percent last year, the lowest since 1969, Obama said.',
  'Senator Smith voted against the $1.8bn veterans bill twice, according to the record.',
].join(' ');

/**
 * Builds what loading left for first use (string tables, the term map, the matcher's own
 * lazy tables) and lets V8 compile the matcher, in a task of its own after the load, so the
 * first page does not pay for it (~20 ms for the bundled set in Node; more in a cold worker). A page that asks sooner simply
 * waits in the queue behind it or does the work itself.
 */
export function warmSoon(set: ClaimSet): void {
  const sentences = segmentSentences(WARM_TEXT);
  const round = (left: number) => {
    try {
      if (left === WARM_ROUNDS) {
        warmIndex(set.index);
        void set.claims.has(''); // the id -> claim map card lookups use
      }
      matchSentences(set.index, sentences, {}, { strictness: 'balanced' });
    } catch (err) {
      console.warn('Factmark: warming the claim index failed:', err);
      return;
    }
    // One round per task: a page that asks meanwhile is answered between rounds.
    if (left > 1) setTimeout(() => round(left - 1), 0);
  };
  setTimeout(() => round(WARM_ROUNDS), 0);
}

/**
 * Rounds of the warm-up match. One round leaves most of the matcher to V8's baseline tiers:
 * in an ad hoc probe the first pages' matches in the worker then took several times as long
 * as later ones.
 */
const WARM_ROUNDS = 12;
