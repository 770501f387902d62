import { describe, expect, test } from 'vitest';
import { DEFAULT_SETTINGS, isActiveOn, sanitizeSettings, setSiteEnabled } from '../../lib/settings';

describe('sanitizeSettings', () => {
  test('missing settings give the defaults with no problem reported', () => {
    expect(sanitizeSettings(undefined)).toEqual({
      settings: DEFAULT_SETTINGS,
      problems: [],
      reset: [],
    });
  });

  test.each([
    ['a string', 'garbage', /settings: expected an object/],
    ['a list', [1, 2], /settings: expected an object/],
    ['a number', 42, /settings: expected an object/],
  ])('corrupt whole value (%s) falls back to defaults and says so', (_name, raw, problem) => {
    const r = sanitizeSettings(raw);
    expect(r.settings).toEqual(DEFAULT_SETTINGS);
    expect(r.problems[0]).toMatch(problem);
  });

  test('a corrupt field is replaced and named; the valid fields are kept', () => {
    const r = sanitizeSettings({
      enabled: 'yes',
      strictness: 'broad',
      disabledSites: ['example.com', 7, '<script>'],
      verdicts: ['false', 'bogus'],
    });
    expect(r.settings.enabled).toBe(true);
    expect(r.settings.strictness).toBe('broad');
    expect(r.settings.disabledSites).toEqual(['example.com']);
    expect(r.settings.verdicts).toEqual(['false']);
    expect(r.problems.join('\n')).toMatch(/settings\.enabled: expected true or false, got "yes"/);
    expect(r.problems.join('\n')).toMatch(/settings\.disabledSites: dropped 2/);
    expect(r.problems.join('\n')).toMatch(/settings\.verdicts: dropped 1 unknown/);
    expect(r.reset).toEqual(['enabled', 'disabledSites', 'verdicts']);
  });

  test('a verdict list of only unknown values falls back to all verdicts; an empty one is kept', () => {
    expect(sanitizeSettings({ verdicts: ['nonsense'] }).settings.verdicts).toEqual(
      DEFAULT_SETTINGS.verdicts,
    );
    expect(sanitizeSettings({ verdicts: [] }).settings.verdicts).toEqual([]);
  });

  test('"Find restatements" is off by default, kept when valid, and a corrupt value is named and off', () => {
    expect(sanitizeSettings({}).settings.semantic).toBe(false);
    expect(sanitizeSettings({ semantic: true }).settings.semantic).toBe(true);
    const r = sanitizeSettings({ semantic: 1 });
    expect(r.settings.semantic).toBe(false);
    expect(r.problems).toEqual(['settings.semantic: expected true or false, got 1']);
    expect(r.reset).toEqual(['semantic']);
  });

  test('quiet mode is kept when valid, and a corrupt value is named and off', () => {
    expect(sanitizeSettings({ quiet: true }).settings.quiet).toBe(true);
    const r = sanitizeSettings({ quiet: 'loud' });
    expect(r.settings.quiet).toBe(false);
    expect(r.problems).toEqual(['settings.quiet: expected true or false, got "loud"']);
  });

  test('an unknown strictness is reported with the allowed values', () => {
    const r = sanitizeSettings({ strictness: 'extreme' });
    expect(r.settings.strictness).toBe('balanced');
    expect(r.problems).toEqual([
      'settings.strictness: expected one of strict, balanced, broad, got "extreme"',
    ]);
  });
});

describe('per-site switch', () => {
  test('switching a site off affects only that site, and www. is the same site', () => {
    const off = setSiteEnabled(DEFAULT_SETTINGS, 'www.Example.com', false);
    expect(isActiveOn(off, 'example.com')).toBe(false);
    expect(isActiveOn(off, 'www.example.com')).toBe(false);
    expect(isActiveOn(off, 'news.example.org')).toBe(true);
    const on = setSiteEnabled(off, 'example.com', true);
    expect(isActiveOn(on, 'example.com')).toBe(true);
  });

  test('off everywhere wins over the site list', () => {
    expect(isActiveOn({ ...DEFAULT_SETTINGS, enabled: false }, 'example.com')).toBe(false);
  });
});
