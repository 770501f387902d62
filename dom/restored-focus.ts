/**
 * Tells a reader's focus from the browser's: when the window loses focus (another tab,
 * another window) with a marker focused, the browser gives focus back to that marker when
 * the window returns, and that is no reader's move (it must not reopen the marker's card).
 */

/** How long after the window gets focus back its restored marker focus is still expected. */
const RESTORE_MS = 200;

export class RestoredFocus {
  /** The marker that had focus when the window lost it (until the window has it back). */
  private atBlur: string | null = null;
  private timer: ReturnType<typeof setTimeout> | undefined;
  // The window's own blur and focus (an element's do not bubble up to it).
  private readonly onBlur = (): void => {
    this.atBlur = this.focused();
  };
  private readonly onFocus = (): void => {
    // The marker's own focus event comes with the window's, before or after it.
    clearTimeout(this.timer);
    this.timer = setTimeout(() => (this.atBlur = null), RESTORE_MS);
  };

  /** `focused`: the key of the marker that has focus, if one has. */
  constructor(
    private readonly win: Window,
    private readonly focused: () => string | null,
  ) {
    win.addEventListener('blur', this.onBlur);
    win.addEventListener('focus', this.onFocus);
  }

  /** Whether this focus of the marker `key` is the browser giving it back (asked once). */
  isRestore(key: string): boolean {
    const restored = key === this.atBlur;
    this.atBlur = null;
    return restored;
  }

  destroy(): void {
    clearTimeout(this.timer);
    this.win.removeEventListener('blur', this.onBlur);
    this.win.removeEventListener('focus', this.onFocus);
  }
}
