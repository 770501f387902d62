/**
 * The Google Fact Check Tools API's `claims:search` response
 * (`{claims: [{text, claimant, claimDate, claimReview: [{publisher: {name, site}, url, title,
 * reviewDate, textualRating, languageCode}]}], nextPageToken}`) -> ClaimRecord. Each review
 * is turned into the schema.org ClaimReview it was published as and converted by the same
 * code as a ClaimReview import (convert-claimreview.ts, validated by validate.ts), so the
 * two cannot drift apart. Items are named by their path in the response:
 * `claims[3].claimReview[0]`.
 */
import type { ClaimRecord } from '../types';
import { convertClaimReview } from '../claims/convert-claimreview';
import type { ConvertResult, Skipped } from '../claims/skipped';

type Obj = Record<string, unknown>;

const isObj = (v: unknown): v is Obj => v !== null && typeof v === 'object' && !Array.isArray(v);

/** Whether parsed JSON is a `claims:search` response (not JSON-LD, not a record). */
export function isFactCheckApiResponse(json: unknown): boolean {
  if (!isObj(json) || !Array.isArray(json.claims)) return false;
  return json.claims.length === 0
    ? !('@context' in json) && !('@type' in json)
    : json.claims.some((c) => isObj(c) && Array.isArray(c.claimReview));
}

function asClaimReview(claim: Obj, review: Obj): Obj {
  const publisher = isObj(review.publisher) ? review.publisher : {};
  const name = publisher.name ?? publisher.site;
  const item: Obj = { '@type': 'Claim' };
  if (claim.claimant !== undefined) item.author = { '@type': 'Person', name: claim.claimant };
  if (claim.claimDate !== undefined) item.datePublished = claim.claimDate;
  const out: Obj = {
    '@type': 'ClaimReview',
    url: review.url,
    claimReviewed: claim.text,
    headline: review.title,
    datePublished: review.reviewDate,
    itemReviewed: item,
    reviewRating: { '@type': 'Rating', alternateName: review.textualRating },
  };
  if (name !== undefined) out.author = { '@type': 'Organization', name };
  if (review.languageCode !== undefined) out.inLanguage = review.languageCode;
  return out;
}

/** Converts a `claims:search` response; every bad review is skipped with its path and reason. */
export function convertFactCheckApi(json: unknown, file: string): ConvertResult<ClaimRecord> {
  const claims = isObj(json) && Array.isArray(json.claims) ? json.claims : [];
  const items: Obj[] = [];
  const paths: string[] = [];
  const skipped: Skipped[] = [];
  claims.forEach((c, i) => {
    const reviews = isObj(c) ? c.claimReview : undefined;
    if (!isObj(c) || !Array.isArray(reviews) || reviews.length === 0) {
      skipped.push({ record: `claims[${i}]`, reason: 'claimReview: expected a list of reviews' });
      return;
    }
    reviews.forEach((r, j) => {
      const where = `claims[${i}].claimReview[${j}]`;
      if (!isObj(r)) skipped.push({ record: where, reason: 'expected a review (an object)' });
      else {
        items.push(asClaimReview(c, r));
        paths.push(where);
      }
    });
  });
  if (items.length === 0) {
    if (skipped.length === 0) skipped.push({ record: file, reason: 'no claims in the response' });
    return { records: [], skipped };
  }
  const converted = convertClaimReview(items, file);
  // The converter names items by their index in `items`: "[3]" -> "claims[1].claimReview[0]".
  const rename = (record: string): string => {
    const m = /^\[(\d+)\]$/.exec(record);
    return m ? (paths[Number(m[1])] ?? record) : record;
  };
  for (const s of converted.skipped) skipped.push({ ...s, record: rename(s.record) });
  return { records: converted.records, skipped };
}
