/**
 * The imported claim sets as stored (utils/imported-sets.ts), read back set by set: a set
 * that is not well formed is dropped, a set with some unreadable claims keeps the others, and
 * every other set is kept as it was. Pure.
 */
import { validateRecord } from './claims/validate';
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
