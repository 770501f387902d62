/**
 * The URL's normal form if, and only if, it is an absolute `https:` URL with a host, no
 * embedded credentials and no white space; otherwise null. The one test of a link: validation
 * refuses any other URL in claim data, and the card links only what passes it.
 */
export function safeHttpsUrl(url: string): string | null {
  if (/\s/u.test(url)) return null;
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return null;
  }
  const ok = u.protocol === 'https:' && u.hostname !== '' && u.username === '' && u.password === '';
  return ok ? u.href : null;
}
