/**
 * What loadIndex leaves for first use (string arrays decode on first read, term maps build on
 * first read), and warmIndex, which builds it all ahead of the first query.
 */
import type { ClaimIndexCore } from './index-core';

/**
 * Builds whatever loadIndex left for first use (string arrays, the term map), so the first
 * query does not pay for it: the background calls it right after loading, off the critical
 * path. Cost ~10 ms for the bundled set.
 */
export function warmIndex(index: ClaimIndexCore): void {
  const walk = (o: object): void => {
    for (const k in o) {
      const v: unknown = (o as Record<string, unknown>)[k]; // runs a lazy getter
      if (v instanceof Map) void v.size;
      else if (v !== null && typeof v === 'object' && Object.getPrototypeOf(v) === Object.prototype)
        walk(v);
    }
  };
  walk(index);
}
