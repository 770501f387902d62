import { VERDICTS, type Verdict } from './types';

/**
 * The one verdict palette. Every stylesheet's verdict colours are generated from it: the
 * page's highlights (dom/paint.ts), the overlay's markers and card (components/overlay.css
 * gets `verdictVariables('.fm-layer', '--fm-')` before it), and the popup
 * (`verdictVariables(':root', '--')`). Light colours pass WCAG AA on white, dark ones on the
 * dark card background.
 */
export const VERDICT_COLORS: Record<Verdict, { light: string; dark: string }> = {
  accurate: { light: '#1a7f37', dark: '#4ac26b' },
  'mostly-accurate': { light: '#267d5e', dark: '#5cc9a0' },
  'needs-context': { light: '#9a6700', dark: '#e3b341' },
  misleading: { light: '#bc4c00', dark: '#f0883e' },
  false: { light: '#cf222e', dark: '#ff7b72' },
  unproven: { light: '#6e7781', dark: '#9ea7b3' },
};

/**
 * CSS that defines, on `scope`, one variable per verdict (`<prefix><verdict>`, light and
 * dark) and, on each `.fm-v-<verdict>` element, `<prefix>v` as that verdict's colour.
 */
export function verdictVariables(scope: string, prefix: string): string {
  const vars = (tone: 'light' | 'dark') =>
    VERDICTS.map((v) => `${prefix}${v}:${VERDICT_COLORS[v][tone]};`).join('');
  return [
    `${scope}{${vars('light')}}`,
    `@media (prefers-color-scheme: dark){${scope}{${vars('dark')}}}`,
    ...VERDICTS.map((v) => `.fm-v-${v}{${prefix}v:var(${prefix}${v})}`),
  ].join('\n');
}
