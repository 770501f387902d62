import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import * as tf from '@tensorflow/tfjs-core';
import { setThreadsCount, setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
import { SemanticEngine } from '../lib/semantic/engine';
import type { CosineReply, CosineRequest } from '../lib/semantic/protocol';
import { errorMessage } from '../lib/error-message';

/**
 * The semantic channel's model (README "Semantic channel"): a dedicated worker, started by
 * the offscreen document (Chromium) or the background page (Firefox), never on a web page's
 * thread. TF.js runs on its WASM backend with the .wasm files served from the extension
 * (`setWasmPaths`: never a CDN), one thread. Everything it reads is the extension's own:
 * semantic/ (model, vocabulary, claim vectors) and claims/index.bin (to check the vectors
 * follow its rows). It answers CosineRequests (lib/semantic/protocol.ts).
 */
export default defineUnlistedScript(() => {
  const scope = self as unknown as {
    location: Location;
    postMessage(m: CosineReply): void;
    addEventListener(t: 'message', fn: (e: MessageEvent<CosineRequest>) => void): void;
  };
  const url = (path: string) => new URL(path, scope.location.href).href;
  let engine: Promise<SemanticEngine> | undefined;
  const load = async (): Promise<SemanticEngine> => {
    setWasmPaths(url('/semantic/'));
    // The threaded build starts its helpers from blob: URLs, which the extension's policy
    // (script-src 'self') refuses: one thread, SIMD where the CPU has it.
    tf.env().set('WASM_HAS_MULTITHREAD_SUPPORT', false);
    setThreadsCount(1);
    await tf.setBackend('wasm');
    await tf.ready();
    return SemanticEngine.load({
      semantic: (file) => fetch(url(`/semantic/${file}`)),
      indexHash: async () => {
        const bytes = await (await fetch(url('/claims/index.bin'))).arrayBuffer();
        const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', bytes));
        return [...digest].map((b) => b.toString(16).padStart(2, '0')).join('');
      },
    });
  };
  // One request at a time: TF.js on one thread gains nothing from interleaving.
  let queue: Promise<unknown> = Promise.resolve();
  scope.addEventListener('message', (e) => {
    const id = typeof e.data?.id === 'number' ? e.data.id : -1;
    queue = queue.then(async () => {
      try {
        // A model that cannot load is reported with the request, and tried again next time.
        engine ??= load().catch((err: unknown) => {
          engine = undefined;
          throw err;
        });
        const close = await (await engine).closeness(e.data?.items);
        scope.postMessage({ id, close });
      } catch (err) {
        scope.postMessage({ id, error: errorMessage(err) });
      }
    });
  });
});
