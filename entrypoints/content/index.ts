import { defineContentScript } from 'wxt/utils/define-content-script';
import css from '../../components/overlay.css?inline';
import { Annotator, type MatchFn } from '../../dom/annotator';
import type { MarkFilter } from '../../dom/marks';
import { pageDate } from '../../dom/page-meta';
import { mark, TIMING } from '../../dom/timing';
import { isActiveOn, type Settings } from '../../lib/settings';
import { readSettings, watchSettings } from '../../utils/settings';
import { importedSetsItem } from '../../utils/imported-sets';
import { claimSetsChanged } from '../../utils/feed-config';
import { Msg, type MatchReply, type ToTab } from '../../utils/messages';
import { answer, sendToBackground } from '../../utils/messaging';

/**
 * Content script: thin wiring. Reads settings, starts or stops the Annotator, answers the
 * popup. Page text goes only to Factmark's own background (which holds the claim index);
 * nothing leaves the machine.
 *
 * Test URLs: the bundled demo article (npm run demo);
 * https://www.aljazeera.com/news/2025/11/21/white-house-defends-us-backed-peace-plan-for-russia-ukraine
 */
/** Which marks the settings show (none before they are read). */
function filterOf(settings: Settings | null): MarkFilter {
  return { strictness: settings?.strictness ?? 'balanced', verdicts: settings?.verdicts ?? [] };
}

export default defineContentScript({
  matches: ['http://*/*', 'https://*/*'],
  runAt: 'document_idle',
  main(ctx) {
    mark(TIMING.start);
    let annotator: Annotator | null = null;
    let settings: Settings | null = null;
    const host = location.hostname;

    const report = () => {
      const count = annotator ? annotator.claims.length : 0;
      sendToBackground({ type: Msg.CS_BG_COUNT, count }).catch(() => {});
    };

    // Read once per start: the page's metadata does not change while we annotate it.
    let date: string | undefined;
    const match: MatchFn = async (sentences, strictnesses): Promise<MatchReply> => {
      const reply = await sendToBackground({
        type: Msg.CS_BG_MATCH,
        sentences,
        strictnesses,
        date,
      });
      return reply ?? { matches: [], shownAt: [], claims: {} };
    };

    const stop = () => {
      annotator?.destroy();
      annotator = null;
      report();
    };

    const start = async () => {
      date = pageDate(document);
      const a = new Annotator(document, {
        match,
        css,
        pageDate: date,
        filter: filterOf(settings),
        onChange: report,
        signal: ctx.signal,
      });
      annotator = a;
      try {
        await a.scanAll();
        if (annotator === a) a.observe();
      } catch (err) {
        // Never break the page: log and leave it as it was.
        console.warn('Factmark: could not annotate this page:', err);
        if (annotator === a) stop();
      }
    };

    const apply = async (next: Settings) => {
      const prev = settings;
      settings = next;
      const active = isActiveOn(next, host);
      if (!prev || isActiveOn(prev, host) !== active) {
        stop();
        if (active) await start();
      } else if (
        prev.strictness !== next.strictness ||
        prev.verdicts.join() !== next.verdicts.join()
      ) {
        // The marks of every strictness and verdict are already found: show the others.
        annotator?.show(filterOf(next));
      }
    };

    answer<ToTab>({
      [Msg.POPUP_CS_STATE]: () => ({
        host,
        active: settings ? isActiveOn(settings, host) : false,
        claims: annotator?.claims ?? [],
      }),
      [Msg.POPUP_CS_REVEAL]: (msg) =>
        typeof msg.claim === 'string' && (annotator?.reveal(msg.claim) ?? false),
    });

    const unwatch = watchSettings((s) => void apply(s));
    // A claim set imported, switched or removed in the popup: match the page again.
    const rematch = () => {
      if (!settings || !isActiveOn(settings, host)) return;
      stop();
      void start();
    };
    const unwatchSets = importedSetsItem.watch(rematch);
    // A subscribed feed's new version is compiled and matchable (utils/background-feeds.ts).
    const unwatchFeeds = claimSetsChanged.watch(rematch);
    ctx.onInvalidated(() => {
      unwatch();
      unwatchSets();
      unwatchFeeds();
      annotator?.destroy();
    });
    // Single-page sites change route without a reload: the observer sees the new text.
    void readSettings().then((s) => {
      mark(TIMING.settings);
      return apply(s);
    });
  },
});
