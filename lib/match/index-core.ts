/**
 * The in-memory claim index, shared by buildIndex (from claims) and loadIndex
 * (from the serialised payload). Both produce the same compact "source" arrays
 * (vocabulary, each unit's term sequence) and call `assembleIndex`, which
 * derives postings, term statistics and bigram sets in one linear pass.
 *
 * A claim has several units: its text (field 0), each phrasing (field 1) and
 * its title (field 2). Text and phrasings are matched alike (a claim scores by
 * its best one); the title is weaker context.
 *
 * Changes to ClaimIndexCore for the binary serializer (derived fields are
 * recomputed by assembleIndex, so the payload need not carry them):
 *  - `idfUnits` (number, derived): units IDF is computed over, own units plus
 *    the background df prior's pseudo-units (df-prior.ts; 0 extra from 5,000
 *    units up). `idf` of small indexes now blends in that prior.
 *  No field of IndexSource changed. Per-posting BM25 weights are a lazy cache
 *  kept in a WeakMap beside the index (candidates.ts), not a field.
 *
 * Memory for ~40k claims: ~1M sequence ints, ~0.8M postings: a few MB of typed
 * arrays, no per-claim objects.
 */
import { isoDateParts } from '../iso-date';
import { foldDiacritics } from '../text/fold-diacritics';
import { blendedIdf, priorUnits } from './df-prior';

export const INDEX_FORMAT = 'factmark-index';
export const INDEX_VERSION = 1;

export const FIELD_TEXT = 0;
export const FIELD_PHRASING = 1;
export const FIELD_TITLE = 2;

export interface IndexSource {
  ids: string[];
  /** Lower-case claimant per claim ('' when unknown). */
  claimants: string[];
  /** ISO dates ('' when unknown). */
  dates: string[];
  /** Sparse: claim index -> priority (default 0). */
  priority: Record<number, number>;
  vocab: string[];
  /** Per term: how often it is capitalised away from a sentence start, 0..255. */
  names: Uint32Array;
  unitClaim: Uint32Array;
  unitField: Uint32Array;
  unitLen: Uint32Array;
  seq: Uint32Array;
}

export interface ClaimIndexCore {
  readonly size: number;
  readonly src: IndexSource;
  readonly termId: Map<string, number>;
  readonly idf: Float32Array;
  /** Units IDF is computed over: own units plus the df prior's pseudo-units (derived). */
  readonly idfUnits: number;
  readonly nameScore: Float32Array;
  readonly isNumber: Uint8Array;
  readonly days: Float64Array;
  readonly priority: Float32Array;
  /** Claimant tokens for speaker matching, computed on first use (see claimantOf). */
  readonly claimantTokens: (string[] | undefined)[];
  /** Units of claim c: claimUnitStart[c] .. claimUnitStart[c+1]. */
  readonly claimUnitStart: Uint32Array;
  /** Sequence of unit u: seq[unitSeqStart[u] .. unitSeqStart[u+1]]. */
  readonly unitSeqStart: Uint32Array;
  /** Unique terms of unit u with term frequencies. */
  readonly uStart: Uint32Array;
  readonly uTerm: Uint32Array;
  readonly uTf: Uint16Array;
  /** Sum of idf over the unit's unique terms (coverage denominator). */
  readonly unitIdfSum: Float32Array;
  /** Postings: term t -> units pUnit[pStart[t] .. pStart[t+1]] (ascending) with tf. */
  readonly pStart: Uint32Array;
  readonly pUnit: Uint32Array;
  readonly pTf: Uint16Array;
  /** Average unit length per field (BM25 length normalisation). */
  readonly avgLen: number[];
  /** Scratch accumulators reused by every query (one query at a time). */
  readonly acc: Float32Array;
  readonly accClaim: Float32Array;
}

/** Key of the ordered pair of adjacent content terms (a, b). */
export function bigramKey(a: number, b: number): number {
  return a * 4194304 + b; // 2^22 terms max; exact in a double
}

