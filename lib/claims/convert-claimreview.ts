/**
 * schema.org ClaimReview JSON-LD -> ClaimRecord. Accepts a single ClaimReview, an array, an
 * `@graph`, and a Data Commons style DataFeed
 * (`{"@type":"DataFeed","dataFeedElement":[{"item":[ClaimReview, ...]}]}`), nested in any of
 * those. Each bad item is skipped and reported; the rest of the feed still converts.
 *
 * Mapping: claimReviewed -> claim; itemReviewed.author.name -> claimant;
 * itemReviewed.datePublished -> claimDate; reviewRating -> verdict + rating (ratings.ts);
 * author (the fact-checker) + headline/name + url + datePublished -> the source;
 * datePublished -> reviewed; reviewBody/description -> note (whole sentences within the
 * note limits), else a neutral sentence built from the data.
 */
import type { ClaimRecord } from '../types';
import { isIsoDate, isoDateParts } from '../iso-date';
import { slugify } from '../text/slugify';
import { mapRating, mapRatingValue, type RatingResult } from './ratings';
import { clipSentences } from './clip-sentences';
import { skippedFromErrors, type ConvertResult, type Skipped } from './skipped';
import { LIMITS } from './record-schema';
import { validateRecord } from './validate';
import { neutralNote } from './dataset-rows';
import { stableHash } from './stable-hash';

type Obj = Record<string, unknown>;

