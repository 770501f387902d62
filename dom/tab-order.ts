import type { Mark } from './marks';
import type { Overlay } from './overlay';
import { comparePoints, containsComposed } from './live-range';
import { isHost } from './overlay-host';
import { openShadowRoots } from './walk-text';

/**
 * Tab in reading order: the markers live in the overlay host at the end of the document, so
 * left alone the browser would reach them after every link of the page. Tab (and Shift+Tab)
 * from a page element goes to the next marker if it comes before the page's next focusable
 * element (a marker's place is its mark's end, where it is drawn); from a marker, to the
 * next mark or page element, whichever comes first. Markers are not in the browser's own
 * tab order (tabindex -1): this is the one way in, so none is visited twice. Marks and
 * focusable elements inside the page's open shadow roots take their place in that order too.
 */
const TABBABLE = [
  'a[href]',
  'area[href]',
  'button:not([disabled])',
  'input:not([disabled]):not([type="hidden"])',
  'select:not([disabled])',
  'textarea:not([disabled])',
  'iframe',
  'summary',
  '[contenteditable=""]',
  '[contenteditable="true"]',
  '[tabindex]',
].join(',');

type Stop = { mark: Mark } | { el: HTMLElement };

/** Where Tab goes from `from` (a page element, or null: the start or end of the page). */
export function tabStop(
  doc: Document,
  marks: readonly Mark[],
  from: { el: Element } | { mark: Mark } | null,
  back: boolean,
): Stop | null {
  const probe = doc.createRange();
  // The point Tab moves from: before a page element (after it, for its own children's sake,
  // is its first child), or a marker's place.
  if (!from) probe.selectNodeContents(doc.body);
  else if ('el' in from) probe.setStartBefore(from.el);
  else probe.setStart(from.mark.range.endContainer, from.mark.range.endOffset);
  if (!from) probe.collapse(!back);
  else probe.collapse(true);
  // The probe is collapsed: where a point is from it (marks may be in shadow roots: no throw).
  const from_ = (node: Node, offset: number) =>
    -comparePoints(probe.startContainer, probe.startOffset, node, offset);
  const after = (node: Node, offset: number) => from_(node, offset) > 0;
  const fromEl = from && 'el' in from ? from.el : null;
  const fromMark = from && 'mark' in from ? from.mark : null;

  const markAt = (m: Mark) => [m.range.endContainer, m.range.endOffset] as const;
  let mark: Mark | null = null;
  if (back) {
    for (let i = marks.length - 1; i >= 0 && !mark; i--) {
      const m = marks[i] as Mark;
      if (m !== fromMark && from_(...markAt(m)) < 0) mark = m;
    }
  } else {
    for (const m of marks) {
      if (m === fromMark) continue;
      const [n, o] = markAt(m);
      // A mark ending inside the element Tab leaves (a link in the sentence) comes after it.
      if (after(n, o) || (fromEl ? containsComposed(fromEl, n) : false)) {
        mark = m;
        break;
      }
    }
  }
  const el = nearestElement(doc, fromEl, probe, back);
  if (!mark) return el ? { el } : null;
  if (!el) return { mark };
  const elFirst = back
    ? comparePoints(...markAt(mark), el, 0) < 0
    : comparePoints(el, 0, ...markAt(mark)) < 0;
  return elFirst ? { el } : { mark };
}

function nearestElement(
  doc: Document,
  fromEl: Element | null,
  probe: Range,
  back: boolean,
): HTMLElement | null {
  const all = tabbables(doc).filter((e) => e !== fromEl && e.tabIndex >= 0 && visible(e));
  // The probe is before fromEl (or at the page's start or end, or at a marker's place).
  const isAfter = (e: HTMLElement) =>
    fromEl && fromEl.getRootNode() === e.getRootNode()
      ? !!(fromEl.compareDocumentPosition(e) & Node.DOCUMENT_POSITION_FOLLOWING)
      : comparePoints(probe.startContainer, probe.startOffset, e, 0) < 0;
  if (back) {
    for (let i = all.length - 1; i >= 0; i--) {
      const e = all[i] as HTMLElement;
      if (!isAfter(e) && !(fromEl ? containsComposed(fromEl, e) : false)) return e;
    }
    return null;
  }
  return all.find(isAfter) ?? null;
}

/** The page's focusable elements in document order, those in open shadow roots included. */
function tabbables(doc: Document): HTMLElement[] {
  const all = Array.from(doc.querySelectorAll<HTMLElement>(TABBABLE));
  const roots = doc.body ? openShadowRoots(doc.body) : [];
  if (roots.length === 0) return all;
  for (const r of roots) all.push(...Array.from(r.querySelectorAll<HTMLElement>(TABBABLE)));
  return all.sort((a, b) =>
    a.getRootNode() !== b.getRootNode()
      ? comparePoints(a, 0, b, 0)
      : a.compareDocumentPosition(b) & Node.DOCUMENT_POSITION_FOLLOWING
        ? -1
        : 1,
  );
}

function visible(e: HTMLElement): boolean {
  const check = (e as { checkVisibility?: () => boolean }).checkVisibility;
  return check ? check.call(e) : e.getClientRects().length > 0;
}

/**
 * Handles Tab on the page for the overlay's markers (see above). Returns whether it moved
 * focus (the caller then prevents the browser's own move).
 */
export function handleTab(doc: Document, overlay: Overlay, back: boolean): boolean {
  const marks = overlay.marks.filter((m) => overlay.markerEl(m.key));
  if (marks.length === 0) return false;
  let active = doc.activeElement;
  let from: { el: Element } | { mark: Mark } | null;
  if (active && overlay.host.isOurs(active)) {
    const inner = overlay.host.root.activeElement as HTMLElement | null;
    const key = inner?.closest<HTMLElement>('.fm-item')?.querySelector<HTMLElement>('[data-key]')
      ?.dataset.key;
    const mark = marks.find((m) => m.key === key);
    if (!inner || !mark) return false;
    if (!inner.hasAttribute('data-key')) {
      // In the card: the browser moves between its own controls; off its ends, we go on.
      const inCard = Array.from(
        inner.closest('.fm-card')?.querySelectorAll<HTMLElement>('a[href], button') ?? [],
      );
      const edge = back ? inCard[0] : inCard[inCard.length - 1];
      if (inner !== edge) return false;
      if (back) {
        overlay.markerEl(mark.key)?.focus();
        return true;
      }
    }
    from = { mark };
  } else {
    // Focus inside a page's shadow root: the element there, not its host.
    while (active && !isHost(active) && active.shadowRoot?.activeElement)
      active = active.shadowRoot.activeElement;
    from = active && active !== doc.body && active !== doc.documentElement ? { el: active } : null;
  }
  const stop = tabStop(doc, marks, from, back);
  if (!stop) return false;
  if ('el' in stop) {
    if (from && 'el' in from) return false; // page to page: the browser's own order
    stop.el.focus();
    return true;
  }
  overlay.markerEl(stop.mark.key)?.focus();
  return true;
}
