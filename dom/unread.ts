import { composedParent } from './walk-text';

/**
 * What is never read as article text: elements the markup rules out (with their subtree) and
 * text CSS hides from the reader. Asks the page only; changes nothing.
 */

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

export function shouldSkipElement(el: Element, exclude?: (el: Element) => boolean): boolean {
  return skippedByMarkup(el, exclude) || hiddenByCss(el);
}

/** What the markup alone says: never article text (tag, `hidden`, editors, our own). */
export function skippedByMarkup(el: Element, exclude?: (el: Element) => boolean): boolean {
  const tag = el.tagName.toUpperCase();
  if (SKIP_TAGS.has(tag)) return true;
  if (el.hasAttribute('hidden')) return true;
  if (el.getAttribute('aria-hidden') === 'true') return true;
  // The attribute, not isContentEditable: that would make the browser compute style.
  const ce = el.getAttribute('contenteditable');
  if (ce !== null && ce !== 'false') return true;
  return exclude?.(el) ?? false;
}

/**
 * Text the reader cannot see is never read: `display: none`, `visibility: hidden` (and
 * `content-visibility: hidden`), asked of the browser. `checkVisibility` already answers for
 * the element's ancestors (no box inside a `display: none` one; visibility is inherited, so
 * a `visibility: visible` child of a hidden parent shows), so the reader asks it of the
 * elements that hold text only. An element with `display: contents` has no box of its own
 * but shows its children: it is as visible as its parent. Where the DOM computes no style
 * (happy-dom in the tools and tests) nothing is hidden by CSS.
 */
export function hiddenByCss(el: Element): boolean {
  const check = (el as Element & { checkVisibility?: (o?: object) => boolean }).checkVisibility;
  if (typeof check !== 'function') return false;
  if (check.call(el, { visibilityProperty: true, contentVisibilityAuto: false })) return false;
  const view = el.ownerDocument.defaultView;
  if (view?.getComputedStyle(el).display !== 'contents') return true;
  const up = composedParent(el);
  return up ? hiddenByCss(up) : false;
}
