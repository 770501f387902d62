/**
 * Visible article text with a map back to DOM positions (DESIGN.md data flow).
 * Reads the page only; never changes it.
 */

/** A run of text from one block element, with the text nodes it came from. */
export interface TextChunk {
  text: string;
  nodes: Text[];
  /** starts[i] is the offset of nodes[i] in `text`. */
  starts: number[];
}

/** Elements whose text is never article text. */
const SKIP_TAGS = new Set([
  'SCRIPT',
  'STYLE',
  'NOSCRIPT',
  'TEMPLATE',
  'TEXTAREA',
  'INPUT',
  'SELECT',
  'OPTION',
  'BUTTON',
  'IFRAME',
  'CANVAS',
  'SVG',
  'MATH',
  'HEAD',
  'CODE',
  'PRE',
  'KBD',
  'SAMP',
  'VIDEO',
  'AUDIO',
  'OBJECT',
]);

/** Phrasing elements: text inside them belongs to the surrounding block. */
const INLINE_TAGS = new Set([
  'A',
  'ABBR',
  'B',
  'BDI',
  'BDO',
  'CITE',
  'DATA',
  'DEL',
  'DFN',
  'EM',
  'FONT',
  'I',
  'INS',
  'LABEL',
  'MARK',
  'Q',
  'S',
  'SMALL',
  'SPAN',
  'STRONG',
  'SUB',
  'SUP',
  'TIME',
  'U',
  'VAR',
  'WBR',
  'NOBR',
]);

/** Text of one block is capped so a hostile page cannot make one sentence run forever. */
const MAX_CHUNK_CHARS = 20_000;

export interface ExtractOptions {
  /** Elements to leave out with their subtree (e.g. Factmark's own host). */
  exclude?: (el: Element) => boolean;
}

export function shouldSkipElement(el: Element, exclude?: (el: Element) => boolean): boolean {
  const tag = el.tagName.toUpperCase();
  if (SKIP_TAGS.has(tag)) return true;
  if (el.hasAttribute('hidden')) return true;
  if (el.getAttribute('aria-hidden') === 'true') return true;
  if ((el as HTMLElement).isContentEditable) return true;
  const ce = el.getAttribute('contenteditable');
  if (ce !== null && ce !== 'false') return true;
  return exclude?.(el) ?? false;
}

/** The node itself when it is a block element, else the block around it. */
export function blockContaining(node: Node): Node {
  if (node.nodeType === 1 && !INLINE_TAGS.has((node as Element).tagName.toUpperCase())) return node;
  return blockOf(node) ?? node;
}

/** The nearest ancestor that is not an inline element: sentences never cross it. */
export function blockOf(node: Node): Node | null {
  let el = node.parentElement;
  while (el && INLINE_TAGS.has(el.tagName.toUpperCase())) el = el.parentElement;
  return el;
}

/**
 * Reads `root`'s text in slices, grouping consecutive text nodes of the same block into
 * chunks, so a huge page is read in short tasks. Cost: one pass over the DOM; skipped
 * subtrees are not entered.
 */
export class ChunkReader {
  private readonly walker: TreeWalker;
  private current: TextChunk | null = null;
  private currentBlock: Node | null = null;
  done = false;

  constructor(root: Node, opts: ExtractOptions = {}) {
    const doc = root.ownerDocument ?? (root as Document);
    this.walker = doc.createTreeWalker(root, 0x1 | 0x4 /* SHOW_ELEMENT | SHOW_TEXT */, {
      acceptNode(node) {
        if (node.nodeType === 1) {
          return shouldSkipElement(node as Element, opts.exclude)
            ? 2 /* FILTER_REJECT */
            : 3; /* FILTER_SKIP */
        }
        return 1; /* FILTER_ACCEPT */
      },
    });
  }

  /** Reads at most `maxNodes` text nodes; returns the chunks completed so far. */
  read(maxNodes = Infinity): TextChunk[] {
    const chunks: TextChunk[] = [];
    let n: Node | null = null;
    for (let i = 0; i < maxNodes; i++) {
      n = this.walker.nextNode();
      if (!n) break;
      const t = n as Text;
      const data = t.data;
      if (data.length === 0) continue;
      const block = blockOf(t);
      let cur = this.current;
      if (!cur || block !== this.currentBlock || cur.text.length >= MAX_CHUNK_CHARS) {
        if (cur && /\S/.test(cur.text)) chunks.push(cur);
        cur = this.current = { text: '', nodes: [], starts: [] };
        this.currentBlock = block;
      }
      cur.nodes.push(t);
      cur.starts.push(cur.text.length);
      cur.text += data;
    }
    if (!n) {
      this.done = true;
      if (this.current && /\S/.test(this.current.text)) chunks.push(this.current);
      this.current = null;
    }
    return chunks;
  }
}

/** Reads all of `root`'s text at once (tools and tests; the page reads in slices). */
export function extractChunks(root: Node, opts: ExtractOptions = {}): TextChunk[] {
  return new ChunkReader(root, opts).read();
}

/** Maps an offset in chunk.text to a (node, offset) position. */
export function positionAt(chunk: TextChunk, offset: number): { node: Text; offset: number } {
  const { starts, nodes } = chunk;
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if ((starts[mid] as number) <= offset) lo = mid;
    else hi = mid - 1;
  }
  const node = nodes[lo] as Text;
  return { node, offset: Math.min(offset - (starts[lo] as number), node.data.length) };
}

/** A DOM Range over chunk.text[start, end). */
export function rangeFor(chunk: TextChunk, start: number, end: number): Range {
  const a = positionAt(chunk, start);
  const b = positionAt(chunk, end);
  const range = a.node.ownerDocument.createRange();
  range.setStart(a.node, a.offset);
  range.setEnd(b.node, b.offset);
  return range;
}
