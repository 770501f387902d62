import { stemmer } from 'stemmer';

/**
 * Porter stemming (the maintained `stemmer` package), memoised: a page or claim
 * set repeats a few thousand distinct words many times, and a Map lookup is
 * ~10x cheaper than re-running the stemmer. The cache is bounded so a long-lived
 * service worker does not grow without limit.
 */
const cache = new Map<string, string>();
const MAX_CACHE = 200_000;

export function stem(word: string): string {
  const hit = cache.get(word);
  if (hit !== undefined) return hit;
  const out = word.length <= 3 ? word : stemmer(word);
  if (cache.size >= MAX_CACHE) cache.clear();
  cache.set(word, out);
  return out;
}