function isObj(v: unknown): v is Obj {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

/** JSON-LD allows a value or a list of values almost everywhere; take the first. */
function first(v: unknown): unknown {
  return Array.isArray(v) ? v[0] : v;
}

function text(v: unknown): string | undefined {
  const f = first(v);
  if (typeof f === 'number') return String(f);
  if (typeof f !== 'string') return undefined;
  const t = f.replace(/\s+/gu, ' ').trim();
  return t === '' ? undefined : t;
}

/** A name from a Person/Organization object, or the string itself. */
function nameOf(v: unknown): string | undefined {
  const f = first(v);
  return isObj(f) ? text(f.name) : text(f);
}

function types(o: Obj): string[] {
  const t = o['@type'];
  const list = Array.isArray(t) ? t : [t];
  return list
    .filter((x): x is string => typeof x === 'string')
    .map((x) => x.replace(/^.*[/:#]/, ''));
}

// What may follow the date: nothing, or a time with an optional zone.
const TIME_OF_DAY = /^(?:[T ][0-9:.]+(?:Z|[+-]\d{2}:?\d{2})?)?$/;

/** ISO dates and date-times ("2020-10-09T12:00:00Z") -> "2020-10-09"; other formats: none. */
function isoDay(v: unknown): string | undefined {
  const s = text(v);
  if (s === undefined) return undefined;
  const date = isoDateParts(s)?.text;
  if (date === undefined || !isIsoDate(date)) return undefined;
  return TIME_OF_DAY.test(s.slice(date.length)) ? date : undefined;
}

function hostOf(url: string): string | undefined {
  try {
    return new URL(url).hostname.replace(/^www\./, '');
  } catch {
    return undefined;
  }
}

/** A stable id: the URL's last path segment as a slug, plus a hash of URL and claim (one
 * article often reviews several claims, so the URL alone is not unique). */
export function claimReviewId(url: string, claim: string): string {
  let tail: string;
  try {
    const u = new URL(url);
    const segs = u.pathname.split('/').filter((s) => s !== '');
    tail = segs[segs.length - 1] ?? u.hostname;
  } catch {
    tail = '';
  }
  const slug = slugify(tail.replace(/\.[a-z]{2,5}$/i, ''))
    .slice(0, 60)
    .replace(/-+$/g, '');
  const hash = stableHash(`${url}\n${claim}`);
  return slug === '' ? `cr-${hash}` : `${slug}-${hash}`;
}

function ratingOf(rr: unknown, publisher: string, publisherHost: string | undefined): RatingResult {
  const r = first(rr);
  if (!isObj(r)) return { ok: false, reason: 'no reviewRating', known: false };
  const label = text(r.alternateName) ?? text(r.name);
  let byText: RatingResult | null = null;
  if (label !== undefined) {
    // The publisher's own table by name, then by its site, then the generic table.
    byText = mapRating(publisher, label);
    if (!byText.ok && publisherHost !== undefined) {
      const byHost = mapRating(publisherHost, label);
      if (byHost.ok || byHost.known) byText = byHost;
    }
    // A label we know (mapped, or deliberately left out) decides; numbers never override it.
    if (byText.ok || byText.known) return byText;
  }
  const raw = text(r.ratingValue);
  const value = Number(raw);
  const best = Number(text(r.bestRating));
  const worst = Number(text(r.worstRating));
  const verdict = raw === undefined ? null : mapRatingValue(value, best, worst);
  if (verdict !== null)
    // The publisher's own words stay the label when it gave some.
    return { ok: true, value: { verdict, rating: label ?? `${value} of ${best}` } };
  if (byText) return byText;
  return {
    ok: false,
    known: false,
    reason: `reviewRating has no alternateName and ratingValue ${String(raw)} (best ${String(text(r.bestRating))}, worst ${String(text(r.worstRating))}) is not unambiguous`,
  };
}

function convertOne(item: Obj, where: string, file: string): ClaimRecord | Skipped {
  const claim = text(item.claimReviewed);
  const url = text(item.url);
  if (claim === undefined) return { record: where, reason: 'claimReviewed: missing' };
  if (url === undefined)
    return { record: where, reason: 'url: missing (the fact check has no link)' };
  const id = claimReviewId(url, claim);
  const host = hostOf(url);
  const publisher = nameOf(item.author) ?? nameOf(item.publisher) ?? host;
  if (publisher === undefined)
    return { record: where, id, reason: 'author: no fact-checker named' };
  const rating = ratingOf(item.reviewRating, publisher, host);
  if (!rating.ok) return { record: where, id, reason: `reviewRating: ${rating.reason}` };
  const reviewed = isoDay(item.datePublished);
  if (reviewed === undefined)
    return {
      record: where,
      id,
      reason: `datePublished: expected an ISO date, got ${JSON.stringify(first(item.datePublished) ?? null)}`,
    };
  const reviewedItem = first(item.itemReviewed);
  const claimObj = isObj(reviewedItem) ? reviewedItem : {};
  const lang = text(item.inLanguage);
  const rr = first(item.reviewRating);
  const body =
    text(item.reviewBody) ??
    text(item.description) ??
    (isObj(rr) ? text(rr.ratingExplanation) : undefined);
  const raw: ClaimRecord = {
    id,
    claim,
    verdict: rating.value.verdict,
    rating: rating.value.rating,
    note:
      (body !== undefined ? clipSentences(body, LIMITS.noteSentences, LIMITS.note) : null) ??
      neutralNote(publisher, rating.value.rating),
    // No headline or name: label the link by its publisher rather than invent a title.
    sources: [
      {
        publisher,
        title: text(item.headline) ?? text(item.name) ?? `Fact check by ${publisher}`,
        url,
        date: reviewed,
      },
    ],
    reviewed,
  };
  const claimant = nameOf(claimObj.author);
  const claimDate = isoDay(claimObj.datePublished);
  if (claimant !== undefined) raw.claimant = claimant;
  if (claimDate !== undefined) raw.claimDate = claimDate;
  if (lang !== undefined && /^[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$/.test(lang)) raw.lang = lang;
  const result = validateRecord(raw, { file, record: where });
  return result.record ?? skippedFromErrors(where, result.errors);
}

/**
 * Converts parsed JSON-LD. Items are labelled by their JSON path (0-based), e.g. `[3]`,
 * `@graph[1]`, `dataFeedElement[0].item[1]`, so a reader can find the bad one in the file.
 */
export function convertClaimReview(json: unknown, file: string): ConvertResult<ClaimRecord> {
  const records: ClaimRecord[] = [];
  const skipped: Skipped[] = [];
  const seen = new Set<string>();
  let found = 0;

  const visit = (node: unknown, path: string, depth: number): void => {
    // Feeds nest a few levels (DataFeed > DataFeedItem > item); anything deeper is not a feed.
    if (depth > 6) return;
    if (Array.isArray(node)) {
      node.forEach((n, i) => visit(n, `${path}[${i}]`, depth + 1));
      return;
    }
    if (!isObj(node)) return;
    const t = types(node);
    if (t.includes('ClaimReview') || (t.length === 0 && 'claimReviewed' in node)) {
      found++;
      const where = path === '' ? 'the item' : path;
      const out = convertOne(node, where, file);
      if ('reason' in out) skipped.push(out);
      else if (seen.has(out.id))
        skipped.push({
          record: where,
          id: out.id,
          reason: 'duplicate of an earlier item (same url and claim)',
        });
      else {
        seen.add(out.id);
        records.push(out);
      }
      return;
    }
    const at = (key: string) => (path === '' ? key : `${path}.${key}`);
    if ('@graph' in node) visit(node['@graph'], at('@graph'), depth + 1);
    if ('dataFeedElement' in node) visit(node.dataFeedElement, at('dataFeedElement'), depth + 1);
    if (t.includes('DataFeedItem') || (path.includes('dataFeedElement') && 'item' in node))
      visit(node.item, at('item'), depth + 1);
  };
  visit(json, '', 0);
  if (found === 0) skipped.push({ record: file, reason: 'no ClaimReview items found' });
  return { records, skipped };
}