/** Days since 1970 of an ISO date (YYYY, YYYY-MM or YYYY-MM-DD); NaN if none. */
export function dayNumber(iso: string | undefined): number {
  const p = iso === undefined ? null : isoDateParts(iso);
  // A year alone counts from mid-year, a month from its first day.
  return p ? Date.UTC(p.year, (p.month ?? 7) - 1, p.day ?? 1) / 864e5 : NaN;
}

/** Claimant tokens of claim c (memoised: only queries with a speaker need them). */
export function claimantOf(index: ClaimIndexCore, c: number): string[] {
  let t = index.claimantTokens[c];
  if (t === undefined) {
    const raw = index.src.claimants[c];
    t = raw ? claimantTokens(raw) : [];
    index.claimantTokens[c] = t;
  }
  return t;
}

export function claimantTokens(claimant: string): string[] {
  return foldDiacritics(claimant.toLowerCase())
    .split(/[^a-z0-9]+/)
    .filter((w) => w.length > 2 && !['the', 'and', 'for', 'says', 'jr', 'sr'].includes(w));
}

/**
 * Unique terms per unit with tf, and document frequencies, in one linear pass:
 * `mark[t]` remembers the last unit that saw term t and `slot[t]` where its tf
 * lives. No sorting, no per-unit allocation. Kept in its own small function so
 * V8 optimises the loop (a long function run once stays interpreted).
 */
function uniqueTerms(src: IndexSource, unitSeqStart: Uint32Array, nTerms: number) {
  const nUnits = src.unitClaim.length;
  const seq = src.seq;
  const field = src.unitField;
  const nSeq = seq.length;
  const uStartArr = new Uint32Array(nUnits + 1);
  const uTermAll = new Uint32Array(nSeq);
  const uTfAll = new Uint16Array(nSeq);
  const mark = new Int32Array(nTerms).fill(-1);
  const slot = new Uint32Array(nTerms);
  const df = new Uint32Array(nTerms);
  let lenText = 0;
  let nText = 0;
  let lenTitle = 0;
  let nTitle = 0;
  let n = 0;
  for (let u = 0; u < nUnits; u++) {
    const a = unitSeqStart[u] as number;
    const b = unitSeqStart[u + 1] as number;
    for (let k = a; k < b; k++) {
      const t = seq[k] as number;
      if (t >= nTerms) throw new Error('index payload: term id out of range');
      if (mark[t] !== u) {
        mark[t] = u;
        slot[t] = n;
        uTermAll[n] = t;
        uTfAll[n] = 1;
        df[t] = (df[t] as number) + 1;
        n++;
      } else {
        const sl = slot[t] as number;
        if ((uTfAll[sl] as number) < 65535) uTfAll[sl] = (uTfAll[sl] as number) + 1;
      }
    }
    uStartArr[u + 1] = n;
    if (field[u] === FIELD_TITLE) {
      lenTitle += b - a;
      nTitle++;
    } else {
      lenText += b - a;
      nText++;
    }
  }
  const text = nText ? lenText / nText : 1;
  const avgLen = [text, text, nTitle ? lenTitle / nTitle : 1];
  return { uStartArr, uTermAll, uTfAll, df, n, avgLen };
}

/** Postings filled in unit order (ascending lists), plus each unit's idf sum. */
function postings(
  uStartArr: Uint32Array,
  uTerm: Uint32Array,
  uTf: Uint16Array,
  df: Uint32Array,
  idf: Float32Array,
) {
  const nTerms = df.length;
  const nUnits = uStartArr.length - 1;
  const pStart = new Uint32Array(nTerms + 1);
  for (let t = 0; t < nTerms; t++) pStart[t + 1] = (pStart[t] as number) + (df[t] as number);
  const fill = pStart.slice(0, nTerms);
  const pUnit = new Uint32Array(uTerm.length);
  const pTf = new Uint16Array(uTerm.length);
  const unitIdfSum = new Float32Array(nUnits);
  for (let u = 0; u < nUnits; u++) {
    let s = 0;
    const end = uStartArr[u + 1] as number;
    for (let k = uStartArr[u] as number; k < end; k++) {
      const t = uTerm[k] as number;
      const pos = fill[t] as number;
      pUnit[pos] = u;
      pTf[pos] = uTf[k] as number;
      fill[t] = pos + 1;
      s += idf[t] as number;
    }
    unitIdfSum[u] = s;
  }
  return { pStart, pUnit, pTf, unitIdfSum };
}

