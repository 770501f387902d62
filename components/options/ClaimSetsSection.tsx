import { localDate, t, tn } from '../../utils/i18n';
import { ClaimSetPanel } from '../ClaimSetPanel';
import { SetSummaryLine } from '../feeds/SetSummaryLine';
import type { OptionsContext } from './types';

/**
 * The bundled set (always on: its name, size, date, publishers and licence, once) and the
 * imported ones, with importing a file.
 */
export function ClaimSetsSection({ sets, setActions }: OptionsContext) {
  const bundled = sets.filter((s) => s.builtin);
  return (
    <>
      <ul class="fm-sets" data-testid="bundled-sets">
        {bundled.map((s) => (
          <li key={s.id}>
            <span>
              <strong>{s.name}</strong> · {tn('setSummary', s.count, localDate(s.date))}
            </span>
            <span class="fm-muted">{t('setBundled')}</span>
            <SetSummaryLine summary={s.summary} now={new Date()} />
          </li>
        ))}
      </ul>
      <ClaimSetPanel sets={sets} actions={setActions} headless />
    </>
  );
}
