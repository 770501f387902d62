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
