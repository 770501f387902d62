import { render } from 'preact';
import { Toast } from '../components/Toast';

/** A notice at the bottom of the viewport, with an optional undo. */
export interface ToastNote {
  text: string;
  undo?: () => void;
  /** Moves focus to Undo (the reader acted from the card). */
  focus: boolean;
}

const TOAST_MS = 8000;

/**
 * The overlay's notice ("Match hidden. Undo"), one at a time, dismissed after TOAST_MS. The
 * host is a containing block (`contain: layout`), so the notice is placed in document
 * coordinates and follows the page's scrolling while it is shown. `destroy` is its inverse.
 */
export class ToastLayer {
  private note: ToastNote | null = null;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private readonly el: HTMLElement;
  private readonly win: Window;
  private readonly onScroll = () => this.render();

  constructor(
    private readonly doc: Document,
    root: ShadowRoot,
  ) {
    this.win = doc.defaultView as Window;
    this.el = doc.createElement('div');
    root.appendChild(this.el);
  }

  show(note: ToastNote): void {
    clearTimeout(this.timer);
    if (!this.note) this.win.addEventListener('scroll', this.onScroll, { passive: true });
    this.note = note;
    this.render();
    this.timer = setTimeout(() => this.hide(), TOAST_MS);
  }

  hide(): void {
    clearTimeout(this.timer);
    if (!this.note) return;
    this.note = null;
    this.win.removeEventListener('scroll', this.onScroll);
    this.render();
  }

  get shown(): boolean {
    return this.note !== null;
  }

  destroy(): void {
    this.hide();
    this.el.remove();
  }

  private render(): void {
    const note = this.note;
    if (!note) return render(null, this.el);
    const style = {
      top: `${this.win.scrollY + this.win.innerHeight - 16}px`,
      left: `${this.win.scrollX + this.doc.documentElement.clientWidth / 2}px`,
    };
    const undo = note.undo;
    render(
      <div class="fm-layer">
        <Toast
          text={note.text}
          focusUndo={note.focus}
          style={style}
          onDismiss={() => this.hide()}
          onUndo={
            undo
              ? () => {
                  undo();
                  this.hide();
                }
              : undefined
          }
        />
      </div>,
      this.el,
    );
  }
}
