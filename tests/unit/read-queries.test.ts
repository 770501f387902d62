import { copyFileSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readQueries } from '../../tools/read-queries';
import { loadTranscript, taskDir } from '../../tools/train-data';

/** Two real 2b dev lines in the benchmark's own form: transcript and line, no speaker or date. */
const NAME = '20170822_Trump_phoenix';
const lines = loadTranscript(NAME);
const at = (n: number) => lines.find((l) => l.line === n);
const rows = [259, 204].map((line) => ({
  id: `${NAME}_${String(line).padStart(4, '0')}`,
  text: at(line)?.text,
  transcript: NAME,
  line,
}));

function dir(withTranscript: boolean, queries: object[] = rows): string {
  const d = mkdtempSync(join(tmpdir(), 'factmark-queries-'));
  writeFileSync(join(d, 'q.jsonl'), queries.map((r) => JSON.stringify(r)).join('\n'));
  if (withTranscript) {
    mkdirSync(join(d, 'transcripts'));
    copyFileSync(
      join(taskDir('2b'), 'transcripts', `${NAME}.tsv`),
      join(d, 'transcripts', `${NAME}.tsv`),
    );
  }
  return d;
}

describe('the match CLI reads a query with the context its line carries', () => {
  it('in its transcript when the transcript is beside the queries: speaker, neighbours, date', () => {
    const [q] = readQueries(join(dir(true), 'q.jsonl'));
    expect(q?.query).toMatchObject({ doc: NAME, date: '2017-08-22', speaker: at(259)?.speaker });
    expect(q?.query.speaker).toBeTruthy();
    expect(q?.neighbours).toEqual([at(258)?.text, at(260)?.text]);
  });

  it('without its transcript: the date from the doc name, the doc’s other queries in line order', () => {
    const [late, early] = readQueries(join(dir(false), 'q.jsonl'));
    expect(late?.query.speaker).toBeUndefined();
    expect(late?.query.date).toBe('2017-08-22');
    expect(early?.neighbours).toEqual([at(259)?.text]);
    expect(late?.neighbours).toEqual([at(204)?.text]);
  });

  it('placed by its text when the file misnames its debate or line (as the benchmark does)', () => {
    // The 2b files name this debate "20170822_trump_phx" at times; the line is off too.
    const wrong = rows.map((r) => ({ ...r, transcript: '20170822_trump_phx', line: r.line + 1 }));
    const [q] = readQueries(join(dir(true, wrong), 'q.jsonl'));
    expect(q?.query).toMatchObject({ doc: NAME, speaker: at(259)?.speaker });
    expect(q?.line).toBe(259);
    expect(q?.neighbours).toEqual([at(258)?.text, at(260)?.text]);
  });

  it('a line said more than once is placed near its named line, in the debate of its date', () => {
    // "Wrong." is said five times in this debate; the benchmark names it "20161019_3pres".
    const debate = '20161019_third_presidential_debate';
    const d = mkdtempSync(join(tmpdir(), 'factmark-queries-'));
    mkdirSync(join(d, 'transcripts'));
    for (const name of [debate, NAME])
      copyFileSync(
        join(taskDir('2b'), 'transcripts', `${name}.tsv`),
        join(d, 'transcripts', `${name}.tsv`),
      );
    const q = (line: number) => ({
      id: `x${line}`,
      text: 'Wrong.',
      transcript: '20161019_3pres',
      line,
    });
    writeFileSync(join(d, 'q.jsonl'), [q(420), q(1041)].map((r) => JSON.stringify(r)).join('\n'));
    const [a, b] = readQueries(join(d, 'q.jsonl'));
    expect([a?.query.doc, a?.line, a?.query.speaker]).toEqual([debate, 423, 'TRUMP']);
    expect(b?.line).toBe(1040);
  });

  it('an id of the form DEBATE_LINE places a query the file gives only {id, text}', () => {
    const bare = rows.map(({ id, text }) => ({ id, text }));
    const [q] = readQueries(join(dir(true, bare), 'q.jsonl'));
    expect(q?.query).toMatchObject({ doc: NAME, date: '2017-08-22', speaker: at(259)?.speaker });
    // Without the transcript: the date, and the debate's other queries as neighbours.
    const [late, early] = readQueries(join(dir(false, bare), 'q.jsonl'));
    expect(late?.query).toMatchObject({ doc: NAME, date: '2017-08-22' });
    expect(early?.neighbours).toEqual([at(259)?.text]);
  });

  it('an id of no known form, with the transcripts at hand: placed by its text alone', () => {
    const [q, r] = readQueries(
      join(
        dir(true, [
          { id: 'q1', text: `  ${at(259)?.text ?? ''} ` },
          { id: 'q2', text: 'Not said.' },
        ]),
        'q.jsonl',
      ),
    );
    expect(q?.query).toMatchObject({ doc: NAME, speaker: at(259)?.speaker });
    expect(r?.query.doc).toBeUndefined();
    expect(r?.neighbours).toEqual([]);
  });

  it('names the line of a query without text', () => {
    const d = mkdtempSync(join(tmpdir(), 'factmark-queries-'));
    writeFileSync(join(d, 'q.jsonl'), '{"id": "a", "text": "fine"}\n{"id": "b"}\n');
    expect(() => readQueries(join(d, 'q.jsonl'))).toThrow(
      /q\.jsonl: line 2: query b needs a string "text"/,
    );
  });
});
