/** What went wrong, as one line for a message or a log: an Error's message, else the value. */
export const errorMessage = (err: unknown): string =>
  err instanceof Error ? err.message : String(err);
