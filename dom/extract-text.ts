import { composedParent, shadowParent, TextWalker } from './walk-text';
import { hiddenByCss, shouldSkipElement, skippedByMarkup } from './unread';

/**
 * Reading: the page's visible article text, as chunks of text nodes (DESIGN.md data flow).
 * Reads the page only; never changes it. Offsets in a chunk map back to nodes and Ranges in
 * dom/text-range.ts.
 */

/** A run of text from one block element, with the text nodes it came from. */
export interface TextChunk {
  text: string;
  nodes: Text[];
  /** starts[i] is the offset of nodes[i] in `text`. */
  starts: number[];
  /**
   * A text node longer than MAX_CHUNK_CHARS is read in pieces, one chunk each: where in
   * nodes[i]'s data this chunk's piece begins (absent: 0 for every node).
   */
  from?: number[];
}

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
/** Pieces of a text node longer than MAX_CHUNK_CHARS: about one match request's sentences. */
const PIECE_CHARS = 8_000;

export interface ExtractOptions {
  /** Elements to leave out with their subtree (e.g. Factmark's own host). */
  exclude?: (el: Element) => boolean;
  /** Told of each open shadow root the reading enters (to observe it). */
  onShadowRoot?: (root: ShadowRoot) => void;
}

/** The node itself when it is a block element, else the block around it. */
export function blockContaining(node: Node): Node {
  if (node.nodeType === 1 && !INLINE_TAGS.has((node as Element).tagName.toUpperCase())) return node;
  return blockOf(node) ?? node;
}

/**
 * The nearest ancestor that is not an inline element: sentences never cross it. At the top of
 * a shadow tree it is the shadow root: no block holds text of two trees.
 */
export function blockOf(node: Node): Node | null {
  let n: Node = node;
  let el = node.parentElement;
  while (el && INLINE_TAGS.has(el.tagName.toUpperCase())) {
    n = el;
    el = el.parentElement;
  }
  return el ?? shadowParent(n);
}

/** What the reader knows about a text node's parent element, cached per element. */
interface ParentInfo {
  /** The markup skips it or an ancestor (inherited down the tree). */
  skip: boolean;
  block: Node | null;
  /** Hidden by CSS: asked only of elements holding text, once (undefined until then). */
  hidden?: boolean;
}

/**
 * Reads `root`'s text in slices, grouping consecutive text nodes of the same block into
 * chunks, so a huge page is read in short tasks.
 *
 * Cost: one pass over the elements and text nodes (dom/walk-text.ts; an element costs one
 * `shadowRoot` look, and a host its reading facts), entering open shadow roots. Whether a
 * text node is skipped, and which block it belongs to, is decided once per parent element and
 * cached, walking up only to the first ancestor already decided; consecutive text nodes
 * usually share a parent, so most nodes cost one Map lookup. The browser is asked whether
 * CSS hides an element once per element holding text (and per shadow host).
 */
export class ChunkReader {
  private readonly walker: TextWalker;
  private readonly info = new Map<Element, ParentInfo>();
  private current: TextChunk | null = null;
  private currentBlock: Node | null = null;
  private currentHasText = false;
  /** A text node too long for one chunk, and where its next piece begins. */
  private long: { node: Text; at: number } | null = null;
  done = false;

  constructor(
    private readonly root: Node,
    private readonly opts: ExtractOptions = {},
  ) {
    // A root inside skipped content (an editor the user types in, a hidden panel, a hidden
    // shadow host) has no text for us, whatever its own tag.
    for (let e = composedParent(root); e; e = composedParent(e)) {
      if (shouldSkipElement(e, opts.exclude)) {
        this.done = true;
        break;
      }
    }
    // Open shadow roots are read where their host is, unless the host is skipped.
    this.walker = new TextWalker(root, (host, shadow) => {
      // A hidden host's shadow text is not read (text at a shadow tree's top has no parent).
      if (this.done || this.unread(host)) return false;
      opts.onShadowRoot?.(shadow);
      return true;
    });
  }

