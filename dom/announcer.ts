import { important } from './overlay-host';
/**
 * One polite live region for screen readers ("Fact checks on this page: 6", the effect of a
 * setting change), in its own element on <html> (outside <body>: never read as page text),
 * created with the first announcement. `destroy` is its inverse.
 */
export const LIVE_TAG = 'factmark-live';

// Important, so that no page rule (`* { all: unset !important }`) shows it (overlay-host.ts).
const HIDDEN = important([
  'all:initial',
  'position:absolute',
  'width:1px',
  'height:1px',
  'overflow:hidden',
  'clip:rect(0 0 0 0)',
  'clip-path:inset(50%)',
  'white-space:nowrap',
]);

export class Announcer {
  private host: HTMLElement | null = null;
  private region: HTMLElement | null = null;
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(private readonly doc: Document) {}

  /** Says `text` once (a repeat of the last words is said again: the text is reset first). */
  say(text: string): void {
    const region = this.ensure();
    clearTimeout(this.timer);
    region.textContent = '';
    // A region must be in the page before its text changes for it to be read out.
    this.timer = setTimeout(() => {
      region.textContent = text;
    }, 150);
  }

  /** What was last said (for the tests). */
  get last(): string {
    return this.region?.textContent ?? '';
  }

  destroy(): void {
    clearTimeout(this.timer);
    this.host?.remove();
    this.host = null;
    this.region = null;
  }

  private ensure(): HTMLElement {
    if (this.region) return this.region;
    const host = this.doc.createElement(LIVE_TAG);
    host.setAttribute('style', HIDDEN);
    const root = host.attachShadow({ mode: 'open' });
    const region = this.doc.createElement('div');
    region.setAttribute('role', 'status');
    region.setAttribute('aria-live', 'polite');
    region.setAttribute('aria-atomic', 'true');
    root.appendChild(region);
    this.doc.documentElement.appendChild(host);
    this.host = host;
    this.region = region;
    return region;
  }
}
