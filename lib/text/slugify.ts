import { foldDiacritics } from './fold-diacritics';

/**
 * "Pants on Fire!" -> "pants-on-fire", "Conflicting Evidence/Cherrypicking" ->
 * "conflicting-evidence-cherrypicking": accents folded, lower-case, every run of anything but
 * a-z and 0-9 one hyphen, none at either end. The shape validate.ts accepts as an id.
 */
export function slugify(text: string): string {
  return foldDiacritics(text)
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}
