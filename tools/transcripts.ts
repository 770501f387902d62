/** Debate transcripts as CheckThat! 2b ships them (Node-free helpers, shared by the tools). */

export interface TranscriptLine {
  line: number;
  speaker: string;
  text: string;
}

/** A transcript file's text: one line per row, tab-separated line number, speaker, text. */
export function parseTranscript(text: string): TranscriptLine[] {
  return text
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => {
      const [line, speaker, ...rest] = l.split('\t');
      return { line: Number(line), speaker: speaker ?? '', text: rest.join('\t') };
    });
}

/** Transcript date from its file name: "20170822_Trump_phoenix" -> 2017-08-22. */
export function transcriptDate(name: string): string | undefined {
  const m = /^(\d{4})(\d{2})(\d{2})/.exec(name);
  return m ? `${m[1]}-${m[2]}-${m[3]}` : undefined;
}
