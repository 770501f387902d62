import type { Verdict } from '../lib/types';
import { VERDICTS } from '../lib/types';
import { VERDICT_COLORS } from '../lib/palette';

/**
 * Paints marks with the CSS Custom Highlight API: the page's nodes are never touched
 * (DESIGN.md, "Leave the page's DOM alone"). The only change to the document is one
 * adopted style sheet, removed again by `destroy`.
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
    this.highlights.get(verdict)?.add(range);
  }

  remove(range: Range, verdict: Verdict): void {
    this.highlights.get(verdict)?.delete(range);
    this.active?.delete(range);
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
    if (this.sheet) {
      const sheet = this.sheet;
      this.doc.adoptedStyleSheets = this.doc.adoptedStyleSheets.filter((s) => s !== sheet);
      this.sheet = null;
    }
  }
}
