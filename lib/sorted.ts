/** Searches in sorted arrays (pure). */

/** The index of the last of `sorted` (ascending, non-empty) that is <= x; 0 if none is. */
export function lastAtOrBefore(sorted: ArrayLike<number>, x: number): number {
  let lo = 0;
  let hi = sorted.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if ((sorted[mid] as number) <= x) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/**
 * The first index i in [0, length) whose key is >= v, keys ascending (`length` if none):
 * the lower bound, over keys read through `keyAt` (a sorted order of another array).
 */
export function lowerBound(length: number, keyAt: (i: number) => number, v: number): number {
  let lo = 0;
  let hi = length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (keyAt(mid) < v) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
