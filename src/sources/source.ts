/** What every source reader gets: the file and its text. */
export interface SourceInput {
  /** The path as the user gave it (for messages). */
  readonly file: string;
  /** The file's text, BOM removed. */
  readonly text: string;
  /** The table name the file name gives: its base name up to the first dot. */
  readonly nameFromFile: string;
}
