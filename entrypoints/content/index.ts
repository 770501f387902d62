import { defineContentScript } from 'wxt/utils/define-content-script';
import css from '../../components/overlay.css?inline';
import { Annotator } from '../../dom/annotator';
import { batchedMatch } from '../../lib/batched-match';
import type { Mark, MarkFilter } from '../../dom/marks';
import { entryFor, isHidden, type HiddenEntry, type HideKind } from '../../lib/hidden';
import { hide, readHidden, unhide, watchHidden } from '../../utils/hidden';
import { t } from '../../utils/i18n';
import { pageDate } from '../../dom/page-meta';
import { LookupView } from '../../dom/lookup-panel';
import { Announcer } from '../../dom/announcer';
import { mark, TIMING } from '../../dom/timing';
import { isActiveOn, type Settings } from '../../lib/settings';
import { readSettings, watchSettings } from '../../utils/settings';
import { watchSetChanges } from '../../utils/set-changes';
import { Msg, type ToTab } from '../../utils/messages';
import { answer, sendToBackground } from '../../utils/messaging';
import { relayOpenPopup } from '../../utils/e2e-open-popup';

/**
 * Content script: thin wiring. Reads settings, starts or stops the Annotator, answers the
 * popup. Page text goes only to Factmark's own background (which holds the claim index);
 * nothing leaves the machine.
 *
 * Test URLs: the bundled demo article (npm run demo);
 * https://www.aljazeera.com/news/2025/11/21/white-house-defends-us-backed-peace-plan-for-russia-ukraine
 */
/** Where a mark is, for the hidden list. */
function placeOf(m: Mark) {
  return {
    claim: m.claim.id,
    site: location.hostname,
    page: location.href,
    text: m.range.toString(),
  };
}

/** Which marks the settings show (none before they are read), less those the reader hid. */
function filterOf(settings: Settings | null, hidden: readonly HiddenEntry[]): MarkFilter {
  return {
    strictness: settings?.strictness ?? 'balanced',
    verdicts: settings?.verdicts ?? [],
    hidden: hidden.length > 0 ? (m) => isHidden(hidden, placeOf(m)) : undefined,
  };
}

export default defineContentScript({
  matches: ['http://*/*', 'https://*/*'],
  runAt: 'document_idle',
  // WXT's start-up signal to an older copy of this script goes by a DOM event only, not also
  // by window.postMessage (the message names the extension's id). Chromium records where a
  // postMessage was sent from and re-parsed this whole script for its source positions on
  // every page: DOMWindow::DoPostMessage -> V8.CollectSourcePositions, 14-17 ms in a trace;
  // bench/ab.ts, 24 news pages: added script 16.3 -> 8.1 ms with the option.
  noScriptStartedPostMessage: true,
  main(ctx) {
    mark(TIMING.start);
    let annotator: Annotator | null = null;
    let settings: Settings | null = null;
    let hidden: HiddenEntry[] = [];
    // Screen readers hear the count once per page, then only the effect of a setting change.
    const announcer = new Announcer(document);
    let announce: 'count' | 'setting' | null = 'count';
    const count = () => annotator?.claims.length ?? 0;
    const host = location.hostname;

    const report = () => {
      const count = annotator ? annotator.claims.length : 0;
      sendToBackground({ type: Msg.CS_BG_COUNT, count }).catch(() => {});
    };

    // Read once per start: the page's metadata does not change while we annotate it.
    let date: string | undefined;
    // A batch's text goes to the background once (lib/batched-match.ts).
    const match = batchedMatch(
      (q) => sendToBackground({ type: Msg.CS_BG_MATCH, ...q }),
      () => date,
    );

    /** "Not this claim": store the entry (the watch below re-filters), offer an undo. */
    const onHide = (m: Mark, kind: HideKind) => {
      const entry = entryFor(
        kind,
        placeOf(m),
        m.claim.claim,
        new Date().toISOString().slice(0, 10),
      );
      const a = annotator;
      void hide(entry).then(() =>
        a?.notify({
          text: kind === 'match' ? t('hiddenToastMatch') : t('hiddenToastClaim', entry.site),
          undo: () => void unhide(entry),
          focus: true,
        }),
      );
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
        filter: filterOf(settings, hidden),
        quiet: settings?.quiet ?? false,
        semantic: settings?.semantic ?? false,
        onChange: report,
        onHide,
        signal: ctx.signal,
      });
      annotator = a;
      try {
        await a.scanAll();
        if (annotator === a) a.observe();
        if (annotator === a && announce && (announce === 'setting' || count() > 0))
          announcer.say(t('liveCount', count()));
        announce = null;
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
      // "Find restatements" switched: read the page again, with or without the semantic pass.
      const reread = !!prev && active && prev.semantic !== next.semantic;
      if (!prev || isActiveOn(prev, host) !== active || reread) {
        stop();
        if (prev) {
          announce = active ? 'setting' : null;
          if (!active) announcer.say(t('liveOff'));
        }
        if (active) await start();
      } else {
        if (prev.strictness !== next.strictness || prev.verdicts.join() !== next.verdicts.join()) {
          // The marks of every strictness and verdict are already found: show the others.
          annotator?.show(filterOf(next, hidden));
          if (annotator) announcer.say(t('liveCount', count()));
        }
        if (prev.quiet !== next.quiet && annotator) {
          annotator.setQuiet(next.quiet);
          announcer.say(t(next.quiet ? 'liveQuietOn' : 'liveQuietOff', count()));
        }
      }
    };

    answer<ToTab>({
      [Msg.POPUP_CS_STATE]: () => ({
        host,
        active: settings ? isActiveOn(settings, host) : false,
        claims: annotator?.claims ?? [],
        stoppedAt: annotator?.stoppedAt() ?? undefined,
      }),
      [Msg.POPUP_CS_REVEAL]: (msg) =>
        typeof msg.claim === 'string' && (annotator?.reveal(msg.claim) ?? false),
      [Msg.BG_CS_STEP]: (msg) => annotator?.step(msg.dir === -1 ? -1 : 1) ?? null,
      [Msg.BG_CS_LOOKUP]: (msg) => {
        if (typeof msg.text === 'string' && Array.isArray(msg.hits))
          lookup.show(msg.text, msg.hits);
      },
    });

    // "Check with Factmark" on a selection: shown even where Factmark is off (asked for).
    const lookup = new LookupView(document, css);
    const unwatch = watchSettings((s) => void apply(s));
    // A mark hidden or restored (here, in another tab or in the options page): re-filter.
    const unwatchHidden = watchHidden((list) => {
      hidden = list;
      annotator?.show(filterOf(settings, hidden));
    });
    // A claim set imported, switched or removed in the popup, or a subscribed feed's new
    // version, compiled and matchable in the background (the counter: utils/set-changes.ts):
    // match the page again.
    const rematch = () => {
      if (!settings || !isActiveOn(settings, host)) return;
      stop();
      void start();
    };
    const unwatchSets = watchSetChanges(rematch);
    ctx.onInvalidated(() => {
      unwatch();
      unwatchHidden();
      unwatchSets();
      lookup.close();
      announcer.destroy();
      annotator?.destroy();
    });
    // The e2e build only: the Firefox tests open the popup through the page.
    if (import.meta.env.MODE === 'e2e') relayOpenPopup(window);
    // Single-page sites change route without a reload: the observer sees the new text.
    void Promise.all([readSettings(), readHidden()]).then(([s, h]) => {
      mark(TIMING.settings);
      hidden = h;
      return apply(s);
    });
  },
});
