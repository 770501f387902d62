/** @vitest-environment happy-dom */
import { afterEach, describe, expect, test } from 'vitest';
import { ChangeObserver } from '../../dom/observe';
import { TaskClock } from '../../dom/timing';
import { setBody, sleep } from './page';

let observer: ChangeObserver | null = null;
afterEach(() => observer?.stop());

/** Watches the body; returns the batches handed over (as the ids of their blocks). */
function watch(): string[][] {
  const batches: string[][] = [];
  observer = new ChangeObserver(document, {
    clock: new TaskClock(),
    onBatch: async (blocks) => {
      batches.push(blocks.map((b) => (b as Element).id || (b as Element).tagName));
    },
  });
  observer.start();
  return batches;
}

describe('ChangeObserver hands over the blocks whose text changed', () => {
  test.each([
    {
      what: 'text edited in a paragraph',
      change: () => ((document.querySelector('#a')?.firstChild as Text).data = 'New text.'),
      want: [['a']],
    },
    {
      what: 'a paragraph added',
      change: () => {
        const p = document.createElement('p');
        p.id = 'n';
        p.textContent = 'Added later.';
        document.querySelector('#box')?.appendChild(p);
      },
      want: [['n']],
    },
    {
      what: 'text inside an inline element: its block',
      change: () => ((document.querySelector('#a b')?.firstChild as Text).data = 'bold'),
      want: [['a']],
    },
    {
      what: 'a hidden block revealed',
      change: () => document.querySelector('#h')?.removeAttribute('hidden'),
      want: [['h']],
    },
    {
      what: 'two changes in one block and its parent: the outer block once',
      change: () => {
        (document.querySelector('#a')?.firstChild as Text).data = 'x';
        document.querySelector('#box')?.setAttribute('hidden', '');
      },
      want: [['box']],
    },
    {
      what: 'a script added: nothing',
      change: () => document.body.appendChild(document.createElement('script')),
      want: [],
    },
  ])('$what', async ({ change, want }) => {
    setBody('<div id="box"><p id="a">Old text <b>b</b>.</p></div><p id="h" hidden>Later.</p>');
    const batches = watch();
    change();
    await sleep(150);
    expect(batches).toEqual(want);
  });

  test('a block that keeps changing waits longer each time', async () => {
    setBody('<p id="a">Text.</p>');
    const batches = watch();
    const text = document.querySelector('#a')?.firstChild as Text;
    const times: number[] = [];
    const t0 = performance.now();
    for (let i = 0; i < 3; i++) {
      const before = batches.length;
      text.data = `Text ${i}.`;
      while (batches.length === before) await sleep(10);
      times.push(performance.now() - t0);
    }
    const gaps = times.map((t, i) => t - (times[i - 1] ?? 0));
    // 60 ms, then 120 ms, then 240 ms after each change (the change follows the last batch).
    expect(gaps[1] as number).toBeGreaterThan(100);
    expect(gaps[2] as number).toBeGreaterThan(220);
  });

  test('stop: no batch after it', async () => {
    setBody('<p id="a">Text.</p>');
    const batches = watch();
    (document.querySelector('#a')?.firstChild as Text).data = 'Changed.';
    observer?.stop();
    await sleep(150);
    expect(batches).toEqual([]);
  });
});
