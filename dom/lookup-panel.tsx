import { render } from 'preact';
import { LookupPanel } from '../components/LookupPanel';
import type { LookupHit } from '../lib/selection-lookup';
import { verdictVariables } from '../lib/palette';
import { CARD_WIDTH, cardStyle } from './overlay-view';
import { HOST_STYLE } from './overlay-host';

/**
 * The panel "Check with Factmark" opens by the selection: its own element on <html> (outside
 * <body>, so it is never read as page text) with an open shadow root, there only while it is
 * shown. `close` is its inverse; Escape, its close button or a click outside close it.
 */
export const LOOKUP_TAG = 'factmark-lookup';

export class LookupView {
  private host: HTMLElement | null = null;
  private readonly onDown = (e: MouseEvent) => {
    if (this.host && e.target !== this.host) this.close();
  };

  constructor(
    private readonly doc: Document,
    private readonly css: string,
  ) {}

  show(text: string, hits: LookupHit[]): void {
    this.close();
    const doc = this.doc;
    const win = doc.defaultView as Window;
    const host = doc.createElement(LOOKUP_TAG);
    host.setAttribute('style', HOST_STYLE);
    const root = host.attachShadow({ mode: 'open' });
    const style = doc.createElement('style');
    style.textContent = `${verdictVariables('.fm-layer', '--fm-')}\n${this.css}`;
    const layer = doc.createElement('div');
    layer.className = 'fm-layer';
    root.append(style, layer);
    doc.documentElement.appendChild(host);
    this.host = host;
    // Placed as a card is, by the selection (below, or above it when there is more room
    // there), else at the top right of the viewport.
    const sel = doc.getSelection();
    const range = sel && sel.rangeCount > 0 ? sel.getRangeAt(0) : null;
    const vw = doc.documentElement.clientWidth;
    const view = { sx: win.scrollX, sy: win.scrollY, vw, vh: win.innerHeight };
    const rects = Array.from(range?.getClientRects() ?? [])
      .filter((r) => r.width > 0 && r.height > 0)
      .map((r) => new DOMRect(r.x + view.sx, r.y + view.sy, r.width, r.height));
    const top = new DOMRect(view.sx + vw - CARD_WIDTH - 8, view.sy + 2, CARD_WIDTH, 0);
    const style2 = cardStyle(rects.length > 0 ? rects : [top], view) ?? {};
    render(
      <LookupPanel text={text} hits={hits} style={style2} onClose={() => this.close(true)} />,
      layer,
    );
    doc.addEventListener('mousedown', this.onDown, true);
  }

  get shown(): boolean {
    return this.host !== null;
  }

  /** Removes the panel; `refocus`: give focus back to the page. */
  close(refocus = false): void {
    if (!this.host) return;
    this.doc.removeEventListener('mousedown', this.onDown, true);
    const layer = this.host.shadowRoot?.querySelector('.fm-layer');
    if (layer) render(null, layer);
    this.host.remove();
    this.host = null;
    if (refocus) this.doc.body?.focus?.();
  }
}
