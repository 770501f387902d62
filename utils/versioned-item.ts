/**
 * One stored item with a version (`@wxt-dev/storage`'s `version` + `migrations`), read back
 * as this version understands it (its `repair`, beside its sanitiser in lib/). Every write stores
 * the value and its version in one `storage.local.set`, so a write that fails (quota) rejects
 * and leaves the previous value and version as they were.
 *
 * WXT writes an item's version only when it migrates it, so a value saved before versions
 * were written (0.1.0) reads as version 1 and migrates to 2; the migration to the newest
 * version ends with the repair and tells the reader what it reset (utils/storage-notices.ts).
 * Content scripts use `read`/`watch` only: one plain read, never a migration (the background
 * runs them at start: utils/storage-check.ts).
 */
import { storage, type WxtStorageItem } from '@wxt-dev/storage';
import type { Repaired, StoredItemName } from '../lib/storage-notices';
import { saveNotices } from './storage-notices';

export type LocalKey = `local:${string}`;

export interface VersionedSpec<T> {
  key: LocalKey;
  /** What the reader's notices call it. */
  name: StoredItemName;
  version: number;
  fallback: T;
  repair: (raw: unknown) => Repaired<T>;
  /** Shape changes: `migrations[v]` turns a version v-1 value into a version v one. */
  migrations?: Record<number, (old: unknown) => unknown>;
}

export interface VersionedItem<T> {
  spec: VersionedSpec<T>;
  /** The WXT item; defining it runs pending migrations (background, popup, options). */
  item(): WxtStorageItem<unknown, Record<string, unknown>>;
  /** Through the item (after its migrations), repaired; what was reset is saved as notices. */
  get(): Promise<T>;
  /** One plain read, repaired (content scripts). */
  read(): Promise<T>;
  /** Writes the value and its version at once. Rejects (e.g. quota) with nothing changed. */
  set(value: T): Promise<void>;
  /** Calls back with the repaired value on every change. */
  watch(cb: (value: T) => void): () => void;
  /** Calls back on every change, without reading the value. */
  onChange(cb: () => void): () => void;
}

/** The migrations WXT runs: each version's shape change; the last one also repairs. */
export function migrationsFor<T>(
  spec: VersionedSpec<T>,
): Record<number, (old: unknown) => unknown> {
  const out: Record<number, (old: unknown) => unknown> = {};
  for (let v = 2; v <= spec.version; v++) {
    const step = spec.migrations?.[v];
    out[v] = async (old: unknown) => {
      const shaped = step ? step(old) : old;
      if (v < spec.version) return shaped;
      const r = spec.repair(shaped);
      await saveNotices(r.notices, 'corrupt');
      return r.value;
    };
  }
  return out;
}

export function versionedItem<T>(spec: VersionedSpec<T>): VersionedItem<T> {
  let item: WxtStorageItem<unknown, Record<string, unknown>> | null = null;
  const repaired = (raw: unknown) => {
    const r = spec.repair(raw);
    for (const n of r.notices) console.warn(`Factmark: ${spec.key}: reset`, n);
    return r;
  };
  const self: VersionedItem<T> = {
    spec,
    item: () =>
      (item ??= storage.defineItem<unknown>(spec.key, {
        fallback: spec.fallback,
        version: spec.version,
        migrations: migrationsFor(spec),
      })),
    async get() {
      const r = repaired(await self.item().getValue());
      await saveNotices(r.notices, 'corrupt');
      return r.value;
    },
    async read() {
      try {
        return repaired(await storage.getItem<unknown>(spec.key)).value;
      } catch (err) {
        console.warn(`Factmark: could not read ${spec.key}:`, err);
        return spec.repair(null).value;
      }
    },
    set: (value) => writeVersioned(spec.key, spec.version, value),
    watch: (cb) => storage.watch<unknown>(spec.key, (raw) => cb(spec.repair(raw).value)),
    onChange: (cb) => storage.watch<unknown>(spec.key, () => cb()),
  };
  return self;
}

/** An item's value and its version as entries of one write (`key$` is where WXT keeps it). */
export function versionedEntries(
  key: LocalKey,
  version: number,
  value: unknown,
): { key: LocalKey; value: unknown }[] {
  return [
    { key, value },
    { key: `${key}$`, value: { v: version } },
  ];
}

/** The value and its version in one write. */
export async function writeVersioned(key: LocalKey, version: number, value: unknown) {
  await storage.setItems(versionedEntries(key, version, value));
}
