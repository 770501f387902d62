/**
 * A diagonal adapter on the USE cosine, trained on train pairs only: a
 * weight per dimension, score = Σ_d w_d·q_d·c_d (w = τ·1 is the plain cosine
 * at temperature τ). Fitted by a listwise softmax loss over each query's
 * candidates (Adam, full batch), with L2 pulling every w_d toward the mean
 * weight, so the adapter can only re-weight dimensions, not overfit freely.
 */

export interface AdapterQuery {
  /** Per candidate the elementwise product q∘c (dim values). */
  pairs: Float32Array[];
  /** Per candidate: relevant? */
  rel: boolean[];
}

export function fitAdapter(
  queries: readonly AdapterQuery[],
  dim: number,
  opts: { steps?: number; lr?: number; l2?: number; tau?: number } = {},
): Float32Array {
  const { steps = 40, lr = 0.5, l2 = 0.05, tau = 20 } = opts;
  const w = new Float32Array(dim).fill(tau);
  const m = new Float32Array(dim);
  const v = new Float32Array(dim);
  const used = queries.filter((q) => q.rel.some(Boolean) && q.rel.some((r) => !r));
  for (let t = 1; t <= steps; t++) {
    const g = new Float64Array(dim);
    for (const q of used) {
      const s = new Float64Array(q.pairs.length);
      let max = -Infinity;
      q.pairs.forEach((p, k) => {
        let acc = 0;
        for (let d = 0; d < dim; d++) acc += (p[d] as number) * (w[d] as number);
        s[k] = acc;
        if (acc > max) max = acc;
      });
      let z = 0;
      for (let k = 0; k < s.length; k++) z += s[k] = Math.exp((s[k] as number) - max);
      const nRel = q.rel.filter(Boolean).length;
      q.pairs.forEach((p, k) => {
        const coef = (s[k] as number) / z - (q.rel[k] ? 1 / nRel : 0);
        for (let d = 0; d < dim; d++) g[d]! += coef * (p[d] as number);
      });
    }
    const mean = w.reduce((a, b) => a + b, 0) / dim;
    for (let d = 0; d < dim; d++) {
      const gd = (g[d] as number) / used.length + l2 * ((w[d] as number) - mean);
      m[d] = 0.9 * (m[d] as number) + 0.1 * gd;
      v[d] = 0.999 * (v[d] as number) + 0.001 * gd * gd;
      const mh = (m[d] as number) / (1 - 0.9 ** t);
      const vh = (v[d] as number) / (1 - 0.999 ** t);
      w[d]! -= (lr * mh) / (Math.sqrt(vh) + 1e-8);
    }
  }
  return w;
}

export function adapted(w: Float32Array, pair: Float32Array): number {
  let acc = 0;
  for (let d = 0; d < pair.length; d++) acc += (pair[d] as number) * (w[d] as number);
  return acc;
}
