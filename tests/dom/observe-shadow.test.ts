/** @vitest-environment happy-dom */
import { afterEach, describe, expect, test } from 'vitest';
import { ChangeObserver } from '../../dom/observe';
import { TaskClock } from '../../dom/timing';
import { setBody, sleep } from './page';

let observer: ChangeObserver | null = null;
afterEach(() => observer?.stop());

/** A block's name in the batches: its id, or `#root:<host id>` for a shadow root. */
const nameOf = (b: Node) =>
  b.nodeType === 11 ? `#root:${(b as ShadowRoot).host.id}` : (b as Element).id || b.nodeName;

/** Watches the body (and `roots`, before or after start); returns the batches handed over. */
function watch(roots: ShadowRoot[] = [], after: ShadowRoot[] = []): string[][] {
  const batches: string[][] = [];
  observer = new ChangeObserver(document, {
    clock: new TaskClock(),
    onBatch: async (blocks) => void batches.push(blocks.map(nameOf)),
  });
  for (const r of roots) observer.watch(r);
  observer.start();
  for (const r of after) observer.watch(r);
  return batches;
}

/** A page with a host `#s` whose open shadow root holds `<p id="in">`. */
function page(): ShadowRoot {
  setBody('<p id="a">Light text.</p><x-story id="s"><p id="light">Light child.</p></x-story>');
  const root = (document.querySelector('#s') as Element).attachShadow({ mode: 'open' });
  const p = document.createElement('p');
  p.id = 'in';
  p.textContent = 'Shadow text.';
  root.appendChild(p);
  return root;
}

const inText = (root: ShadowRoot) => root.querySelector('#in')?.firstChild as Text;

describe('ChangeObserver sees into the shadow roots it is told of', () => {
  test.each([
    { what: 'watched before start', before: true },
    { what: 'watched after start', before: false },
  ])('text edited in a shadow tree, $what: its block', async ({ before }) => {
    const root = page();
    const batches = before ? watch([root]) : watch([], [root]);
    inText(root).data = 'New shadow text.';
    await sleep(150);
    expect(batches).toEqual([['in']]);
  });

  test('text added at the top of a shadow tree: the shadow root is the block', async () => {
    const root = page();
    const batches = watch([root]);
    root.append('More text at the top.');
    await sleep(150);
    expect(batches).toEqual([['#root:s']]);
  });

  test('a change in the host and one in its shadow tree: the host once', async () => {
    const root = page();
    const batches = watch([root]);
    inText(root).data = 'x';
    document.querySelector('#s')?.setAttribute('hidden', '');
    await sleep(150);
    expect(batches).toEqual([['s']]);
  });

  test('a host added later: the host, read with its shadow tree', async () => {
    setBody('<div id="feed"><p id="a">Text.</p></div>');
    const batches = watch();
    const host = document.createElement('x-card');
    host.id = 'card';
    host.attachShadow({ mode: 'open' }).append('Card text.');
    document.querySelector('#feed')?.appendChild(host);
    await sleep(150);
    expect(batches).toEqual([['card']]);
  });

  test('a custom element defined later gets a shadow root: its host, without a mutation', async () => {
    setBody('<p id="a">Text.</p><x-late-story id="late"></x-late-story>');
    const batches = watch();
    await sleep(100);
    expect(batches).toEqual([]);
    customElements.define(
      'x-late-story',
      class extends HTMLElement {
        constructor() {
          super();
          this.attachShadow({ mode: 'open' }).append('Defined later.');
        }
      },
    );
    expect(document.querySelector('#late')?.shadowRoot).not.toBeNull();
    await sleep(400);
    expect(batches).toEqual([['late']]);
  });

  test('a shadow root not told of is not seen', async () => {
    const root = page();
    const batches = watch();
    inText(root).data = 'Unseen.';
    await sleep(150);
    expect(batches).toEqual([]);
  });

  test('a removed host: changes in its shadow tree are not read', async () => {
    const root = page();
    const batches = watch([root]);
    document.querySelector('#s')?.remove();
    await sleep(150);
    const removal = batches.length;
    inText(root).data = 'Changed after removal.';
    await sleep(150);
    expect(batches.slice(removal).flat()).toEqual([]);
  });

  test('stop: no batch from a shadow tree after it', async () => {
    const root = page();
    const batches = watch([root]);
    inText(root).data = 'Changed.';
    observer?.stop();
    await sleep(150);
    inText(root).data = 'Changed again.';
    await sleep(150);
    expect(batches).toEqual([]);
  });
});
