/**
 * Small learners for the semantic eval, fitted inside folds: L2-regularised
 * logistic regression by Newton's method over standardised features, and
 * the ranking metrics (MAP@5 as npm run eval computes it, P@1), and the top k of a score list.
 */

export interface Logistic {
  mean: number[];
  std: number[];
  w: number[];
  b: number;
}

function solve(A: number[][], y: number[]): number[] {
  const n = y.length;
  const M = A.map((row, i) => [...row, y[i] as number]);
  for (let c = 0; c < n; c++) {
    let p = c;
    for (let r = c + 1; r < n; r++) if (Math.abs(M[r]![c]!) > Math.abs(M[p]![c]!)) p = r;
    [M[c], M[p]] = [M[p]!, M[c]!];
    const piv = M[c]![c]! || 1e-12;
    for (let r = 0; r < n; r++) {
      if (r === c) continue;
      const f = M[r]![c]! / piv;
      if (f) for (let k = c; k <= n; k++) M[r]![k]! -= f * M[c]![k]!;
    }
  }
  return M.map((row, i) => row[n]! / (row[i]! || 1e-12));
}

export function fitLogistic(X: number[][], y: number[], l2 = 1, iters = 25): Logistic {
  const d = X[0]?.length ?? 0;
  const mean = Array.from({ length: d }, (_, j) => X.reduce((s, x) => s + x[j]!, 0) / X.length);
  const std = mean.map(
    (m, j) => Math.sqrt(X.reduce((s, x) => s + (x[j]! - m) ** 2, 0) / X.length) || 1,
  );
  const Z = X.map((x) => [...x.map((v, j) => (v - mean[j]!) / std[j]!), 1]);
  let w = new Array<number>(d + 1).fill(0);
  for (let it = 0; it < iters; it++) {
    const g = new Array<number>(d + 1).fill(0);
    const H = Array.from({ length: d + 1 }, () => new Array<number>(d + 1).fill(0));
    Z.forEach((z, i) => {
      const p = 1 / (1 + Math.exp(-z.reduce((s, v, j) => s + v * w[j]!, 0)));
      const r = p - y[i]!;
      const q = p * (1 - p);
      for (let a = 0; a <= d; a++) {
        g[a]! += r * z[a]!;
        for (let b = a; b <= d; b++) H[a]![b]! += q * z[a]! * z[b]!;
      }
    });
    for (let a = 0; a <= d; a++) {
      for (let b = 0; b < a; b++) H[a]![b] = H[b]![a]!;
      if (a < d) {
        g[a]! += l2 * w[a]!;
        H[a]![a]! += l2;
      }
      H[a]![a]! += 1e-9;
    }
    const step = solve(H, g);
    w = w.map((v, j) => v - step[j]!);
    if (Math.max(...step.map(Math.abs)) < 1e-6) break;
  }
  return { mean, std, w: w.slice(0, d), b: w[d]! };
}

export function logit(m: Logistic, x: readonly number[]): number {
  let z = m.b;
  for (let j = 0; j < x.length; j++) z += m.w[j]! * ((x[j]! - m.mean[j]!) / m.std[j]!);
  return z;
}

/** MAP@5 (AP over the top 5, divided by min(|rel|, 5)) and P@1, over queries. */
export function rankFigures(runs: { ranked: readonly string[]; rel: ReadonlySet<string> }[]): {
  map5: number;
  p1: number;
  n: number;
} {
  let map = 0;
  let p1 = 0;
  for (const { ranked, rel } of runs) {
    let hits = 0;
    let ap = 0;
    ranked.slice(0, 5).forEach((c, k) => {
      if (rel.has(c)) ap += ++hits / (k + 1);
    });
    map += rel.size ? ap / Math.min(rel.size, 5) : 0;
    if (ranked[0] !== undefined && rel.has(ranked[0])) p1++;
  }
  const n = Math.max(1, runs.length);
  return { map5: map / n, p1: p1 / n, n: runs.length };
}
