/**
 * The imported claim sets as stored (in IndexedDB, utils/imported-store.ts; before that in
 * storage.local, utils/imported-migration.ts), read back set by set: a set that is not well
 * formed is dropped, a set with some unreadable claims keeps the others, and every other set
 * is kept as it was. Pure.
 */
import { validateRecord } from './claims/validate';
import { checkSummary, summarize, type SetSummary } from './feeds/summary';
import type { ImportedSet } from './matching-service';
import { clipWhat, type Repaired } from './storage-notices';
import type { ClaimRecord } from './types';

export interface SanitizedSets {
  sets: ImportedSet[];
  /** The whole value was not a list of sets. */
  whole: boolean;
  /** Names (or "set N") of the sets dropped. */
  dropped: string[];
  /** Sets kept with some claims left out: their name and how many. */
  partial: { name: string; left: number }[];
}

const str = (v: unknown): v is string => typeof v === 'string' && v.length > 0 && v.length <= 500;

export function sanitizeImportedSets(raw: unknown): SanitizedSets {
  const out: SanitizedSets = { sets: [], whole: false, dropped: [], partial: [] };
  if (raw === null || raw === undefined) return out;
  if (!Array.isArray(raw)) return { ...out, whole: true };
  const ids = new Set<string>();
  raw.forEach((s: unknown, i) => {
    const o = s && typeof s === 'object' && !Array.isArray(s) ? (s as Record<string, unknown>) : {};
    const name = str(o.name) ? o.name : `set ${i + 1}`;
    if (!str(o.id) || ids.has(o.id) || !str(o.name) || !Array.isArray(o.records)) {
      out.dropped.push(name);
      return;
    }
    const records: ClaimRecord[] = [];
    const seen = new Set<string>();
    o.records.forEach((r: unknown, j) => {
      const { record } = validateRecord(r, { file: name, record: `record ${j + 1}` });
      if (record && !seen.has(record.id)) {
        seen.add(record.id);
        records.push(record);
      }
    });
    if (records.length === 0) {
      out.dropped.push(name);
      return;
    }
    if (records.length < o.records.length)
      out.partial.push({ name, left: o.records.length - records.length });
    ids.add(o.id);
    out.sets.push({
      id: o.id,
      name,
      imported: typeof o.imported === 'string' ? o.imported : '',
      enabled: typeof o.enabled === 'boolean' ? o.enabled : true,
      records,
    });
  });
  return out;
}

/** The stored sets as this version reads them, and what was dropped. */
export function repairImportedSets(raw: unknown): Repaired<ImportedSet[]> {
  const { sets, whole, dropped, partial } = sanitizeImportedSets(raw);
  const notices: Repaired<ImportedSet[]>['notices'] = [];
  if (whole) notices.push({ item: 'importedSets', whole, count: 0, what: [] });
  if (dropped.length)
    notices.push({
      item: 'importedSets',
      whole: false,
      count: dropped.length,
      what: clipWhat(dropped),
    });
  for (const p of partial)
    notices.push({
      item: 'importedSets',
      whole: false,
      count: p.left,
      what: [],
      set: clipWhat([p.name])[0] ?? '',
    });
  return { value: sets, notices };
}

/**
 * What IndexedDB keeps of an imported set apart from its records (utils/imported-store.ts):
 * enough to list it without reading a claim.
 */
export interface ImportedMeta {
  id: string;
  name: string;
  /** ISO date of the import. */
  imported: string;
  enabled: boolean;
  count: number;
  summary?: SetSummary;
}

export function importedMeta(set: ImportedSet): ImportedMeta {
  const meta: ImportedMeta = {
    id: set.id,
    name: set.name,
    imported: set.imported,
    enabled: set.enabled,
    count: set.records.length,
  };
  if (set.records.length > 0) meta.summary = summarize(set.records);
  return meta;
}

/** The stored metadata rows as this version reads them; a row that is not well formed is dropped. */
export function sanitizeImportedMeta(rows: unknown[]): {
  sets: ImportedMeta[];
  /** Each dropped row's key (to delete it, when it has one) and name (or "set N"). */
  dropped: { id: unknown; name: string }[];
} {
  const sets: ImportedMeta[] = [];
  const dropped: { id: unknown; name: string }[] = [];
  rows.forEach((row: unknown, i) => {
    const o =
      row && typeof row === 'object' && !Array.isArray(row) ? (row as Record<string, unknown>) : {};
    if (!str(o.id) || !str(o.name)) {
      dropped.push({ id: o.id, name: str(o.name) ? o.name : `set ${i + 1}` });
      return;
    }
    const meta: ImportedMeta = {
      id: o.id,
      name: o.name,
      imported: typeof o.imported === 'string' ? o.imported : '',
      enabled: typeof o.enabled === 'boolean' ? o.enabled : true,
      count: typeof o.count === 'number' && Number.isSafeInteger(o.count) ? o.count : 0,
    };
    const summary = checkSummary(o.summary);
    if (summary) meta.summary = summary;
    sets.push(meta);
  });
  return { sets, dropped };
}

/**
 * One set's stored records read back (the check at load, in the background): the valid
 * records, or null when none is (the set is dropped), and what to tell the reader.
 */
export function repairImportedRecords(
  meta: ImportedMeta,
  raw: unknown,
): { records: ClaimRecord[] | null; changed: boolean; notices: Repaired<unknown>['notices'] } {
  const { value, notices } = repairImportedSets([{ ...meta, records: raw }]);
  const records = value[0]?.records ?? null;
  return {
    records,
    changed: records === null || !Array.isArray(raw) || records.length !== raw.length,
    notices,
  };
}
