/**
 * The page's publication date from its metadata (for the card's staleness note).
 * Reads only; JSON-LD is parsed with JSON.parse, never evaluated.
 */
export function pageDate(doc: Document): string | undefined {
  // The page's dated <meta> elements in one native query (a querySelector per name walked
  // the whole document each time it found none), then the names in this order of trust.
  const metas = Array.from(doc.querySelectorAll<HTMLMetaElement>(META_SELECTOR));
  for (const [attr, value] of META_DATES) {
    const meta = metas.find((m) => m.getAttribute(attr) === value);
    const d = isoDay(meta?.getAttribute('content'));
    if (d) return d;
  }
  for (const script of Array.from(doc.querySelectorAll('script[type="application/ld+json"]'))) {
    const text = script.textContent ?? '';
    // Only JSON that names the field can give it: the rest is not parsed.
    if (!text.includes('datePublished')) continue;
    const d = findDatePublished(safeJson(text), 0);
    if (d) return d;
  }
  const time = doc.querySelector('article time[datetime], time[itemprop="datePublished"]');
  return isoDay(time?.getAttribute('datetime'));
}

/** The <meta> attributes that give a publication date, most trusted first. */
const META_DATES: readonly (readonly [string, string])[] = [
  ['property', 'article:published_time'],
  ['name', 'article:published_time'],
  ['itemprop', 'datePublished'],
  ['name', 'date'],
  ['name', 'pubdate'],
  ['name', 'publish-date'],
  ['name', 'dc.date'],
  ['name', 'DC.date.issued'],
];
const META_SELECTOR = META_DATES.map(([attr, value]) => `meta[${attr}="${value}"]`).join(',');

function safeJson(text: string): unknown {
  if (text.length > 1_000_000) return null;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return null;
  }
}

function findDatePublished(v: unknown, depth: number): string | undefined {
  if (depth > 6 || v === null || typeof v !== 'object') return undefined;
  if (Array.isArray(v)) {
    for (const x of v) {
      const d = findDatePublished(x, depth + 1);
      if (d) return d;
    }
    return undefined;
  }
  const o = v as Record<string, unknown>;
  const d = isoDay(typeof o.datePublished === 'string' ? o.datePublished : undefined);
  if (d) return d;
  return findDatePublished(o['@graph'], depth + 1);
}

function isoDay(v: string | null | undefined): string | undefined {
  if (!v) return undefined;
  const m = /^\s*(\d{4}-\d{2}-\d{2})/.exec(v);
  return m ? m[1] : undefined;
}
