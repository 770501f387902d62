import type { Verdict } from './types';

/** Short glyphs shown for each verdict (markers, cards, popup); the names are in _locales. */
export const VERDICT_GLYPHS: Record<Verdict, string> = {
  accurate: '✓',
  'mostly-accurate': '✓',
  'needs-context': '!',
  misleading: '!',
  false: '✕',
  unproven: '?',
};
