import { cleanup, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, test } from 'vitest';
import { ClaimSetPanel, type ClaimSetActions } from '../../components/ClaimSetPanel';
import { ClaimSetsSection } from '../../components/options/ClaimSetsSection';
import type { OptionsContext } from '../../components/options/types';
import type { SetInfo } from '../../lib/matching-service';
import { DEFAULT_SETTINGS } from '../../lib/settings';

const BUNDLED: SetInfo = {
  id: 'bundled',
  name: 'Factmark bundled claims',
  count: 27754,
  date: '2026-11-25',
  enabled: true,
  builtin: true,
  kind: 'bundled',
  summary: {
    publishers: ['PolitiFact', 'Snopes'],
    otherPublishers: 2,
    attributions: ['PolitiFact fact check, via the CLEF CheckThat! 2021 Task 2B dataset.'],
    from: '1995-01-01',
    to: '2026-11-25',
  },
};
const actions = {} as ClaimSetActions;
const ctx: OptionsContext = {
  settings: DEFAULT_SETTINGS,
  onSettings: () => {},
  sets: [BUNDLED],
  setActions: actions,
  hidden: [],
  onRestore: () => {},
  shortcuts: [],
  onEditShortcuts: () => {},
  semanticFailure: null,
};
const count = (text: string, what: string) => text.split(what).length - 1;

afterEach(cleanup);

describe('the bundled set, as the reader sees it', () => {
  test('the options page names it once, with its size, date, publishers and licence', () => {
    const { container } = render(<ClaimSetsSection {...ctx} />);
    const text = container.textContent ?? '';
    expect(count(text, 'Factmark bundled claims')).toBe(1);
    expect(screen.getByTestId('bundled-sets').textContent).toMatch(
      /^Factmark bundled claims · 27,754 claims, .*2026.*Bundled, always on.*PolitiFact.*Snopes/,
    );
    expect(screen.getAllByTestId('set-summary')).toHaveLength(1);
    expect(count(text, 'CheckThat! 2021 Task 2B')).toBe(1);
    expect(screen.queryByTestId('bundled-set')).toBeNull();
  });

  test('the popup says it in the words of the messages file (no hard-coded English)', () => {
    render(<ClaimSetPanel sets={[BUNDLED]} actions={actions} />);
    const line = screen.getByTestId('bundled-set').textContent ?? '';
    expect(line).toMatch(/^Factmark bundled claims · 27,754 claims, .*2026 · Bundled, always on/);
    expect(line).not.toContain('(bundled)');
  });
});
