/**
 * The one place Factmark decides whether a Range is on the page and in what order two Ranges
 * come. `Range.compareBoundaryPoints` and `comparePoint` throw ("The source range is in a
 * different document than this range") when the two are not in the same tree: a Range built
 * over text the page detached meanwhile (a framework re-rendering: the tree is the detached
 * subtree), text in a shadow root (the tree is the shadow root), or another document (a
 * frame, a node adopted elsewhere). So a mark's Range is made only over text that is in our
 * document now (`livePoints`), checked again before it is compared or painted (`isLive`), and
 * compared only through `compareRanges`, which never throws.
 */

/** Whether a node is in `doc` now (in its tree or in an open or closed shadow root of it). */
export function inDocument(node: Node, doc: Document): boolean {
  return node.isConnected && node.ownerDocument === doc;
}

/** Whether a mark's Range still covers text of `doc`: not collapsed, both ends in it. */
export function isLive(r: Range, doc: Document): boolean {
  return (
    !r.collapsed &&
    inDocument(r.startContainer, doc) &&
    inDocument(r.endContainer, doc) &&
    r.startContainer.getRootNode() === r.endContainer.getRootNode()
  );
}

/**
 * A Range from `a` to `b`, or null unless both points are in `doc` now, in the same tree, in
 * order, and the Range is not empty. (Range.setEnd collapses a Range silently when the end is
 * in another tree; checking first says why.)
 */
export function liveRange(
  doc: Document,
  a: { node: Node; offset: number },
  b: { node: Node; offset: number },
): Range | null {
  if (!inDocument(a.node, doc) || !inDocument(b.node, doc)) return null;
  if (a.node.getRootNode() !== b.node.getRootNode()) return null;
  const range = doc.createRange();
  range.setStart(a.node, a.offset);
  range.setEnd(b.node, b.offset);
  return isLive(range, doc) ? range : null;
}

interface Point {
  root: Node;
  node: Node;
  offset: number;
}

/** The point and, for each shadow root it is in, its host's start: innermost first. */
function chainOf(node: Node, offset: number): Point[] {
  const chain: Point[] = [];
  let n: Node = node;
  let o = offset;
  for (;;) {
    const root = n.getRootNode();
    chain.push({ root, node: n, offset: o });
    const host = (root as ShadowRoot).host as Element | undefined;
    if (root.nodeType !== 11 || !host) return chain;
    n = host;
    o = 0;
  }
}

/** -1, 0 or 1 as point p is before, at or after point q; both in the same tree. */
function comparePointsIn(p: Point, q: Point): number {
  const doc = p.node.ownerDocument ?? (p.node as Document);
  try {
    const probe = doc.createRange();
    probe.setStart(p.node, p.offset);
    return -probe.comparePoint(q.node, q.offset);
  } catch {
    // An offset past a node's end (it cannot be, for live Ranges): no order rather than a throw.
    return 0;
  }
}

/**
 * Document order of two boundary points, across shadow roots (a point in a shadow tree sits
 * at its host's start); never throws. A point not in a document (detached) sorts after every
 * point in one; two points in different documents or detached trees compare equal.
 */
export function comparePoints(an: Node, ao: number, bn: Node, bo: number): number {
  const a = chainOf(an, ao).reverse();
  const b = chainOf(bn, bo).reverse();
  const aTop = (a[0] as Point).root;
  const bTop = (b[0] as Point).root;
  if (aTop !== bTop) {
    const aIn = aTop.nodeType === 9;
    const bIn = bTop.nodeType === 9;
    return aIn === bIn ? 0 : aIn ? -1 : 1;
  }
  for (let i = 0; i < Math.min(a.length, b.length); i++) {
    const p = a[i] as Point;
    const q = b[i] as Point;
    if (p.root !== q.root) return 0;
    const c = comparePointsIn(p, q);
    if (c !== 0) return c;
  }
  return 0;
}

/** Document order of two Ranges' starts (compareRanges for sorting marks); never throws. */
export function compareRanges(a: Range, b: Range): number {
  return comparePoints(a.startContainer, a.startOffset, b.startContainer, b.startOffset);
}

/** Whether `node` is `block` or inside it, shadow roots included (Node.contains stops at them). */
export function containsComposed(block: Node, node: Node): boolean {
  for (let n: Node | null = node; n;) {
    if (block.contains(n)) return true;
    const root = n.getRootNode();
    n = root.nodeType === 11 ? ((root as ShadowRoot).host ?? null) : null;
  }
  return false;
}
