/**
 * A regular expression built on its first use, from a string. V8 checks every regular
 * expression literal of a script when it parses the script and builds it when the script
 * runs, and a Unicode property class (`\p{L}`) costs ~0.05-0.2 ms each time on this VM
 * (node, 30 copies: /[\p{L}\p{N}]/u 3.3 ms to parse, 3.0 ms to build). The content script is
 * parsed and run on every page, most of which never need such a class (an English page is
 * read on ASCII fast paths), so the text code keeps these here instead of in literals.
 */
export function lazyRegExp(source: string, flags: string): () => RegExp {
  let re: RegExp | undefined;
  return () => (re ??= new RegExp(source, flags));
}
