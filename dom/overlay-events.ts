import type { Overlay } from './overlay';
import { handleTab } from './tab-order';

/**
 * The overlay's events from the page: hover and click on marked text open its card, Escape
 * and a click elsewhere close it, and scroll (of a container), resize, font loading and
 * reflow move the markers with their text. Returns the named inverse: every listener removed.
 */
export function listenToPage(doc: Document, overlay: Overlay, signal?: AbortSignal): () => void {
  const win = doc.defaultView;
  if (!win) return () => {};
  const cleanups: (() => void)[] = [];
  const on = <K extends keyof WindowEventMap>(
    target: Window | Document,
    type: K,
    fn: (e: WindowEventMap[K]) => void,
    options?: AddEventListenerOptions,
  ) => {
    target.addEventListener(type, fn as EventListener, { ...options, signal });
    cleanups.push(() => target.removeEventListener(type, fn as EventListener, options));
  };
  const reposition = () => overlay.requestReposition();
  on(win, 'resize', reposition, { passive: true });
  // Scrolling inside a container moves its text but not the document: follow it.
  on(
    doc,
    'scroll',
    (e) => {
      if (e.target !== doc) reposition();
    },
    { capture: true, passive: true },
  );
  const fonts = doc.fonts as FontFaceSet | undefined;
  if (fonts?.addEventListener) {
    fonts.addEventListener('loadingdone', reposition);
    cleanups.push(() => fonts.removeEventListener('loadingdone', reposition));
  }
  const ro = new win.ResizeObserver(reposition);
  if (doc.body) ro.observe(doc.body);
  cleanups.push(() => ro.disconnect());

  let moveFrame = false;
  on(
    doc,
    'mousemove',
    (e) => {
      if (moveFrame || overlay.marks.length === 0) return;
      moveFrame = true;
      win.requestAnimationFrame(() => {
        moveFrame = false;
        if (overlay.host.isOurs(e.target)) return;
        const hit = overlay.hitTest(e.clientX, e.clientY);
        if (hit) overlay.openMark(hit.key, 'hover');
        else overlay.scheduleHoverClose();
      });
    },
    { passive: true },
  );
  on(
    doc,
    'click',
    (e) => {
      if (overlay.host.isOurs(e.target)) return;
      const hit = overlay.marks.length > 0 ? overlay.hitTest(e.clientX, e.clientY) : null;
      // The element clicked, inside a page's shadow root too (e.target is then its host).
      const inLink = (e.composedPath()[0] as Element | undefined)?.closest?.('a[href]');
      if (hit && !inLink) overlay.openMark(hit.key, 'click');
      else if (overlay.openKey) overlay.close(false);
    },
    { capture: true },
  );
  on(doc, 'keydown', (e) => {
    if (e.key === 'Escape' && overlay.openKey) overlay.close(true);
  });
  // Tab reaches the markers in reading order (dom/tab-order.ts).
  on(
    doc,
    'keydown',
    (e) => {
      if (e.key !== 'Tab' || e.altKey || e.ctrlKey || e.metaKey || e.defaultPrevented) return;
      try {
        if (handleTab(doc, overlay, e.shiftKey)) e.preventDefault();
      } catch (err) {
        console.warn('Factmark: Tab order:', err);
      }
    },
    { capture: true },
  );
  return () => {
    for (const c of cleanups.splice(0)) c();
  };
}
