/**
 * "Pérez" -> "Perez", "ﬁle" -> "file": compatibility decomposition (NFKD), then every
 * combining mark dropped. For keys and names compared as plain ASCII-ish text (slugs, rating
 * keys, claimant words). Page text that must keep its offsets is folded per code point by
 * `foldChar` (normalize.ts) instead.
 */
export function foldDiacritics(text: string): string {
  return text.normalize('NFKD').replace(/\p{M}/gu, '');
}
