import type { Settings } from '../../lib/settings';
import type { HiddenEntry } from '../../lib/hidden';
import type { SetInfo } from '../../lib/matching-service';
import type { ClaimSetActions } from '../ClaimSetPanel';
import type { SemanticFailure } from '../../lib/semantic/failure';

/**
 * What every section of the options page is given (entrypoints/options/App.tsx wires it):
 * the settings, the claim sets, the hidden marks and what to do with them. Presentational
 * sections read these and call back; none touches storage itself.
 */
export interface OptionsContext {
  settings: Settings;
  onSettings: (next: Settings) => void;
  sets: SetInfo[];
  setActions: ClaimSetActions;
  hidden: HiddenEntry[];
  onRestore: (entry: HiddenEntry) => void;
  shortcuts: Shortcut[];
  onEditShortcuts: () => void;
  /** The semantic pass's last failure, until the model answers again (null: none). */
  semanticFailure: SemanticFailure | null;
}

export interface Shortcut {
  name: string;
  description: string;
  /** The keys set in the browser ('' when none is set). */
  keys: string;
}

/** One section of the options page: its anchor, heading and body. */
export interface OptionsSection {
  id: string;
  title: string;
  render: (ctx: OptionsContext) => preact.ComponentChildren;
}
