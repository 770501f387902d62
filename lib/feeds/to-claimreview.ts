/**
 * A ClaimRecord written back out in the feed formats a reader subscribes to: schema.org
 * ClaimReview JSON-LD and a Fact Check Tools `claims:search` entry. The inverse of the
 * converters, for the test fixtures and the bench (made from real fact checks, never
 * invented ones). Pure.
 */
import type { ClaimRecord } from '../types';

type Obj = Record<string, unknown>;

/** The API writes date-times; a partial date (YYYY-MM) is left as it is. */
const dateTime = (d: string): string => (/^\d{4}-\d{2}-\d{2}$/.test(d) ? `${d}T00:00:00Z` : d);

export function toClaimReview(r: ClaimRecord): Obj {
  const src = r.sources[0];
  const item: Obj = { '@type': 'Claim' };
  if (r.claimant !== undefined) item.author = { '@type': 'Person', name: r.claimant };
  if (r.claimDate !== undefined) item.datePublished = r.claimDate;
  const out: Obj = {
    '@type': 'ClaimReview',
    url: src?.url,
    claimReviewed: r.claim,
    datePublished: r.reviewed,
    author: { '@type': 'Organization', name: src?.publisher },
    itemReviewed: item,
    reviewRating: { '@type': 'Rating', alternateName: r.rating ?? r.verdict },
  };
  if (src && !src.title.startsWith('Fact check by ')) out.headline = src.title;
  if (r.note !== '' && r.note !== src?.title) out.reviewBody = r.note;
  if (r.lang !== undefined) out.inLanguage = r.lang;
  return out;
}

/** One `claims[]` entry of a `claims:search` response, with its one review. */
export function toFactCheckApiClaim(r: ClaimRecord): Obj {
  const src = r.sources[0];
  const host = src ? new URL(src.url).hostname.replace(/^www\./, '') : undefined;
  const review: Obj = {
    publisher: { name: src?.publisher, site: host },
    url: src?.url,
    reviewDate: dateTime(r.reviewed),
    textualRating: r.rating ?? r.verdict,
  };
  if (src && !src.title.startsWith('Fact check by ')) review.title = src.title;
  if (r.lang !== undefined) review.languageCode = r.lang;
  const claim: Obj = { text: r.claim, claimReview: [review] };
  if (r.claimant !== undefined) claim.claimant = r.claimant;
  if (r.claimDate !== undefined) claim.claimDate = dateTime(r.claimDate);
  return claim;
}
