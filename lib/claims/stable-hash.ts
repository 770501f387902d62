/**
 * A small stable string hash for ids (FNV-1a, 32 bit, base 36). Synchronous and the same in
 * Node, the service worker and the popup, unlike crypto.subtle. Not for security: it only
 * keeps ids derived from URLs short and distinct.
 */
export function stableHash(s: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0).toString(36).padStart(7, '0');
}
