import { render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, test } from 'vitest';
import { cleanup } from '@testing-library/preact';
import { DisplaySection } from '../../components/options/DisplaySection';
import type { OptionsContext } from '../../components/options/types';
import { DEFAULT_SETTINGS } from '../../lib/settings';

const ctx = (over: Partial<OptionsContext>): OptionsContext => ({
  settings: DEFAULT_SETTINGS,
  onSettings: () => {},
  sets: [],
  setActions: {} as OptionsContext['setActions'],
  hidden: [],
  onRestore: () => {},
  shortcuts: [],
  onEditShortcuts: () => {},
  semanticFailure: null,
  ...over,
});
const failure = { error: 'the offscreen document did not answer', at: '2026-12-06T21:40:00.000Z' };

afterEach(cleanup);

describe('"Find restatements" in the options page', () => {
  test("tells the reader, under the switch, that the model's last try failed and why", () => {
    render(
      <DisplaySection
        {...ctx({ settings: { ...DEFAULT_SETTINGS, semantic: true }, semanticFailure: failure })}
      />,
    );
    const status = screen.getByTestId('semantic-failed');
    expect(status.getAttribute('role')).toBe('status');
    expect(status.textContent).toMatch(
      /^Restatements could not be looked for on the last try \(.*2026.*\): the offscreen document did not answer\. Pages keep their other marks/,
    );
  });

  test('says nothing of a failure while the option is off, or when there is none', () => {
    render(<DisplaySection {...ctx({ semanticFailure: failure })} />);
    expect(screen.queryByTestId('semantic-failed')).toBeNull();
    cleanup();
    render(<DisplaySection {...ctx({ settings: { ...DEFAULT_SETTINGS, semantic: true } })} />);
    expect(screen.queryByTestId('semantic-failed')).toBeNull();
    expect(screen.getByTestId('toggle-semantic')).toBeTruthy();
  });
});
