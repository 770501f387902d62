/** @vitest-environment happy-dom */
import { afterEach, describe, expect, test, vi } from 'vitest';
import { cleanup, fireEvent, render } from '@testing-library/preact';
import { NoteCard } from '../../components/NoteCard';
import { whySpans } from '../../lib/highlight';
import type { ClaimRecord } from '../../lib/types';

const claim: ClaimRecord = {
  id: 'test-claim',
  claim: 'Russia annexed Crimea in 2014.',
  verdict: 'mostly-accurate',
  rating: 'Mostly accurate',
  note: 'Russia annexed Crimea in March 2014; the UN General Assembly called the referendum invalid.',
  sources: [
    {
      publisher: 'Good',
      title: 'A real report',
      url: 'https://example.org/report',
      date: '2014-03-18',
    },
    { publisher: 'Bad', title: 'A hostile link', url: 'javascript:alert(1)', date: '2014-03-19' },
  ],
  reviewed: '2025-11-25',
};

afterEach(cleanup);

describe('NoteCard', () => {
  test('shows verdict, claim, note, sources, review date and why it matched', () => {
    const { getByRole, getByText } = render(
      <NoteCard
        claim={claim}
        evidence={{ terms: ['crimea', 'annexed'], numbers: ['2014'] }}
        shared={whySpans({ terms: ['crimea', 'annexed'], numbers: ['2014'] }, claim.claim, '')}
        now={new Date('2026-11-25T00:00:00Z')}
        autoFocus={false}
        onClose={() => {}}
      />,
    );
    const dialog = getByRole('dialog');
    expect(dialog.getAttribute('aria-labelledby')).toBeTruthy();
    expect(dialog.textContent).toContain('Mostly accurate');
    expect(dialog.textContent).toContain('Russia annexed Crimea in 2014.');
    expect(dialog.textContent).toContain('UN General Assembly');
    expect(dialog.textContent).toContain('Reviewed Nov 25, 2025');
    expect(dialog.textContent).toContain('Checked 1 year ago');
    expect(getByText('2014').tagName).toBe('MARK');
  });

  test("a mark found by meaning says so, with the page's words quoted as they are", () => {
    const quote = 'Moscow took the peninsula that spring and made it its own.';
    const { getByRole } = render(
      <NoteCard
        claim={claim}
        evidence={{ terms: [], numbers: [] }}
        semantic
        quote={quote}
        now={new Date('2026-11-25T00:00:00Z')}
        autoFocus={false}
        onClose={() => {}}
      />,
    );
    const text = getByRole('dialog').textContent ?? '';
    expect(text).toContain('Why this sentence matched:');
    expect(text).toContain('in other words');
    expect(text).not.toContain('it shares');
    expect(getByRole('dialog').querySelector('blockquote')?.textContent).toBe(quote);
  });

  test('a card without a note of its own (the headline) shows the headline once', () => {
    const { container } = render(
      <NoteCard
        claim={{ ...claim, note: '' }}
        evidence={{ terms: [], numbers: [] }}
        now={new Date()}
        autoFocus={false}
        onClose={() => {}}
      />,
    );
    expect(container.querySelector('.fm-note')).toBeNull();
    expect(container.textContent?.split('A real report')).toHaveLength(2);
  });

  test('only https sources become links, opened safely in a new tab', () => {
    const { container } = render(
      <NoteCard
        claim={claim}
        evidence={{ terms: [], numbers: [] }}
        now={new Date()}
        autoFocus={false}
        onClose={() => {}}
      />,
    );
    const links = Array.from(container.querySelectorAll('a'));
    expect(links.map((a) => a.getAttribute('href'))).toEqual(['https://example.org/report']);
    expect(links[0]?.getAttribute('rel')).toBe('noopener noreferrer');
    expect(links[0]?.getAttribute('target')).toBe('_blank');
    expect(container.textContent).toContain('A hostile link');
  });

  test('claim text is shown as text, never parsed as HTML', () => {
    const hostile = { ...claim, claim: '<img src=x onerror=alert(1)>Claim' };
    const { container } = render(
      <NoteCard
        claim={hostile}
        evidence={{ terms: [], numbers: [] }}
        now={new Date()}
        autoFocus={false}
        onClose={() => {}}
      />,
    );
    expect(container.querySelector('img')).toBeNull();
    expect(container.textContent).toContain('<img src=x onerror=alert(1)>Claim');
  });

  test('Escape and the close button close it', () => {
    const onClose = vi.fn();
    const { getByRole, getByLabelText } = render(
      <NoteCard
        claim={claim}
        evidence={{ terms: [], numbers: [] }}
        now={new Date()}
        autoFocus
        onClose={onClose}
      />,
    );
    fireEvent.keyDown(getByRole('dialog'), { key: 'Escape' });
    fireEvent.click(getByLabelText('Close fact check'));
    expect(onClose).toHaveBeenCalledTimes(2);
  });
});
