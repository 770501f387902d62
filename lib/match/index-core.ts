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
 * Memory for ~40k claims: ~1M sequence ints, ~0.8M postings: a few MB of typed
 * arrays, no per-claim objects.
 */
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
  readonly nameScore: Float32Array;
  readonly isNumber: Uint8Array;
  readonly days: Float64Array;
  readonly priority: Float32Array;
  /** Claimant surnames/tokens for speaker matching. */
  readonly claimantTokens: string[][];
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
  /** Sorted bigram keys per unit: bStart/bKey. */
  readonly bStart: Uint32Array;
  readonly bKey: Float64Array;
  /** Scratch accumulators reused by every query (one query at a time). */
  readonly acc: Float32Array;
  readonly accClaim: Float32Array;
}

/** Key of the ordered pair of adjacent content terms (a, b). */
export function bigramKey(a: number, b: number): number {
  return a * 4194304 + b; // 2^22 terms max; exact in a double
}

export function dayNumber(iso: string | undefined): number {
  if (!iso) return NaN;
  const m = /^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?/.exec(iso);
  if (!m) return NaN;
  return Date.UTC(Number(m[1]), Number(m[2] ?? '7') - 1, Number(m[3] ?? '1')) / 864e5;
}

export function claimantTokens(claimant: string): string[] {
  return claimant
    .toLowerCase()
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .split(/[^a-z0-9]+/)
    .filter((w) => w.length > 2 && !['the', 'and', 'for', 'says', 'jr', 'sr'].includes(w));
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

  // Unique terms per unit (sorting each short unit is cheap) and document frequencies.
  const uStartArr = new Uint32Array(nUnits + 1);
  const uTermList: number[] = [];
  const uTfList: number[] = [];
  const df = new Uint32Array(nTerms);
  const lenSum = [0, 0, 0];
  const lenCount = [0, 0, 0];
  const bStart = new Uint32Array(nUnits + 1);
  const bKeys: number[] = [];
  const scratch: number[] = [];
  for (let u = 0; u < nUnits; u++) {
    const a = unitSeqStart[u] ?? 0;
    const b = unitSeqStart[u + 1] ?? 0;
    scratch.length = 0;
    for (let k = a; k < b; k++) {
      const t = src.seq[k] ?? 0;
      if (t >= nTerms) throw new Error('index payload: term id out of range');
      scratch.push(t);
    }
    scratch.sort((x, y) => x - y);
    for (let k = 0; k < scratch.length;) {
      const t = scratch[k] as number;
      let e = k;
      while (e < scratch.length && scratch[e] === t) e++;
      uTermList.push(t);
      uTfList.push(e - k);
      df[t] = (df[t] ?? 0) + 1;
      k = e;
    }
    uStartArr[u + 1] = uTermList.length;
    const f = src.unitField[u] === FIELD_TITLE ? 2 : 0;
    lenSum[f] = (lenSum[f] ?? 0) + (b - a);
    lenCount[f] = (lenCount[f] ?? 0) + 1;
    const keys: number[] = [];
    for (let k = a + 1; k < b; k++) keys.push(bigramKey(src.seq[k - 1] ?? 0, src.seq[k] ?? 0));
    keys.sort((x, y) => x - y);
    for (let k = 0; k < keys.length; k++)
      if (k === 0 || keys[k] !== keys[k - 1]) bKeys.push(keys[k] as number);
    bStart[u + 1] = bKeys.length;
  }
  const avgLen = [0, 0, 0].map((_, f) =>
    (lenCount[f] ?? 0) > 0 ? (lenSum[f] ?? 0) / (lenCount[f] ?? 1) : 1,
  );
  avgLen[1] = avgLen[0] ?? 1;

  // BM25 idf over units of the text kind: ln(1 + (N - df + 0.5) / (df + 0.5)).
  const N = Math.max(1, nUnits);
  const idf = new Float32Array(nTerms);
  const isNumber = new Uint8Array(nTerms);
  const nameScore = new Float32Array(nTerms);
  for (let t = 0; t < nTerms; t++) {
    const d = df[t] ?? 0;
    idf[t] = Math.log(1 + (N - d + 0.5) / (d + 0.5));
    isNumber[t] = (src.vocab[t] as string).startsWith('#') ? 1 : 0;
    nameScore[t] = (src.names[t] ?? 0) / 255;
  }

  // Postings, filled in unit order so each list is ascending.
  const pStart = new Uint32Array(nTerms + 1);
  for (let t = 0; t < nTerms; t++) pStart[t + 1] = (pStart[t] ?? 0) + (df[t] ?? 0);
  const fill = pStart.slice(0, nTerms);
  const pUnit = new Uint32Array(uTermList.length);
  const pTf = new Uint16Array(uTermList.length);
  const unitIdfSum = new Float32Array(nUnits);
  for (let u = 0; u < nUnits; u++) {
    let s = 0;
    for (let k = uStartArr[u] ?? 0; k < (uStartArr[u + 1] ?? 0); k++) {
      const t = uTermList[k] as number;
      const pos = fill[t] ?? 0;
      pUnit[pos] = u;
      pTf[pos] = Math.min(65535, uTfList[k] ?? 1);
      fill[t] = pos + 1;
      s += idf[t] ?? 0;
    }
    unitIdfSum[u] = s;
  }

  const days = new Float64Array(size);
  const priority = new Float32Array(size);
  const cTokens: string[][] = [];
  for (let c = 0; c < size; c++) {
    days[c] = dayNumber(src.dates[c]);
    priority[c] = src.priority[c] ?? 0;
    cTokens.push(src.claimants[c] ? claimantTokens(src.claimants[c] as string) : []);
  }

  return {
    size,
    src,
    termId,
    idf,
    nameScore,
    isNumber,
    days,
    priority,
    claimantTokens: cTokens,
    claimUnitStart,
    unitSeqStart,
    uStart: uStartArr,
    uTerm: Uint32Array.from(uTermList),
    uTf: Uint16Array.from(uTfList),
    unitIdfSum,
    pStart,
    pUnit,
    pTf,
    avgLen,
    bStart,
    bKey: Float64Array.from(bKeys),
    acc: new Float32Array(nUnits),
    accClaim: new Float32Array(size),
  };
}
