/**
 * What the reader is told when stored data could not be read as it was saved and part of it
 * was reset (utils/storage-check.ts finds it, the popup and the options page show it). Pure.
 */

/** The stored items a notice can be about. */
export const STORED_ITEMS = ['settings', 'importedSets', 'hidden', 'feedConfig'] as const;
export type StoredItemName = (typeof STORED_ITEMS)[number];

/** `corrupt`: not of the shape saved; `newer`: saved by a newer version of Factmark. */
export type ResetReason = 'corrupt' | 'newer';

export interface StorageNotice {
  item: StoredItemName;
  reason: ResetReason;
  /** The whole value was unreadable and was reset (not only some fields or entries). */
  whole: boolean;
  /** How many fields or entries were reset or dropped. */
  count: number;
  /** What was reset: field names (settings), set names (imported sets), at most 10. */
  what: string[];
  /** For an imported set that kept some claims: its name, and `count` is its claims left out. */
  set?: string;
  /** ISO date-time it was found. */
  at: string;
}

/** What a repair found: the value to keep and, when something was lost, the notice. */
export interface Repaired<T> {
  value: T;
  notices: Omit<StorageNotice, 'at' | 'reason'>[];
}

export const MAX_NOTICES = 10;
const MAX_WHAT = 10;

/** Adds notices (the newest last; one per item, reason and set; at most MAX_NOTICES). */
export function addNotices(
  list: readonly StorageNotice[],
  added: readonly StorageNotice[],
): StorageNotice[] {
  const key = (n: StorageNotice) => `${n.item}|${n.reason}|${n.set ?? ''}|${n.whole}`;
  const fresh = new Set(added.map(key));
  return [...list.filter((n) => !fresh.has(key(n))), ...added].slice(-MAX_NOTICES);
}

/** Whatever is stored as notices, as a valid list (entries not well formed are dropped). */
export function sanitizeNotices(raw: unknown): StorageNotice[] {
  if (!Array.isArray(raw)) return [];
  return raw.filter(isNotice).slice(-MAX_NOTICES);
}

function isNotice(v: unknown): v is StorageNotice {
  if (!v || typeof v !== 'object') return false;
  const n = v as Record<string, unknown>;
  return (
    (STORED_ITEMS as readonly unknown[]).includes(n.item) &&
    (n.reason === 'corrupt' || n.reason === 'newer') &&
    typeof n.whole === 'boolean' &&
    typeof n.count === 'number' &&
    Number.isInteger(n.count) &&
    n.count >= 0 &&
    Array.isArray(n.what) &&
    n.what.length <= MAX_WHAT &&
    n.what.every((w) => typeof w === 'string') &&
    (n.set === undefined || typeof n.set === 'string') &&
    typeof n.at === 'string'
  );
}

/** Clips the list of what was reset to what a notice shows. */
export function clipWhat(names: readonly string[]): string[] {
  return names.slice(0, MAX_WHAT).map((s) => (s.length > 60 ? `${s.slice(0, 59)}…` : s));
}
