import { useState } from 'preact/hooks';
import { parseClaimFile } from '../lib/claims/import';
import { formatError } from '../lib/claims/claim-error';
import { formatDate } from '../lib/format';
import type { ClaimRecord } from '../lib/types';
import type { SetInfo } from '../lib/matching-service';
import { SetSummaryLine } from './feeds/SetSummaryLine';

interface Preview {
  fileName: string;
  format: string;
  records: ClaimRecord[];
  problems: string[];
  skipped: number;
}

export interface ClaimSetActions {
  /** Stores an import the reader accepted. */
  onImport: (fileName: string, records: ClaimRecord[]) => Promise<void>;
  onEnable: (id: string, enabled: boolean) => Promise<void>;
  onRemove: (id: string) => Promise<void>;
}

/**
 * Claim sets: imported ones (switch, remove) and importing a file, previewed before anything
 * is stored. Presentational: what it does with a set is the caller's (`actions`).
 */
export function ClaimSetPanel({ sets, actions }: { sets: SetInfo[]; actions: ClaimSetActions }) {
  const [preview, setPreview] = useState<Preview | null>(null);
  const [status, setStatus] = useState<string>('');
  // Feeds have their own panel (components/feeds/FeedsPanel.tsx).
  const imported = sets.filter((s) => !s.builtin && s.kind !== 'feed');
  const bundled = sets.find((s) => s.builtin);

  const onFile = async (file: File | undefined) => {
    setStatus('');
    if (!file) return;
    if (file.size > 20_000_000) {
      setPreview({
        fileName: file.name,
        format: '?',
        records: [],
        problems: [`${file.name}: larger than 20 MB`],
        skipped: 0,
      });
      return;
    }
    const text = await file.text();
    try {
      const r = parseClaimFile(text, file.name);
      setPreview({
        fileName: file.name,
        format: r.format,
        records: r.records,
        problems: [...r.errors.map(formatError), ...r.skipped.map(describeSkipped)],
        skipped: r.skipped.length + r.errors.length,
      });
    } catch (err) {
      setPreview({
        fileName: file.name,
        format: '?',
        records: [],
        problems: [String((err as Error).message ?? err)],
        skipped: 0,
      });
    }
  };

  return (
    <section aria-labelledby="fm-sets-h" class="fm-section">
      <h2 id="fm-sets-h">Claim sets</h2>
      {bundled ? (
        <p class="fm-set-bundled" data-testid="bundled-set">
          <span>
            {bundled.name} (bundled) · {bundled.count.toLocaleString('en')} claims
          </span>
          <SetSummaryLine summary={bundled.summary} now={new Date()} />
        </p>
      ) : null}
      {imported.length > 0 ? (
        <ul class="fm-sets" data-testid="imported-sets">
          {imported.map((s) => (
            <li key={s.id}>
              <label class="fm-switch">
                <input
                  type="checkbox"
                  role="switch"
                  checked={s.enabled}
                  onChange={(e) => void actions.onEnable(s.id, e.currentTarget.checked)}
                />
                <span>
                  {s.name} · {s.count} claims · {formatDate(s.date)}
                </span>
              </label>
              <SetSummaryLine summary={s.summary} now={new Date()} />
              <button
                type="button"
                class="fm-link-btn"
                aria-label={`Remove ${s.name}`}
                onClick={() => void actions.onRemove(s.id)}
              >
                Remove
              </button>
            </li>
          ))}
        </ul>
      ) : null}
      <label class="fm-file">
        <span>Import fact checks (ClaimReview JSON-LD or Factmark JSONL)</span>
        <input
          type="file"
          data-testid="import-file"
          accept=".json,.jsonld,.jsonl,application/json,application/ld+json"
          onChange={(e) => void onFile(e.currentTarget.files?.[0])}
        />
      </label>
      {preview ? (
        <div
          class="fm-preview"
          role="region"
          aria-label="Import preview"
          data-testid="import-preview"
        >
          <p>
            <strong>{preview.fileName}</strong>: {preview.records.length} claim
            {preview.records.length === 1 ? '' : 's'} found
            {preview.format !== '?' ? ` (${preview.format})` : ''}
            {preview.skipped > 0 ? `, ${preview.skipped} with errors` : ''}.
          </p>
          {preview.problems.length > 0 ? (
            <ul class="fm-errors" data-testid="import-errors">
              {preview.problems.slice(0, 20).map((p, i) => (
                <li key={i}>{p}</li>
              ))}
              {preview.problems.length > 20 ? (
                <li>…and {preview.problems.length - 20} more</li>
              ) : null}
            </ul>
          ) : null}
          <div class="fm-actions">
            <button
              type="button"
              data-testid="import-accept"
              disabled={preview.records.length === 0}
              onClick={async () => {
                await actions.onImport(preview.fileName, preview.records);
                setPreview(null);
                setStatus(`Imported ${preview.records.length} claims from ${preview.fileName}.`);
              }}
            >
              Import {preview.records.length} claims
            </button>
            <button type="button" class="fm-link-btn" onClick={() => setPreview(null)}>
              Cancel
            </button>
          </div>
        </div>
      ) : null}
      <p role="status" class="fm-muted" data-testid="import-status">
        {status}
      </p>
    </section>
  );
}

function describeSkipped(s: { record: string; reason: string }): string {
  return `${s.record}: ${s.reason}`;
}
