// What every reader produces: the document's text as blocks and tables, each with a
// locator. Readers never interpret; extractors never read bytes.

/** One unit of running text: a heading, paragraph, list item or line. */
export interface Block {
  kind: 'heading' | 'paragraph' | 'list_item' | 'line' | 'table_row';
  text: string;
  /** Offsets of `text` in ReadResult.text (so text === result.text.slice(start, end)). */
  start: number;
  end: number;
  /** e.g. `char:120-180`, `pdf:p2` */
  locator: string;
  /** 1-based page for paginated sources. */
  page?: number;
}

export interface Cell {
  text: string;
  /** e.g. `pdf:p2:t1:r3:c4`, `xlsx:Sheet1!C4`, `docx:t1:r3:c2`, `char:10-12` */
  locator: string;
  /** Offsets in ReadResult.text where the cell's text stands, when it does. */
  start?: number;
  end?: number;
  colspan?: number;
  rowspan?: number;
  /** The number a spreadsheet stores in the cell (its cached value for a formula), when it is a number. */
  value?: number;
  /** ISO date for a cell the spreadsheet stores as a date. */
  date?: string;
  /** A slot covered by a merged cell other than its first: `text` repeats the merged value. */
  merged?: boolean;
}

export interface Table {
  /** e.g. `pdf:p2:t1`, `xlsx:Sheet1`, `docx:t1`, `html:t1` */
  locator: string;
  /** Rows of cells, header rows first; merged cells are repeated into every slot they cover. */
  rows: Cell[][];
  /** Number of leading header rows, when the source says (th / merged header); else undefined. */
  headerRows?: number;
  page?: number;
  /** Span of the table in ReadResult.text, when it is there. */
  start?: number;
  end?: number;
  caption?: string;
}

export interface Link {
  url: string;
  /** Link text as printed. */
  name: string;
  locator: string;
}

export type MediaType =
  | 'text/html'
  | 'text/plain'
  | 'text/csv'
  | 'application/pdf'
  | 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'
  | 'application/vnd.ms-excel'
  | 'application/vnd.oasis.opendocument.spreadsheet'
  | 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

export interface ReadResult {
  mediaType: MediaType;
  /** The extracted text that `char:` locators point into. */
  text: string;
  blocks: Block[];
  tables: Table[];
  links: Link[];
  /** Title as the document declares it (HTML <title>/<h1>), if any. */
  title: string | null;
  pages?: number;
  /** What could not be read, with the reason. */
  warnings: string[];
}

/** Raised by readers for input that cannot be read at all (empty, corrupt, unsupported). */
export class ReadError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ReadError';
  }
}
