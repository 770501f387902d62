/** What converters report for an item they left out, instead of failing the whole feed. */
import type { ClaimError } from './claim-error';

export interface Skipped {
  /** Which item: "line 12", "item 3", "dataFeedElement[0].item[1]". */
  record: string;
  /** The record's id, when it got that far. */
  id?: string;
  reason: string;
}

export interface ConvertResult<T> {
  records: T[];
  skipped: Skipped[];
}

/** Validation errors of one converted item as one skip reason (file and record already known). */
export function skippedFromErrors(record: string, errors: readonly ClaimError[]): Skipped {
  const reason = errors
    .map((e) => (e.field !== '' ? `${e.field}: ${e.message}` : e.message))
    .join('; ');
  const id = errors[0]?.id;
  return id !== undefined ? { record, id, reason } : { record, reason };
}
