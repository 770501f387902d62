import type { Verdict } from './types';

/** Labels and short glyphs shown for each verdict (cards, markers, popup). */
export const VERDICT_LABELS: Record<Verdict, string> = {
  accurate: 'Accurate',
  'mostly-accurate': 'Mostly accurate',
  'needs-context': 'Needs context',
  misleading: 'Misleading',
  false: 'False',
  unproven: 'Unproven',
};

export const VERDICT_GLYPHS: Record<Verdict, string> = {
  accurate: '✓',
  'mostly-accurate': '✓',
  'needs-context': '!',
  misleading: '!',
  false: '✕',
  unproven: '?',
};