export function assembleIndex(src: IndexSource): ClaimIndexCore {
  const size = src.ids.length;
  const nTerms = src.vocab.length;
  const nUnits = src.unitClaim.length;
  if (src.claimants.length !== size || src.dates.length !== size)
    throw new Error('index payload: per-claim arrays disagree in length');
  if (src.unitField.length !== nUnits || src.unitLen.length !== nUnits)
    throw new Error('index payload: per-unit arrays disagree in length');
  if (src.names.length !== nTerms) throw new Error('index payload: names/vocab length mismatch');

  const termId = new Map<string, number>();
  for (let t = 0; t < nTerms; t++) termId.set(src.vocab[t] as string, t);

  const unitSeqStart = new Uint32Array(nUnits + 1);
  for (let u = 0; u < nUnits; u++)
    unitSeqStart[u + 1] = (unitSeqStart[u] ?? 0) + (src.unitLen[u] ?? 0);
  if (unitSeqStart[nUnits] !== src.seq.length)
    throw new Error('index payload: sequence length mismatch');

  const claimUnitStart = new Uint32Array(size + 1);
  for (let u = 0; u < nUnits; u++) {
    const c = src.unitClaim[u] ?? 0;
    if (c >= size) throw new Error('index payload: unit refers to a missing claim');
    if (u > 0 && c < (src.unitClaim[u - 1] ?? 0))
      throw new Error('index payload: units out of order');
    claimUnitStart[c + 1] = u + 1;
  }
  for (let c = 1; c <= size; c++)
    if ((claimUnitStart[c] ?? 0) < (claimUnitStart[c - 1] ?? 0))
      claimUnitStart[c] = claimUnitStart[c - 1] ?? 0;

  const { uStartArr, uTermAll, uTfAll, df, n, avgLen } = uniqueTerms(src, unitSeqStart, nTerms);
  const uTerm = uTermAll.slice(0, n);
  const uTf = uTfAll.slice(0, n);

  // BM25 idf over units of the text kind: ln(1 + (N - df + 0.5) / (df + 0.5)).
  const N = Math.max(1, nUnits);
  const idf = new Float32Array(nTerms);
  const isNumber = new Uint8Array(nTerms);
  const nameScore = new Float32Array(nTerms);
  // Small indexes blend in the background df prior (df-prior.ts); from
  // PRIOR_UNITS units up this is exactly ln(1 + (N - df + 0.5) / (df + 0.5)).
  for (let t = 0; t < nTerms; t++) {
    idf[t] = blendedIdf(df[t] ?? 0, N, src.vocab[t] as string);
    isNumber[t] = (src.vocab[t] as string).startsWith('#') ? 1 : 0;
    nameScore[t] = (src.names[t] ?? 0) / 255;
  }

  const { pStart, pUnit, pTf, unitIdfSum } = postings(uStartArr, uTerm, uTf, df, idf);

  const days = new Float64Array(size);
  const priority = new Float32Array(size);
  for (let c = 0; c < size; c++) days[c] = dayNumber(src.dates[c]);
  for (const [c, p] of Object.entries(src.priority)) priority[Number(c)] = p;

  return {
    size,
    src,
    termId,
    idf,
    idfUnits: N + priorUnits(N),
    nameScore,
    isNumber,
    days,
    priority,
    claimantTokens: new Array<string[] | undefined>(size),
    claimUnitStart,
    unitSeqStart,
    uStart: uStartArr,
    uTerm,
    uTf,
    unitIdfSum,
    pStart,
    pUnit,
    pTf,
    avgLen,
    acc: new Float32Array(nUnits),
    accClaim: new Float32Array(size),
  };
}
