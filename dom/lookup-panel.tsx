import { render } from 'preact';
import { LookupPanel } from '../components/LookupPanel';
import type { LookupHit } from '../lib/selection-lookup';
import { verdictVariables } from '../lib/palette';
import { CARD_WIDTH } from './overlay-view';

/**
 * The panel "Check with Factmark" opens by the selection: its own element on <html> (outside
 * <body>, so it is never read as page text) with an open shadow root, there only while it is
 * shown. `close` is its inverse; Escape, its close button or a click outside close it.
 */
export const LOOKUP_TAG = 'factmark-lookup';

const HOST_STYLE =
  'all:initial;position:absolute;top:0;left:0;width:0;height:0;overflow:visible;z-index:2147483647;display:block;';

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
    // By the selection (below it), else at the top of the viewport; inside the viewport.
    const sel = doc.getSelection();
    const r = sel && sel.rangeCount > 0 ? sel.getRangeAt(0).getBoundingClientRect() : null;
    const vw = doc.documentElement.clientWidth;
    const width = Math.max(200, Math.min(CARD_WIDTH, vw - 16));
    const x = r && r.width > 0 ? r.left : vw - width - 8;
    const y = r && r.height > 0 ? r.bottom + 6 : 8;
    const style2 = {
      left: `${win.scrollX + Math.max(8, Math.min(x, vw - width - 8))}px`,
      top: `${win.scrollY + Math.min(y, win.innerHeight * 0.5)}px`,
      width: `${width}px`,
    };
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
