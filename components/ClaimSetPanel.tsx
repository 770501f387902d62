import { useState } from 'preact/hooks';
import { parseClaimFile } from '../lib/claims/import';
import { formatError } from '../lib/claims/claim-error';
import { localDate, localNumber, t, tn, verdictLabel } from '../utils/i18n';
import { VERDICTS } from '../lib/types';
import type { ClaimRecord } from '../lib/types';
import type { SetInfo } from '../lib/matching-service';
import { SetSummaryLine } from './feeds/SetSummaryLine';
import { errorMessage } from '../lib/error-message';

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
export function ClaimSetPanel({
  sets,
  actions,
  headless = false,
}: {
  sets: SetInfo[];
  actions: ClaimSetActions;
  /**
   * Without its own section and heading, nor the bundled set's line: the options page gives
   * it both (components/options/ClaimSetsSection.tsx).
   */
  headless?: boolean;
}) {
  const [preview, setPreview] = useState<Preview | null>(null);
  const [status, setStatus] = useState<string>('');
  // A write that fails (quota) changed nothing: say so, and keep the preview to try again.
  const run = (p: Promise<void>, done?: () => void) =>
    p.then(done, (err: unknown) => setStatus(t('saveFailed', errorMessage(err))));
  /** The set whose removal is being confirmed. */
  const [confirming, setConfirming] = useState<string | null>(null);
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
        problems: [t('importTooLarge', file.name)],
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

  const body = (
    <>
      {bundled && !headless ? (
        <p class="fm-set-bundled" data-testid="bundled-set">
          <span>
            {bundled.name} · {tn('setSummary', bundled.count, localDate(bundled.date))} ·{' '}
            {t('setBundled')}
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
                  onChange={(e) => void run(actions.onEnable(s.id, e.currentTarget.checked))}
                />
                <span>
                  {s.name} · {tn('setSummary', s.count, localDate(s.date))}
                </span>
              </label>
              <SetSummaryLine summary={s.summary} now={new Date()} />
              {confirming === s.id ? (
                <span class="fm-confirm" role="group" aria-label={t('removeSetLabel', s.name)}>
                  <span>{t('removeConfirm')}</span>
                  <button
                    type="button"
                    class="fm-link-btn fm-danger"
                    data-testid="remove-confirm"
                    onClick={() => {
                      setConfirming(null);
                      void run(actions.onRemove(s.id));
                    }}
                  >
                    {t('remove')}
                  </button>
                  <button type="button" class="fm-link-btn" onClick={() => setConfirming(null)}>
                    {t('keep')}
                  </button>
                </span>
              ) : (
                <button
                  type="button"
                  class="fm-link-btn"
                  aria-label={t('removeSetLabel', s.name)}
                  onClick={() => setConfirming(s.id)}
                >
                  {t('remove')}
                </button>
              )}
            </li>
          ))}
        </ul>
      ) : null}
      <label class="fm-file">
        <span>{t('importLabel')}</span>
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
          aria-label={t('importPreview')}
          data-testid="import-preview"
        >
          <p>
            <strong>{preview.fileName}</strong>: {tn('importFound', preview.records.length)}
            {preview.format !== '?' ? ` (${preview.format})` : ''}
            {preview.skipped > 0 ? `, ${tn('importWithErrors', preview.skipped)}` : ''}.
          </p>
          {preview.records.length > 0 ? <VerdictBreakdown records={preview.records} /> : null}
          {preview.problems.length > 0 ? (
            <ul class="fm-errors" data-testid="import-errors">
              {preview.problems.slice(0, 20).map((p, i) => (
                <li key={i}>{p}</li>
              ))}
              {preview.problems.length > 20 ? (
                <li>{tn('importMore', preview.problems.length - 20)}</li>
              ) : null}
            </ul>
          ) : null}
          <div class="fm-actions">
            <button
              type="button"
              data-testid="import-accept"
              disabled={preview.records.length === 0}
              onClick={async () => {
                await run(actions.onImport(preview.fileName, preview.records), () => {
                  setPreview(null);
                  setStatus(tn('importDone', preview.records.length, preview.fileName));
                });
              }}
            >
              {tn('importAccept', preview.records.length)}
            </button>
            <button type="button" class="fm-link-btn" onClick={() => setPreview(null)}>
              {t('cancel')}
            </button>
          </div>
        </div>
      ) : null}
      <p role="status" class="fm-muted" data-testid="import-status">
        {status}
      </p>
    </>
  );
  if (headless) return body;
  return (
    <section aria-labelledby="fm-sets-h" class="fm-section">
      <h2 id="fm-sets-h">{t('optClaimSets')}</h2>
      {body}
    </section>
  );
}

/** How many of the claims to import have each verdict. */
function VerdictBreakdown({ records }: { records: ClaimRecord[] }) {
  const counts = VERDICTS.map((v) => [v, records.filter((r) => r.verdict === v).length] as const);
  return (
    <ul class="fm-breakdown" data-testid="import-breakdown" aria-label={t('importBreakdown')}>
      {counts
        .filter(([, n]) => n > 0)
        .map(([v, n]) => (
          <li key={v} class={`fm-v-${v}`}>
            <span class="fm-dot" aria-hidden="true" />
            {verdictLabel(v)}: {localNumber(n)}
          </li>
        ))}
    </ul>
  );
}

function describeSkipped(s: { record: string; reason: string }): string {
  return `${s.record}: ${s.reason}`;
}
