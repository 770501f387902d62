/**
 * Generated pages at Factmark's limits, for `npm run bench` (bench/run.ts, bench/limits.ts)
 * and the e2e limits test: a 5 MB article and a page of 100,000+ text nodes, both of real
 * sentences with the seed article's sentences placed where a test can tell how far Factmark
 * read. Nothing here is a fact check; the seed sentences are the demo article's own.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';

const SHARED = resolve('../shared');

/** The seed article's lines (the demo article's text). */
export function seedLines(): string[] {
  return readFileSync(join(SHARED, 'seed/000_056fa72ee288ad71.txt'), 'utf8')
    .split('\n')
    .filter((l) => l.trim().length > 0);
}

/** Debate transcript sentences (real speech, no checked claim of the bundled set's own). */
function transcriptSentences(): string[] {
  const dir = join(SHARED, 'data/checkthat2021-2b/transcripts');
  const sentences: string[] = [];
  for (const f of readdirSync(dir).sort()) {
    for (const line of readFileSync(join(dir, f), 'utf8').split('\n')) {
      const s = line.split('\t')[2];
      if (s && s.length > 40) sentences.push(s.replace(/[<&]/g, ' '));
    }
  }
  return sentences;
}

const head = (title: string) =>
  `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${title}</title></head><body><article><h1>${title}</h1>`;
const escape = (s: string) => s.replace(/[<&]/g, ' ');

/** A 5 MB article of real sentences (debate transcripts) with a seed line every 200 paragraphs. */
export function bigArticle(): string {
  const sentences = transcriptSentences();
  const seed = seedLines();
  const parts: string[] = [head('A very long article')];
  let size = 0;
  let i = 0;
  while (size < 5_000_000) {
    const para = sentences.slice(i % sentences.length, (i % sentences.length) + 6).join(' ');
    const extra = i % 200 === 0 ? ` ${seed[(i / 200) % seed.length] ?? ''}` : '';
    const p = `<p>${para}${escape(extra)}</p>\n`;
    parts.push(p);
    size += p.length;
    i += 6;
  }
  parts.push('</article></body></html>');
  return parts.join('');
}

/**
 * A page of `paragraphs` × 4 text nodes (plus the line breaks between paragraphs) of short
 * phrases, under Factmark's reading limit in characters, with the seed article's paragraphs at
 * its very end: they are marked only if the whole page was read.
 */
export function manyNodesPage(paragraphs = 25_000): string {
  const words = transcriptSentences()
    .slice(0, 2000)
    .join(' ')
    .split(/\s+/)
    .filter((w) => /^[a-z]{3,}$/.test(w));
  const w = (i: number) =>
    Array.from({ length: 2 }, (_, j) => words[(i * 7 + j * 13) % words.length]).join(' ');
  const parts: string[] = [head('A page of many small parts')];
  for (let i = 0; i < paragraphs; i++) {
    parts.push(`<p>${w(i)} <b>${w(i + 1)}</b> ${w(i + 2)} <i>${w(i + 3)}</i></p>\n`);
  }
  for (const line of seedLines()) parts.push(`<p>${escape(line)}</p>\n`);
  parts.push('</article></body></html>');
  return parts.join('');
}
