// Human descriptions of the tables and of columns whose meaning is not obvious from the
// schema, shared by datapackage.json and Datasette's metadata.json.
import type { TableName } from '../records/schema.js';

export const DATASET_TITLE = 'foi-harvest: UK police Freedom of Information disclosures';
export const DATASET_DESCRIPTION =
  'Disclosures published by UK police forces under the Freedom of Information Act (FOIA 2000 / FOISA 2002), and press reports of FOI figures, ' +
  'read into one table per kind of row. Every child row carries the verbatim text it was read from, a locator into its source document and that document’s sha256.';
export const SOURCE = 'Disclosure logs of UK police forces';
export const LICENSE = 'Source documents are published by the police forces, most under the Open Government Licence v3.0; check each source URL';
export const LICENSE_URL = 'https://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/';

export const TABLE_DESCRIPTIONS: Record<TableName, string> = {
  disclosures: 'One row per published FOI response or news article.',
  questions: 'The numbered questions of each request.',
  periods: 'The time windows a request asks about (or a news article’s figures cover). end empty = open-ended.',
  exemptions: 'Exemptions and procedural sections cited in a response, one row per distinct citation.',
  figures: 'Every number given as an answer, with what it counts and any breakdown.',
  cases: 'Officer-level records where a source lists individuals. Names and dates of birth are never collected.',
  attachments: 'Documents attached to a disclosure page and whether they could be read.',
};

export const COLUMN_DESCRIPTIONS: Record<string, string> = {
  id: 'stable id: <force>/<reference slug>, or <force or unknown>/u-<12 hex of sha256>',
  disclosure_id: 'id of the disclosure the row belongs to',
  force: 'force id (data.police.uk ids, plus northern-ireland, police-scotland, cnc, mod-police); empty = not known',
  reference: 'request reference as printed',
  publication_ref: 'separate publication number where the log has one',
  title: 'title as printed, without the reference',
  url: 'source URL',
  outcome: 'full | partial | refused | ncnd | not_held | cost_limit | unknown',
  ncnd: 'neither confirm nor deny used for some or all of the request',
  cost_limit: 'complying would exceed the cost / time limit (FOIA s.12, FOISA s.12)',
  request_text: 'the request as published',
  content_sha256: "sha256 of the source document's bytes",
  citation: 'normalised citation such as 40(2)(a)',
  value: 'the number as given',
  is_total: 'a total that restates other figures: do not add it to them',
};

/** Extra note for list columns in CSV, where a list is one cell. */
export const LIST_NOTE = 'a list; in CSV its items are joined with "; "';
/** Extra note for text columns in CSV, about spreadsheet-formula neutralisation. */
export const TEXT_NOTE =
  "In CSV, text a spreadsheet would run as a formula (starting with =, or with +, - or @ followed by anything but a space) is written with a leading apostrophe ('); all other text is verbatim.";