  /** Reads at most `maxNodes` text nodes; returns the chunks completed so far. */
  read(maxNodes = Infinity): TextChunk[] {
    const chunks: TextChunk[] = [];
    if (this.done) return chunks;
    // One piece of a long text node per call, so the caller's slices stay short.
    if (this.long) return this.nextPiece(chunks);
    let n: Node | null = null;
    for (let i = 0; i < maxNodes; i++) {
      n = this.walker.nextNode();
      if (!n) break;
      const t = n as Text;
      const data = t.data;
      if (data.length === 0) continue;
      const parent = t.parentElement;
      const info = parent ? this.infoOf(parent) : null;
      if (parent && info && this.unread(parent, info)) continue;
      // Text at the top of a shadow tree: the shadow root is its block.
      const block = info ? info.block : t.parentNode;
      if (data.length > MAX_CHUNK_CHARS) {
        // A whole book in one text node (or a hostile page): pieces, never one giant chunk.
        if (this.current && this.currentHasText) chunks.push(this.current);
        this.current = null;
        this.currentBlock = null;
        this.long = { node: t, at: 0 };
        return this.nextPiece(chunks);
      }
      let cur = this.current;
      // A <br> right before this text ends the line (and so any sentence) as a block would.
      const afterBreak = t.previousSibling?.nodeName === 'BR';
      if (!cur || block !== this.currentBlock || afterBreak || cur.text.length >= MAX_CHUNK_CHARS) {
        if (cur && this.currentHasText) chunks.push(cur);
        cur = this.current = { text: '', nodes: [], starts: [] };
        this.currentBlock = block;
        this.currentHasText = false;
      }
      cur.nodes.push(t);
      cur.starts.push(cur.text.length);
      cur.text += data;
      if (!this.currentHasText && NON_SPACE.test(data)) this.currentHasText = true;
    }
    if (!n) {
      this.done = true;
      if (this.current && this.currentHasText) chunks.push(this.current);
      this.current = null;
    }
    return chunks;
  }

  /** Appends the next piece of the long text node, cut at white space where there is one. */
  private nextPiece(chunks: TextChunk[]): TextChunk[] {
    const long = this.long as { node: Text; at: number };
    const data = long.node.data;
    const at = long.at;
    let end = Math.min(data.length, at + PIECE_CHARS);
    if (end < data.length) {
      const space = data.lastIndexOf(' ', end - 1);
      if (space > at + PIECE_CHARS / 2) end = space + 1;
    }
    const text = data.slice(at, end);
    if (NON_SPACE.test(text)) chunks.push({ text, nodes: [long.node], starts: [0], from: [at] });
    long.at = end;
    if (end >= data.length) this.long = null;
    return chunks;
  }

  /** Whether `el`'s own text is not read: skipped by the markup, or hidden by CSS (asked once). */
  private unread(el: Element, info = this.infoOf(el)): boolean {
    return info.skip || (info.hidden ??= hiddenByCss(el));
  }

  private infoOf(el: Element): ParentInfo {
    const known = this.info.get(el);
    if (known) return known;
    // Decide from the nearest decided ancestor (or the root) down to `el`.
    const path: Element[] = [];
    let e: Element | null = el;
    let above: ParentInfo | null = null;
    while (e) {
      const k = this.info.get(e);
      if (k) {
        above = k;
        break;
      }
      path.push(e);
      if (e === this.root) break;
      if (!e.parentElement) {
        // The top of a shadow tree (its host was not skipped, or it would not be read).
        const top = shadowParent(e);
        if (top) above = { skip: false, block: top };
      }
      e = e.parentElement;
    }
    for (let i = path.length - 1; i >= 0; i--) {
      const cur = path[i] as Element;
      const skip = (above?.skip ?? false) || skippedByMarkup(cur, this.opts.exclude);
      const block = INLINE_TAGS.has(cur.tagName.toUpperCase()) ? (above?.block ?? null) : cur;
      above = { skip, block };
      this.info.set(cur, above);
    }
    return above as ParentInfo;
  }
}

const NON_SPACE = /\S/;

/** Reads all of `root`'s text at once (tools and tests; the page reads in slices). */
export function extractChunks(root: Node, opts: ExtractOptions = {}): TextChunk[] {
  const reader = new ChunkReader(root, opts);
  const chunks: TextChunk[] = [];
  // read() stops after each piece of a long text node.
  while (!reader.done) chunks.push(...reader.read());
  return chunks;
}
