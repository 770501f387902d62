/**
 * The matcher: the matching core's public API in one import (pure: no DOM, no extension
 * APIs, no network). Each entry lives in its own file, named after it.
 *
 *   buildIndex(claims) -> ClaimIndex          once per claim set (build time)
 *   serializeIndex / loadIndex                 one binary payload, versioned (index-format.ts)
 *   rankQuery(index, query)                    claims for one query, best first
 *   matchSentences(index, sentences, ctx)      the marks for one document
 */
import type { ClaimIndexCore } from './index-core';

/** Opaque to callers; `size` is the number of claims. */
export type ClaimIndex = ClaimIndexCore;

export { buildIndex } from './build-index';
export { serializeIndex } from './serialize-index';
export type { SerializedIndex } from './index-format';
export { loadIndex } from './load-index';
export { rankQuery } from './rank-query';
export { matchSentences } from './match-sentences';
export { INDEX_FORMAT, INDEX_VERSION } from './index-core';
