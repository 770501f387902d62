import type { Source } from '../lib/types';
import { localDate, t } from '../utils/i18n';
import { safeHttpsUrl } from '../lib/safe-https-url';

/** The fact check's sources: publisher, title (a link only when it is https), date. */
export function SourceList({ sources }: { sources: Source[] }) {
  return (
    <ul class="fm-sources" aria-label={t('sources')}>
      {sources.map((s, i) => {
        const href = safeHttpsUrl(s.url);
        return (
          <li key={i}>
            <span class="fm-publisher">{s.publisher}</span>
            {href ? (
              <a href={href} target="_blank" rel="noopener noreferrer">
                {s.title}
              </a>
            ) : (
              <span>{s.title}</span>
            )}
            {s.date ? <time dateTime={s.date}>{localDate(s.date)}</time> : null}
          </li>
        );
      })}
    </ul>
  );
}
