import { verdictVariables } from '../lib/palette';

/**
 * The overlay's host: one element with an open shadow root, attached to <html> (not <body>,
 * so `document.body.textContent` stays the page's own), holding the overlay's style and the
 * layer its markers and card render into. `remove` is its named inverse.
 */
export const HOST_TAG = 'factmark-overlay';

/**
 * Inline and `!important`: wins over every page stylesheet rule for the host itself, even
 * `* { all: unset !important }` or `* { position: relative !important }` (an important inline
 * declaration beats an important one from a sheet). contain: our markers and card never make
 * the page lay itself out again.
 */
export const HOST_STYLE = important([
  'all:initial',
  'position:absolute',
  'top:0',
  'left:0',
  'width:0',
  'height:0',
  'overflow:visible',
  'z-index:2147483647',
  'display:block',
  'contain:layout style',
]);

/** An inline style of these declarations, each `!important` (our hosts' styles: see above). */
export function important(declarations: readonly string[]): string {
  return declarations.map((d) => `${d} !important;`).join('');
}

export class OverlayHost {
  readonly host: HTMLElement;
  readonly root: ShadowRoot;
  /** Where the markers and the card are rendered. */
  readonly layer: HTMLElement;

  constructor(doc: Document, css: string) {
    this.host = doc.createElement(HOST_TAG);
    this.host.setAttribute('style', HOST_STYLE);
    this.root = this.host.attachShadow({ mode: 'open' });
    const style = doc.createElement('style');
    style.textContent = `${verdictVariables('.fm-layer', '--fm-')}\n${css}`;
    this.root.appendChild(style);
    this.layer = doc.createElement('div');
    this.layer.className = 'fm-layer';
    this.root.appendChild(this.layer);
    doc.documentElement.appendChild(this.host);
    // A page's `html { zoom: 2 }` would zoom our layer too, and our positions (from client
    // rects, already zoomed) twice: undo it on the host (read once, when the host is made).
    const zoom = (this.host as { currentCSSZoom?: number }).currentCSSZoom ?? 1;
    if (zoom > 0 && zoom !== 1) this.host.style.setProperty('zoom', String(1 / zoom), 'important');
  }

  /** Whether an event target is ours (events from inside the shadow root are retargeted to the host). */
  isOurs(target: EventTarget | null): boolean {
    return target === this.host;
  }

  get connected(): boolean {
    return this.host.isConnected;
  }

  remove(): void {
    this.host.remove();
  }
}

/**
 * Whether an element is one of Factmark's hosts (reading skips it with its subtree): the
 * overlay, the live region (dom/announcer.ts) and the lookup panel, all `factmark-*`.
 */
export function isHost(el: Element): boolean {
  return el.tagName.toLowerCase().startsWith('factmark-');
}
