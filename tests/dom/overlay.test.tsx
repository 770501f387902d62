/** @vitest-environment happy-dom */
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { Overlay } from '../../dom/overlay';
import { HOST_TAG } from '../../dom/overlay-host';
import { cardStyle, CARD_WIDTH } from '../../dom/overlay-view';
import type { Mark } from '../../dom/marks';
import { markOn, rangeOver, record, setBody, sleep } from './page';

let overlay: Overlay | null = null;
let active: (Mark | null)[] = [];

beforeEach(() => {
  // happy-dom lays nothing out: every mark gets one line box.
  vi.spyOn(Range.prototype, 'getClientRects').mockImplementation(
    () => [new DOMRect(10, 20, 100, 16)] as unknown as DOMRectList,
  );
  setBody('<p id="a">Russia annexed Crimea in 2014.</p><p id="b">Trump vowed to end the war.</p>');
  active = [];
  overlay = new Overlay(document, {
    css: '',
    now: () => new Date('2026-01-01'),
    onActiveChange: (m) => active.push(m),
  });
});
afterEach(() => {
  overlay?.destroy();
  vi.restoreAllMocks();
});

const marks = () => [
  markOn('m0', rangeOver('#a', 'Crimea'), record('crimea', 'accurate')),
  markOn('m1', rangeOver('#b', 'Trump'), record('trump', 'false')),
];
const root = () => document.querySelector(HOST_TAG)?.shadowRoot;
const markers = () =>
  Array.from(root()?.querySelectorAll('[data-factmark-claim]') ?? []).map((e) =>
    e.getAttribute('data-factmark-claim'),
  );
const card = () => root()?.querySelector('[data-testid="factmark-card"]') ?? null;

describe('Overlay', () => {
  test('one host on <html>, outside <body>; destroy removes it', () => {
    expect(document.documentElement.querySelectorAll(HOST_TAG)).toHaveLength(1);
    expect(document.body.querySelector(HOST_TAG)).toBeNull();
    overlay?.destroy();
    expect(document.querySelector(HOST_TAG)).toBeNull();
  });

  test('markers follow setMarks, drawn in the next frame', async () => {
    overlay?.setMarks(marks());
    await sleep(200);
    expect(markers()).toEqual(['crimea', 'trump']);
    overlay?.setMarks(marks().slice(1));
    await sleep(200);
    expect(markers()).toEqual(['trump']);
  });

  test.each([
    { steps: ['hover'], open: true },
    { steps: ['hover', 'leave'], open: false },
    { steps: ['click', 'leave'], open: true },
    { steps: ['focus', 'hover'], open: true },
    { steps: ['click', 'close'], open: false },
  ])('card: $steps -> open $open', async ({ steps, open }) => {
    overlay?.setMarks(marks());
    await sleep(200);
    for (const s of steps) {
      if (s === 'leave') overlay?.scheduleHoverClose();
      else if (s === 'close') overlay?.close(false);
      else overlay?.openMark('m0', s as 'hover' | 'focus' | 'click');
    }
    await sleep(400);
    expect(card() !== null).toBe(open);
    expect(overlay?.openKey ?? null).toBe(open ? 'm0' : null);
  });

  test('the open mark is told to the painter; a mark that goes closes its card', async () => {
    const ms = marks();
    overlay?.setMarks(ms);
    await sleep(200);
    overlay?.openMark('m0', 'click');
    expect(active.at(-1)?.key).toBe('m0');
    overlay?.setMarks(ms.slice(1));
    expect(active.at(-1)).toBeNull();
    expect(card()).toBeNull();
  });

  test('closing with returnFocus puts focus back on the marker', async () => {
    overlay?.setMarks(marks());
    await sleep(200);
    overlay?.openMark('m1', 'click');
    overlay?.close(true);
    expect(root()?.activeElement?.getAttribute('data-key')).toBe('m1');
    // Focus coming back does not open the card again.
    await sleep(50);
    expect(card()).toBeNull();
  });

  test('hitTest finds the mark under a point', async () => {
    overlay?.setMarks(marks().slice(0, 1));
    await sleep(200);
    expect(overlay?.hitTest(50, 25)?.key).toBe('m0');
    expect(overlay?.hitTest(500, 500)).toBeNull();
  });
});

describe('cardStyle: where the card goes', () => {
  const v = { sx: 0, sy: 0, vw: 1000, vh: 800 };
  test.each([
    { what: 'below the mark', rect: [100, 100], view: v, left: 100, top: 122, up: false },
    {
      what: 'above it when there is no room below',
      rect: [100, 700],
      view: v,
      left: 100,
      top: 694,
      up: true,
    },
    {
      what: 'kept inside the viewport on the right',
      rect: [900, 100],
      view: v,
      left: 1000 - CARD_WIDTH - 8,
      top: 122,
      up: false,
    },
    { what: 'kept inside on the left', rect: [0, 100], view: v, left: 8, top: 122, up: false },
  ])('$what', ({ rect, view, left, top, up }) => {
    const [x, y] = rect as [number, number];
    const style = cardStyle([new DOMRect(x, y, 50, 16)], view);
    expect(style).toMatchObject({ left: `${left}px`, top: `${top}px` });
    expect(style?.transform).toBe(up ? 'translateY(-100%)' : 'none');
  });

  test('no rects, no card', () => {
    expect(cardStyle([], { sx: 0, sy: 0, vw: 1000, vh: 800 })).toBeNull();
  });
});
