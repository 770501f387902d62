/**
 * ASCII character classes by char code, for the text code's fast paths (the tokenizer, the
 * sentence splitter, handles and hashtags): no regular expression for the common case.
 */
export const isUpper = (c: number): boolean => c >= 65 && c <= 90;
export const isLower = (c: number): boolean => c >= 97 && c <= 122;
export const isDigit = (c: number): boolean => c >= 48 && c <= 57;

/** Whether every character of `s` is ASCII. */
export function isAscii(s: string): boolean {
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) >= 128) return false;
  return true;
}
