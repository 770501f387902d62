import { readFileSync } from 'node:fs';
import { fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, test, vi } from 'vitest';
import { noticeText, StorageNotices } from '../../components/StorageNotices';
import { ClaimSetPanel } from '../../components/ClaimSetPanel';
import type { StorageNotice } from '../../lib/storage-notices';
import uk from '../../public/_locales/uk/messages.json';

const at = '2026-12-02T10:00:00.000Z';
const n = (over: Partial<StorageNotice>): StorageNotice => ({
  item: 'settings',
  reason: 'corrupt',
  whole: false,
  count: 1,
  what: [],
  at,
  ...over,
});

/** The stand-in i18n (tests/dom/setup-i18n.ts) answering from another language's file. */
function speak(lang: string, messages: Record<string, { message: string }>) {
  const chrome = (globalThis as unknown as { chrome: { i18n: Record<string, unknown> } }).chrome;
  const saved = { ...chrome.i18n };
  chrome.i18n.getMessage = (key: string, subs: string[] = []) =>
    messages[key]?.message.replace(/\$([1-9])/g, (_m, i: string) => subs[+i - 1] ?? '') ?? '';
  chrome.i18n.getUILanguage = () => lang;
  return () => Object.assign(chrome.i18n, saved);
}

describe('what was reset, in the reader’s words', () => {
  test.each([
    [
      n({ count: 2, what: ['strictness', 'verdicts'] }),
      'Settings: 2 saved settings could not be read and were reset to their defaults (Matching and Show verdicts). The others are kept.',
    ],
    [
      n({ whole: true, count: 5 }),
      'Settings: the saved data could not be read at all and was reset to the defaults.',
    ],
    [
      n({ item: 'importedSets', count: 1, what: ['Broken'] }),
      'Imported claim sets: 1 set could not be read and was removed (Broken). Your other sets are kept.',
    ],
    [
      n({ item: 'importedSets', count: 3, set: 'A' }),
      'Imported set “A”: 3 claims could not be read and were left out. Its other claims are kept.',
    ],
    [
      n({ item: 'hidden', count: 2 }),
      'Hidden marks: 2 saved entries could not be read and were dropped. The others are kept.',
    ],
    [
      n({ item: 'feedConfig', reason: 'newer', count: 0 }),
      'The claim feeds’ schedule: saved by a newer version of Factmark. This version kept what it can read and reset the rest to its defaults.',
    ],
  ])('%o', (notice, text) => {
    expect(noticeText(notice)).toBe(text);
  });

  test('Ukrainian uses its plural forms (1, 3, 5 sets)', () => {
    const restore = speak('uk', uk as Record<string, { message: string }>);
    try {
      const sets = (count: number) => noticeText(n({ item: 'importedSets', count, what: ['X'] }));
      expect(sets(1)).toMatch(/1 набір не вдалося/);
      expect(sets(3)).toMatch(/3 набори не вдалося/);
      expect(sets(5)).toMatch(/5 наборів не вдалося/);
    } finally {
      restore();
    }
  });

  test('listed until dismissed; a failed save is an alert', () => {
    const onDismiss = vi.fn();
    render(
      <StorageNotices
        notices={[n({ what: ['quiet'] })]}
        onDismiss={onDismiss}
        saveError="QUOTA_BYTES quota exceeded"
      />,
    );
    expect(screen.getByRole('alert').textContent).toBe(
      'Could not save (QUOTA_BYTES quota exceeded). Nothing was changed.',
    );
    expect(screen.getByText(/Quiet mode/)).toBeTruthy();
    fireEvent.click(screen.getByTestId('notices-dismiss'));
    expect(onDismiss).toHaveBeenCalledOnce();
  });

  test('nothing to say: nothing shown', () => {
    const { container } = render(<StorageNotices notices={[]} onDismiss={() => {}} />);
    expect(container.textContent).toBe('');
  });
});

describe('an import whose write fails', () => {
  afterEach(() => vi.restoreAllMocks());

  test('says nothing was changed and keeps the preview to try again', async () => {
    const onImport = vi.fn(async () => {
      throw new Error('QUOTA_BYTES quota exceeded');
    });
    const actions = { onImport, onEnable: vi.fn(), onRemove: vi.fn() };
    render(<ClaimSetPanel sets={[]} actions={actions} />);
    const text = readFileSync('tests/fixtures/claims/good.jsonl', 'utf8');
    const file = new File([text], 'good.jsonl', { type: 'application/json' });
    fireEvent.change(screen.getByLabelText(/Import fact checks/), { target: { files: [file] } });
    fireEvent.click(await screen.findByTestId('import-accept'));
    await waitFor(() =>
      expect(screen.getByTestId('import-status').textContent).toBe(
        'Could not save (QUOTA_BYTES quota exceeded). Nothing was changed.',
      ),
    );
    expect(onImport).toHaveBeenCalledOnce();
    expect(screen.getByTestId('import-accept')).toBeTruthy();
  });
});
