/**
 * The text nodes of a subtree in document order, open shadow roots included (README "Pages
 * Factmark handles"): a host's shadow tree is read at the host's place, before the host's own
 * (light DOM) children, which follow as they are in the document. Closed shadow roots are
 * not read (`shadowRoot` is null for them). Reads only.
 */

/** Decides whether the walk enters this host's shadow root (and is told it did). */
export type EnterShadow = (host: Element, root: ShadowRoot) => boolean;

const SHOW_ELEMENT_AND_TEXT = 0x1 | 0x4;

export class TextWalker {
  /** One TreeWalker per tree being walked: the innermost shadow tree last. */
  private readonly stack: TreeWalker[] = [];
  private readonly doc: Document;

  constructor(
    root: Node,
    private readonly enter: EnterShadow,
  ) {
    this.doc = root.ownerDocument ?? (root as Document);
    this.stack.push(this.walkerOf(root));
    // A host read on its own (a changed block): its shadow tree comes first.
    if (root.nodeType === 1) this.tryEnter(root as Element);
  }

  /** The next text node, or null at the end. */
  nextNode(): Text | null {
    for (;;) {
      const walker = this.stack[this.stack.length - 1];
      if (!walker) return null;
      const n = walker.nextNode();
      if (!n) this.stack.pop();
      else if (n.nodeType === 3) return n as Text;
      else this.tryEnter(n as Element);
    }
  }

  private tryEnter(el: Element): void {
    const root = el.shadowRoot;
    if (root && this.enter(el, root)) this.stack.push(this.walkerOf(root));
  }

  private walkerOf(root: Node): TreeWalker {
    return this.doc.createTreeWalker(root, SHOW_ELEMENT_AND_TEXT);
  }
}

/** The parent element, or for the top of a shadow tree its host (the composed tree's parent). */
export function composedParent(node: Node): Element | null {
  if (node.parentElement) return node.parentElement;
  const p = node.nodeType === 11 ? node : node.parentNode;
  return p?.nodeType === 11 ? ((p as ShadowRoot).host ?? null) : null;
}

/** The shadow root `node` sits at the top of (its parent), if any. */
export function shadowParent(node: Node): ShadowRoot | null {
  const p = node.parentNode;
  return p?.nodeType === 11 && (p as ShadowRoot).host ? (p as ShadowRoot) : null;
}

/** Every open shadow root in `root`'s subtree, nested ones too (the Tab order's stops). */
export function openShadowRoots(root: Node): ShadowRoot[] {
  const out: ShadowRoot[] = [];
  const doc = root.ownerDocument ?? (root as Document);
  const todo: Node[] = [root];
  for (let r = todo.pop(); r; r = todo.pop()) {
    const walker = doc.createTreeWalker(r, 0x1 /* SHOW_ELEMENT */);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const shadow = (n as Element).shadowRoot;
      if (!shadow) continue;
      out.push(shadow);
      todo.push(shadow);
    }
  }
  return out;
}
