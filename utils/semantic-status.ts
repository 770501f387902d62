/**
 * The semantic pass's last failure (lib/semantic/failure.ts), kept in `storage.local` under
 * "semanticFailure" until the model answers again; the options page shows it.
 */
import { storage } from '@wxt-dev/storage';
import { sanitizeFailure, type SemanticFailure } from '../lib/semantic/failure';

const KEY = 'local:semanticFailure';

export async function saveSemanticFailure(f: SemanticFailure | null): Promise<void> {
  if (f) await storage.setItem(KEY, f);
  else await storage.removeItem(KEY);
}

export async function readSemanticFailure(): Promise<SemanticFailure | null> {
  try {
    return sanitizeFailure(await storage.getItem<unknown>(KEY));
  } catch {
    return null;
  }
}

export function watchSemanticFailure(cb: (f: SemanticFailure | null) => void): () => void {
  return storage.watch<unknown>(KEY, (raw) => cb(sanitizeFailure(raw)));
}
