// Human descriptions of the dataset and its tables, shared by datapackage.json, Datasette's
// metadata.json and the workbook's README sheet. Column descriptions live in the zod schemas.
import type { DatasetTable } from '../records/schema.js';

export const DATASET_TITLE = 'foi-harvest: UK police Freedom of Information disclosures';
export const DATASET_DESCRIPTION =
  'Disclosures published by UK police forces under the Freedom of Information Act (FOIA 2000 / FOISA 2002), and press reports of FOI figures, ' +
  'read into one table per kind of row. Every child row carries the verbatim text it was read from, a locator into its source document and that document’s sha256.';
export const SOURCE = 'Disclosure logs of UK police forces';
export const LICENSE = 'Source documents are published by the police forces, most under the Open Government Licence v3.0; check each source URL';
export const COPYRIGHT_NOTE = 'Copyright in released material stays with the public authority that released it; this dataset quotes it for reference.';
export const REUSE_NOTE =
  'Figures are as the forces published them, read by software: check a figure against its source (url, text, locator) before publishing it. Corrected rows are marked (corrected, correction_reason). ' +
  COPYRIGHT_NOTE;
export const LICENSE_URL = 'https://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/';

export const TABLE_DESCRIPTIONS: Record<DatasetTable, string> = {
  figures_flat: 'One row per figure with everything needed to read it alone: force, disclosure, question, period, breakdown, value, verbatim source text and locator. Start here.',
  disclosures: 'One row per published FOI response or news article.',
  questions: 'The numbered questions of each request.',
  periods: 'The time windows a request asks about (or a news article’s figures cover). end empty = open-ended.',
  exemptions: 'Exemptions and procedural sections cited in a response, one row per distinct citation.',
  figures: 'Every number given as an answer, with what it counts and any breakdown.',
  cases: 'Officer-level records where a source lists individuals. Names and dates of birth are never collected.',
  attachments: 'Documents attached to a disclosure page and whether they could be read.',
};


/** Extra note for list columns in CSV, where a list is one cell. */
export const LIST_NOTE = 'a list; in CSV its items are joined with "; "';
/** Extra note for text columns in CSV, about spreadsheet-formula neutralisation. */
export const TEXT_NOTE =
  "In CSV, text a spreadsheet would run as a formula (starting with =, or with +, - or @ followed by anything but a space) is written with a leading apostrophe ('); all other text is verbatim.";
/** Extra note for --excel CSV files: the byte-order mark, said in words; `encoding` stays utf-8. */
export const BOM_NOTE =
  'Written for Excel: the file starts with a UTF-8 byte-order mark (bytes EF BB BF), which UTF-8 readers drop.';
