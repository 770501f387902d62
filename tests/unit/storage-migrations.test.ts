/**
 * Every stored item, from every version it was ever stored at, through the migrations and
 * the check at background start (utils/storage-check.ts), in WXT's fake browser. What a
 * reader keeps and what they are told.
 */
import './fake-storage';
import { IDBFactory } from 'fake-indexeddb';
import { readFileSync } from 'node:fs';
import { beforeEach, describe, expect, test, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { DEFAULT_SETTINGS } from '../../lib/settings';
import { DEFAULT_FEED_CONFIG } from '../../lib/feeds/feed-config';
import type { StorageNotice } from '../../lib/storage-notices';
import type { ClaimRecord } from '../../lib/types';

const RECORDS = readFileSync('tests/fixtures/claims/good.jsonl', 'utf8')
  .trim()
  .split('\n')
  .map((l) => JSON.parse(l) as ClaimRecord);
const set = (id: string, name: string, records: unknown[] = RECORDS.slice(0, 2)) => ({
  id,
  name,
  imported: '2026-11-01',
  enabled: true,
  records,
});
const hiddenEntry = {
  kind: 'claim',
  claim: 'ru-annexed-crimea-2014',
  claimText: 'Russia annexed Crimea in 2014.',
  site: 'example.com',
  added: '2026-12-01',
};

/** Fresh modules: each test defines the items anew, as a new background start does. */
async function start() {
  vi.resetModules();
  const check = await import('../../utils/storage-check');
  const { openImportedStore } = await import('../../utils/imported-store');
  const result = await check.checkStoredData(openImportedStore(idb));
  return { result, notices: await stored<StorageNotice[]>('storageNotices') };
}
const stored = async <T>(key: string) => (await fakeBrowser.storage.local.get(key))[key] as T;
const put = (values: Record<string, unknown>) => fakeBrowser.storage.local.set(values);

/** A fresh IndexedDB per test (fake-indexeddb). */
let idb = new IDBFactory();
/** The imported sets in IndexedDB, whole, as the background reads them. */
async function inIdb() {
  const { openImportedStore } = await import('../../utils/imported-store');
  const store = openImportedStore(idb);
  const metas = (await store.list()) as {
    id: string;
    name: string;
    imported: string;
    enabled: boolean;
  }[];
  return Promise.all(
    metas.map(async (m) => ({
      id: m.id,
      name: m.name,
      imported: m.imported,
      enabled: m.enabled,
      records: await store.records(m.id),
    })),
  );
}

beforeEach(() => {
  vi.restoreAllMocks();
  idb = new IDBFactory();
  fakeBrowser.reset();
  vi.spyOn(console, 'warn').mockImplementation(() => {});
  vi.spyOn(console, 'error').mockImplementation(() => {});
});

describe('settings', () => {
  test('version 1 (no version mark) migrates to 2 with every field kept', async () => {
    const v1 = {
      enabled: false,
      disabledSites: ['example.com'],
      strictness: 'broad',
      verdicts: ['false'],
    };
    await put({ settings: v1 });
    const { result, notices } = await start();
    expect(await stored('settings')).toEqual({ ...v1, quiet: false, semantic: false });
    expect(await stored('settings$')).toEqual({ v: 2 });
    expect(notices).toBeUndefined();
    expect(result['local:settings']).toBe('ok');
  });

  test('version 1 with one corrupt field: that field resets, the others are kept, the reader is told', async () => {
    await put({ settings: { enabled: false, strictness: 'extreme', quiet: true } });
    const { notices } = await start();
    expect(await stored('settings')).toEqual({ ...DEFAULT_SETTINGS, enabled: false, quiet: true });
    expect(notices).toEqual([
      expect.objectContaining({
        item: 'settings',
        reason: 'corrupt',
        whole: false,
        count: 1,
        what: ['strictness'],
      }),
    ]);
  });

  test('version 2 corrupt later (a bad field) is repaired at start and said', async () => {
    await put({
      settings: { ...DEFAULT_SETTINGS, verdicts: 'all', quiet: true },
      settings$: { v: 2 },
    });
    const { result, notices } = await start();
    expect(result['local:settings']).toBe('repaired');
    expect(await stored('settings')).toEqual({ ...DEFAULT_SETTINGS, quiet: true });
    expect(notices?.[0]).toMatchObject({ item: 'settings', what: ['verdicts'] });
  });

  test('the repaired value and its notice are written together: a start cut short by a failed write leaves both as they were, and the next start repairs and tells', async () => {
    const bad = { ...DEFAULT_SETTINGS, strictness: 'very' };
    await put({ settings: bad, settings$: { v: 2 } });
    // The browser goes away before the notice is written: any write that holds it fails.
    const real = fakeBrowser.storage.local.set.bind(fakeBrowser.storage.local);
    const spy = vi
      .spyOn(fakeBrowser.storage.local, 'set')
      .mockImplementation((values: Record<string, unknown>) =>
        'storageNotices' in values ? Promise.reject(new Error('browser closed')) : real(values),
      );
    const first = await start();
    expect(first.result['local:settings']).toBe('failed');
    expect(await stored('settings')).toEqual(bad);
    expect(first.notices).toBeUndefined();
    spy.mockRestore();
    const { result, notices } = await start();
    expect(result['local:settings']).toBe('repaired');
    expect(await stored('settings')).toEqual(DEFAULT_SETTINGS);
    expect(notices).toEqual([expect.objectContaining({ item: 'settings', what: ['strictness'] })]);
  });

  test('a whole value that is not settings resets to the defaults, said as a whole', async () => {
    await put({ settings: 'garbage', settings$: { v: 2 } });
    const { notices } = await start();
    expect(await stored('settings')).toEqual(DEFAULT_SETTINGS);
    expect(notices?.[0]).toMatchObject({ item: 'settings', whole: true, count: 6 });
  });

  test('saved by a newer version (3): the fields this version knows are kept, marked 2, said', async () => {
    await put({
      settings: { ...DEFAULT_SETTINGS, strictness: 'strict', theme: 'dark' },
      settings$: { v: 3 },
    });
    const { result, notices } = await start();
    expect(result['local:settings']).toBe('newer');
    expect(await stored('settings')).toEqual({ ...DEFAULT_SETTINGS, strictness: 'strict' });
    expect(await stored('settings$')).toEqual({ v: 2 });
    expect(notices).toEqual([expect.objectContaining({ item: 'settings', reason: 'newer' })]);
  });

  test('a version mark that is not a number is replaced; the value is kept', async () => {
    await put({ settings: { ...DEFAULT_SETTINGS, quiet: true }, settings$: { v: 'x' } });
    await start();
    expect(await stored('settings')).toEqual({ ...DEFAULT_SETTINGS, quiet: true });
    expect(await stored('settings$')).toEqual({ v: 2 });
  });

  test('nothing stored: nothing written; the first save writes the value and version 2', async () => {
    const { notices } = await start();
    expect(await fakeBrowser.storage.local.get(null)).toEqual({});
    expect(notices).toBeUndefined();
    const { saveSettings } = await import('../../utils/settings');
    await saveSettings({ ...DEFAULT_SETTINGS, quiet: true });
    expect(await stored('settings$')).toEqual({ v: 2 });
  });

  test('a save that fails (quota) rejects, and the stored settings and version stay', async () => {
    await put({ settings: { ...DEFAULT_SETTINGS, quiet: true }, settings$: { v: 2 } });
    const { saveSettings, getSettings } = await import('../../utils/settings');
    vi.spyOn(fakeBrowser.storage.local, 'set').mockRejectedValueOnce(
      new Error('QUOTA_BYTES quota exceeded'),
    );
    await expect(saveSettings({ ...DEFAULT_SETTINGS, strictness: 'broad' })).rejects.toThrow(
      /QUOTA/,
    );
    expect(await getSettings()).toEqual({ ...DEFAULT_SETTINGS, quiet: true });
    expect(await stored('settings$')).toEqual({ v: 2 });
  });
});

describe('imported sets (storage.local, moved to IndexedDB at start)', () => {
  test('version 1 (no version mark) moves with every set kept; the key is removed', async () => {
    await put({ importedSets: [set('import-a', 'A'), set('import-b', 'B')] });
    const { result, notices } = await start();
    expect(result['local:importedSets']).toBe('moved');
    expect(await inIdb()).toEqual([set('import-a', 'A'), set('import-b', 'B')]);
    expect(await stored('importedSets')).toBeUndefined();
    expect(await stored('importedSets$')).toBeUndefined();
    expect(notices).toBeUndefined();
  });

  test('version 2 moves with every set kept', async () => {
    await put({ importedSets: [set('import-a', 'A')], importedSets$: { v: 2 } });
    await start();
    expect(await inIdb()).toEqual([set('import-a', 'A')]);
    expect(await stored('importedSets')).toBeUndefined();
  });

  test('one bad set is dropped and named; the others are moved as they were', async () => {
    await put({
      importedSets: [
        set('import-a', 'A'),
        { id: 'import-x', name: 'Broken', records: 'nope' },
        set('import-b', 'B'),
      ],
    });
    const { notices } = await start();
    expect(await inIdb()).toEqual([set('import-a', 'A'), set('import-b', 'B')]);
    expect(notices).toEqual([
      expect.objectContaining({
        item: 'importedSets',
        reason: 'corrupt',
        count: 1,
        what: ['Broken'],
      }),
    ]);
  });

  test('a set with some unreadable claims keeps the others, and says how many were left out', async () => {
    const records = [RECORDS[0], { id: 'bad', verdict: 'maybe' }, RECORDS[1]];
    await put({ importedSets: [set('import-a', 'A', records)], importedSets$: { v: 2 } });
    const { notices } = await start();
    expect(await inIdb()).toEqual([set('import-a', 'A', [RECORDS[0], RECORDS[1]])]);
    expect(notices?.[0]).toMatchObject({ item: 'importedSets', set: 'A', count: 1 });
  });

  test('saved by a newer version: the sets this version reads are moved, said', async () => {
    await put({
      importedSets: [{ ...set('import-a', 'A'), colour: 'red' }],
      importedSets$: { v: 5 },
    });
    const { notices } = await start();
    expect(await inIdb()).toEqual([set('import-a', 'A')]);
    expect(notices?.[0]).toMatchObject({ item: 'importedSets', reason: 'newer' });
  });

  test('a failed IndexedDB write leaves storage.local as it was; the next start moves it', async () => {
    await put({ importedSets: [set('import-a', 'A')], importedSets$: { v: 2 } });
    const real = idb;
    idb = {
      open: () => {
        throw new Error('QuotaExceededError');
      },
    } as unknown as IDBFactory;
    const first = await start();
    expect(first.result['local:importedSets']).toBe('failed');
    expect(await stored('importedSets')).toEqual([set('import-a', 'A')]);
    idb = real;
    await start();
    expect(await inIdb()).toEqual([set('import-a', 'A')]);
    expect(await stored('importedSets')).toBeUndefined();
  });

  test('an import that fails to store rejects with the reason, and the stored sets stay whole', async () => {
    const { openImportedStore } = await import('../../utils/imported-store');
    const { addImportedSet } = await import('../../utils/imported-sets');
    const store = openImportedStore(idb);
    await store.put([set('import-a', 'A') as never]);
    // A value IndexedDB cannot store: the transaction is aborted, nothing of it kept.
    const bad = [{ ...RECORDS[0], f: () => 1 }] as unknown as ClaimRecord[];
    await expect(addImportedSet('big.jsonl', bad, store)).rejects.toThrow(
      /the imported sets could not be written/,
    );
    expect(await inIdb()).toEqual([set('import-a', 'A')]);
    await addImportedSet('small.jsonl', RECORDS.slice(0, 1), store);
    expect((await inIdb()).map((s) => s.name)).toEqual(['A', 'small']);
  });
});

describe('hidden marks', () => {
  test('version 1 (written without a version mark) migrates to 2 with every entry kept', async () => {
    await put({ hidden: [hiddenEntry] });
    const { notices } = await start();
    expect(await stored('hidden')).toEqual([hiddenEntry]);
    expect(await stored('hidden$')).toEqual({ v: 2 });
    expect(notices).toBeUndefined();
  });

  test('entries that are not well formed are dropped and counted; the others are kept', async () => {
    await put({ hidden: [hiddenEntry, { kind: 'match' }, 7], hidden$: { v: 2 } });
    const { notices } = await start();
    expect(await stored('hidden')).toEqual([hiddenEntry]);
    expect(notices?.[0]).toMatchObject({ item: 'hidden', count: 2, whole: false });
  });

  test('saved by a newer version: kept as read, marked 2, said', async () => {
    await put({ hidden: [hiddenEntry], hidden$: { v: 3 } });
    const { notices } = await start();
    expect(await stored('hidden$')).toEqual({ v: 2 });
    expect(notices?.[0]).toMatchObject({ item: 'hidden', reason: 'newer' });
  });

  test('hiding a mark (content script) writes the list with its version', async () => {
    const { hide, readHidden } = await import('../../utils/hidden');
    await hide(hiddenEntry as Parameters<typeof hide>[0]);
    expect(await readHidden()).toEqual([hiddenEntry]);
    expect(await stored('hidden$')).toEqual({ v: 2 });
  });
});

describe('feed config and the feeds counter', () => {
  test('version 1 migrates to 2; a field that is not valid resets alone', async () => {
    await put({ feedConfig: { intervalMinutes: 60, timeoutMs: -1, maxBytes: 5_000_000 } });
    const { notices } = await start();
    expect(await stored('feedConfig')).toEqual({
      ...DEFAULT_FEED_CONFIG,
      intervalMinutes: 60,
      maxBytes: 5_000_000,
    });
    expect(await stored('feedConfig$')).toEqual({ v: 2 });
    expect(notices?.[0]).toMatchObject({ item: 'feedConfig', what: ['timeoutMs'] });
  });

  test('saved by a newer version: read as this version, marked 2, said', async () => {
    await put({
      feedConfig: { ...DEFAULT_FEED_CONFIG, intervalMinutes: 360 },
      feedConfig$: { v: 4 },
    });
    const { notices } = await start();
    expect(await stored('feedConfig')).toEqual({ ...DEFAULT_FEED_CONFIG, intervalMinutes: 360 });
    expect(notices?.[0]).toMatchObject({ item: 'feedConfig', reason: 'newer' });
  });

  test('the counter (version 1) is written with its version; a corrupt one starts again at 1', async () => {
    const { bumpClaimSetsChanged } = await import('../../utils/feed-config');
    await put({ claimSetsChanged: 'x' });
    await bumpClaimSetsChanged();
    await bumpClaimSetsChanged();
    expect(await stored('claimSetsChanged')).toBe(2);
    expect(await stored('claimSetsChanged$')).toEqual({ v: 1 });
  });
});

describe('notices', () => {
  test('the popup alone (no background yet) runs the migration and records what it reset', async () => {
    await put({ settings: { enabled: 'yes', quiet: true } });
    vi.resetModules();
    const { getSettings } = await import('../../utils/settings');
    expect(await getSettings()).toEqual({ ...DEFAULT_SETTINGS, quiet: true });
    expect(await stored('storageNotices')).toEqual([
      expect.objectContaining({ item: 'settings', what: ['enabled'] }),
    ]);
    expect(await stored('storageNotices$')).toEqual({ v: 1 });
  });

  test('one notice per item and kind, the newest kept; dismissing clears them', async () => {
    await put({ settings: { enabled: 'yes' } });
    await start();
    await put({ settings: { ...DEFAULT_SETTINGS, quiet: 'no' }, settings$: { v: 2 } });
    const { notices } = await start();
    expect(notices).toEqual([expect.objectContaining({ item: 'settings', what: ['quiet'] })]);
    const { clearNotices, readNotices } = await import('../../utils/storage-notices');
    await clearNotices();
    expect(await readNotices()).toEqual([]);
  });
});
