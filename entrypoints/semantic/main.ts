import { Msg, type ToOffscreen } from '../../utils/messages';
import { answer } from '../../utils/messaging';
import { startSemanticWorker } from '../../utils/semantic-host';
import { errorMessage } from '../../lib/error-message';

/**
 * Chromium's offscreen document for the semantic channel: an MV3 service worker cannot start
 * a dedicated worker, so this page (created by utils/semantic-host.ts, reason WORKERS) starts
 * the model's worker and relays the background's requests to it. It shows nothing.
 */
const client = startSemanticWorker();
answer<ToOffscreen>({
  [Msg.BG_OFFSCREEN_COSINES]: async (msg) => {
    try {
      return { close: await client.closeness(msg.items) };
    } catch (err) {
      return { error: errorMessage(err) };
    }
  },
});
