/** The entries a person typed, one a line or separated by commas or spaces; blanks dropped. */
export const listOf = (text: string): string[] =>
  text
    .split(/[\s,]+/)
    .map((s) => s.trim())
    .filter(Boolean);
