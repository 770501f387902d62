import { cleanup, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, test } from 'vitest';
import { PageClaims } from '../../components/popup/PageClaims';
import type { PageClaim, PageState } from '../../utils/messages';

const claim = (i: number): PageClaim => ({
  id: `c${i}`,
  claim: `Checked claim number ${i}`,
  verdict: 'false',
  count: 1,
});
const state = (n: number): PageState => ({
  host: 'news.example',
  active: true,
  claims: Array.from({ length: n }, (_, i) => claim(i + 1)),
});
const show = (page: PageState | null, active = true) =>
  render(<PageClaims page={page} unreachable={false} active={active} onReveal={() => {}} />);

afterEach(cleanup);

describe('"On this page" in the popup', () => {
  test('the heading counts the claims, so a list that scrolls says how many it holds', () => {
    show(state(6));
    expect(screen.getByRole('heading').textContent).toBe('On this page · 6 claims');
    expect(screen.getAllByRole('button')).toHaveLength(6);
  });

  test('one claim is counted in the singular', () => {
    show(state(1));
    expect(screen.getByRole('heading').textContent).toBe('On this page · 1 claim');
  });

  test('no count while there is nothing to count: no claims, still reading, or off here', () => {
    show(state(0));
    expect(screen.getByRole('heading').textContent).toBe('On this page');
    cleanup();
    show(null);
    expect(screen.queryByTestId('page-claims-count')).toBeNull();
    cleanup();
    show(state(3), false);
    expect(screen.queryByTestId('page-claims-count')).toBeNull();
  });
});
