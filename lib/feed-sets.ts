/**
 * The subscribed feeds' claim sets in the background's matching service (lib/stored-sets.ts):
 * a feed with a last good version is listed, and compiled again only when that version
 * changed. Pure: the caller passes in how to read the stored feeds.
 */
import { StoredSets } from './stored-sets';
import type { FeedState } from './feeds/feed-state';
import type { ClaimRecord } from './types';

export interface FeedSource {
  list: () => Promise<FeedState[]>;
  records: (id: string) => Promise<ClaimRecord[] | null>;
}

export class FeedSets extends StoredSets {
  constructor(source: FeedSource, onReady: () => void = () => {}) {
    super(
      {
        list: async () =>
          (await source.list()).flatMap((s) =>
            s.lastSuccess && s.count > 0
              ? [
                  {
                    id: s.id,
                    name: s.name,
                    enabled: s.enabled,
                    date: s.lastSuccess.slice(0, 10),
                    kind: 'feed' as const,
                    stamp: `${s.lastSuccess}:${s.count}`,
                  },
                ]
              : [],
          ),
        records: (id) => source.records(id),
      },
      onReady,
      'feeds',
    );
  }
}
