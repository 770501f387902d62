import type { Verdict } from '../lib/types';
import { VERDICTS } from '../lib/types';
import { VERDICT_COLORS } from '../lib/palette';

/**
 * Paints marks with the CSS Custom Highlight API: the page's nodes are never touched
 * (DESIGN.md, "Leave the page's DOM alone"). The only change to the document is one
 * adopted style sheet, removed again by `destroy`. A `::highlight()` rule of the document
 * does not reach into shadow trees, so the same sheet is adopted by each of the page's shadow
 * roots that holds a mark (and let go of when its host leaves the page, or at `destroy`).
 *
 * Without the Highlight API (older browsers) marks are not painted in the text; the
 * overlay's markers still show them.
 */
const ACTIVE = 'factmark-active';

export function highlightName(verdict: Verdict): string {
  return `factmark-${verdict}`;
}

function highlightCss(): string {
  const rules = VERDICTS.map((v) => {
    const c = VERDICT_COLORS[v];
    return `::highlight(${highlightName(v)}){text-decoration:underline 2px ${c.light};text-underline-offset:3px;text-decoration-skip-ink:none}`;
  });
  const dark = VERDICTS.map(
    (v) => `::highlight(${highlightName(v)}){text-decoration-color:${VERDICT_COLORS[v].dark}}`,
  );
  return [
    ...rules,
    `::highlight(${ACTIVE}){background-color:rgba(255,213,79,.35)}`,
    `@media (prefers-color-scheme: dark){${dark.join('')}::highlight(${ACTIVE}){background-color:rgba(255,213,79,.25)}}`,
  ].join('\n');
}

export function highlightSupported(win: Window & typeof globalThis): boolean {
  return typeof win.Highlight === 'function' && typeof win.CSS?.highlights === 'object';
}

export class Painter {
  private readonly highlights = new Map<Verdict, Highlight>();
  private active: Highlight | null = null;
  private sheet: CSSStyleSheet | null = null;
  /** The page's shadow roots our sheet was added to. */
  private readonly roots = new Set<ShadowRoot>();
  private readonly supported: boolean;

  constructor(private readonly doc: Document) {
    const win = doc.defaultView as (Window & typeof globalThis) | null;
    this.supported = !!win && highlightSupported(win);
    if (!this.supported || !win) return;
    for (const v of VERDICTS) {
      const h = new win.Highlight();
      this.highlights.set(v, h);
      win.CSS.highlights.set(highlightName(v), h);
    }
    this.active = new win.Highlight();
    this.active.priority = 1;
    win.CSS.highlights.set(ACTIVE, this.active);
    this.sheet = new win.CSSStyleSheet();
    this.sheet.replaceSync(highlightCss());
    doc.adoptedStyleSheets = [...doc.adoptedStyleSheets, this.sheet];
  }

  add(range: Range, verdict: Verdict): void {
    const h = this.highlights.get(verdict);
    if (!h) return;
    h.add(range);
    const root = range.startContainer.getRootNode();
    if (root.nodeType === 11) this.adoptIn(root as ShadowRoot);
  }

  /** Adds the sheet to a shadow root holding a mark (once; again if the page replaced it). */
  private adoptIn(root: ShadowRoot): void {
    const sheet = this.sheet;
    if (!sheet || root.adoptedStyleSheets.includes(sheet)) return;
    // Roots whose hosts left the page hold no mark now: let them go (their marks are gone).
    for (const r of this.roots) if (!r.host.isConnected) this.unadopt(r);
    root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
    this.roots.add(root);
  }

  private unadopt(root: ShadowRoot): void {
    const sheet = this.sheet;
    this.roots.delete(root);
    if (sheet) root.adoptedStyleSheets = root.adoptedStyleSheets.filter((s) => s !== sheet);
  }

  remove(range: Range, verdict: Verdict): void {
    this.highlights.get(verdict)?.delete(range);
    this.active?.delete(range);
    // A mark whose host left the page: its shadow root is let go with it.
    const root = range.startContainer.getRootNode() as ShadowRoot;
    if (this.roots.has(root) && !root.host.isConnected) this.unadopt(root);
  }

  /** Tints the mark whose card is open (or none). */
  setActive(range: Range | null): void {
    if (!this.active) return;
    this.active.clear();
    if (range) this.active.add(range);
  }

  clear(): void {
    for (const h of this.highlights.values()) h.clear();
    this.active?.clear();
  }

  /** The named inverse of the constructor: the document is as it was. */
  destroy(): void {
    this.clear();
    const win = this.doc.defaultView as (Window & typeof globalThis) | null;
    if (win && this.supported) {
      for (const v of VERDICTS) win.CSS.highlights.delete(highlightName(v));
      win.CSS.highlights.delete(ACTIVE);
    }
    for (const r of this.roots) this.unadopt(r);
    if (this.sheet) {
      const sheet = this.sheet;
      this.doc.adoptedStyleSheets = this.doc.adoptedStyleSheets.filter((s) => s !== sheet);
      this.sheet = null;
    }
  }
}
