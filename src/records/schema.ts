// The dataset contract of SPEC §4 and §7 in code. Every exporter, the store and
// `validate` use these schemas; `npm run schemas` writes them to schemas/*.json.
import { z } from 'zod';
import {
  ACTS,
  EVENTS,
  EXEMPTION_CLASSES,
  GENDERS,
  KINDS,
  MEASURES,
  OFFENCE_CATEGORIES,
  OUTCOMES,
  ROLES,
  STATUSES,
  TOPICS,
} from './vocab.js';

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'ISO date YYYY-MM-DD');
const nullableDate = isoDate.nullable();
const sha256 = z.string().regex(/^[0-9a-f]{64}$/, 'lowercase hex sha256');
// char:<start>-<end> | pdf:p<page>[:ocr][:t<table>:r<row>:c<col>] (:ocr: read by OCR) | xlsx:<sheet>!<cell> | docx:… | html:… | csv:…
const locator = z.string().min(1);

/** Columns every child row carries: which disclosure, its position, and where it was read from. */
const childBase = {
  disclosure_id: z.string().min(1).describe('id of the disclosure the row belongs to (disclosures.id)'),
  ordinal: z.number().int().positive().describe('1-based position of the row within its disclosure'),
};
const provenance = {
  text: z.string().describe('verbatim snippet the row was read from'),
  locator: locator.describe('where in the source document the snippet stands'),
  sha256: sha256.describe("sha256 of the source document's bytes"),
};

export const QuestionSchema = z.object({
  ...childBase,
  label: z.string().describe('the question label as printed: 1, a, Q1, Q1a, Request 1'),
  ...provenance,
});

export const PeriodSchema = z.object({
  ...childBase,
  start: nullableDate.describe('first day of the period (ISO date); empty = not stated'),
  end: nullableDate.describe('last day of the period (ISO date); empty = open-ended'),
  questions: z.array(z.string()).describe('labels of the questions it applies to; empty = all'),
  ...provenance,
});

export const ExemptionSchema = z.object({
  ...childBase,
  act: z.enum(ACTS).describe('the law cited: FOIA (FOI Act 2000), FOISA (FOI (Scotland) Act 2002) or EIR (Environmental Information Regulations 2004)'),
  citation: z
    .string()
    .regex(/^\d+[A-Z]?(\(\w+\))*$/, 'normalised citation such as 40(2)(a)')
    .describe('the citation normalised, one parenthesis per level and no spaces: 40(2), 40(3A)(a), 31(1)(g)'),
  section: z.string().regex(/^\d+[A-Z]?$/).describe('the section (or regulation) number alone: 40, 31, 12'),
  name: z.string().nullable().describe('the usual name of the section, e.g. "Personal information"; empty = not known'),
  class: z.enum(EXEMPTION_CLASSES).describe('absolute (no public interest test), qualified (public interest test) or procedural (cost limit, vexatious …)'),
  ncnd: z.boolean().describe('the provision neither confirms nor denies that information is held (30(3), 31(3), 40(5) …)'),
  ...provenance,
});

export const FigureSchema = z.object({
  ...childBase,
  value: z.number().describe('the number as given'),
  measure: z.enum(MEASURES).describe('what is counted: officers, pcsos, staff, allegations, cases …; unknown = the source does not say'),
  event: z.enum(EVENTS).describe('what happened to what is counted: convicted, charged, suspended, dismissed …; other = none of these'),
  question: z.string().nullable().describe('label of the question it answers (questions.label); empty = not tied to one question'),
  period_start: nullableDate.describe('first day of the period the figure covers (ISO date); empty = not stated'),
  period_end: nullableDate.describe('last day of the period the figure covers (ISO date); empty = open-ended or not stated'),
  year: z.number().int().nullable().describe('breakdown: the calendar or financial year the figure is for (a financial year 2021/22 is 2021); empty = not broken down by year'),
  offence: z.string().nullable().describe('breakdown: the offence as printed; empty = not broken down by offence'),
  offence_category: z.enum(OFFENCE_CATEGORIES).nullable().describe('breakdown: the offence mapped to a category (violence, sexual, drugs …)'),
  gender: z.enum(GENDERS).nullable().describe('breakdown: gender; empty = not broken down by gender'),
  rank: z.string().nullable().describe('breakdown: rank as printed (constable, sergeant …); empty = not broken down by rank'),
  status: z.enum(STATUSES).nullable().describe('breakdown: the officers’ status (serving, suspended, dismissed …); empty = not stated'),
  label: z.string().nullable().describe('the row/column heading the figure stands under, as printed'),
  is_total: z.boolean().describe('a total that restates other figures: do not add it to them'),
  ...provenance,
});

export const CaseSchema = z.object({
  ...childBase,
  role: z.enum(ROLES).describe('police_officer, pcso, special_constable, staff or unknown'),
  rank: z.string().nullable().describe('rank as printed; empty = not given'),
  gender: z.enum(GENDERS).nullable().describe('gender; empty = not given'),
  offence: z.string().nullable().describe('the offence or misconduct as printed'),
  offence_category: z.enum(OFFENCE_CATEGORIES).nullable().describe('the offence mapped to a category (violence, sexual, drugs …)'),
  event: z.enum(EVENTS).describe('what happened: convicted, charged, dismissed …'),
  event_year: z.number().int().nullable().describe('year of the event; empty = not given'),
  event_date: nullableDate.describe('date of the event (ISO date) where printed in full'),
  disposal: z.string().nullable().describe('the sentence or penalty as printed'),
  status_at_event: z.enum(STATUSES).nullable().describe('status at the time of the event (serving, suspended …)'),
  status_now: z.enum(STATUSES).nullable().describe('status now, where the source says'),
  ...provenance,
});

export const AttachmentSchema = z.object({
  ...childBase,
  url: z.string().describe('URL of the attached document'),
  name: z.string().nullable().describe('file name of the attachment'),
  media_type: z.string().nullable().describe('media type sniffed from its bytes, e.g. application/pdf'),
  sha256: sha256.nullable().describe("sha256 of the attachment's bytes; empty = not fetched"),
  bytes: z.number().int().nonnegative().nullable().describe('size in bytes; empty = not fetched'),
  pages: z.number().int().nonnegative().nullable().describe('number of pages (PDF); empty = not paged'),
  parsed: z.boolean().describe('the attachment was read and its content used'),
  error: z.string().nullable().describe('why it could not be fetched or read; empty = no error'),
  text: z.string().describe('the link text as printed'),
  locator: locator.describe('where the link stands on the disclosure page'),
});

export const DisclosureFields = {
  id: z.string().min(1).describe('stable id: <force>/<reference slug>, or <force or unknown>/u-<12 hex of sha256>'),
  force: z.string().nullable().describe('force id (data.police.uk ids, plus northern-ireland, police-scotland, cnc, mod-police); empty = not known'),
  kind: z.enum(KINDS).describe('foi_response, news_article, decision_notice or other'),
  reference: z.string().nullable().describe('request reference as printed'),
  publication_ref: z.string().nullable().describe('separate publication number where the log has one'),
  title: z.string().nullable().describe('title as printed, without the reference'),
  url: z.string().nullable().describe('source URL; empty = read from a local file'),
  request_date: nullableDate.describe('date the request was made (ISO date)'),
  response_date: nullableDate.describe('date of the response (ISO date)'),
  published_date: nullableDate.describe('date the disclosure log published it (ISO date)'),
  outcome: z.enum(OUTCOMES).describe('full | partial | refused | ncnd | not_held | cost_limit | unknown'),
  ncnd: z.boolean().describe('neither confirm nor deny used for some or all of the request'),
  cost_limit: z.boolean().describe('complying with some or all of the request would exceed the cost / time limit (FOIA s.12, FOISA s.12)'),
  topics: z.array(z.enum(TOPICS)).describe('what the request is about: convictions, charges, cautions, sexual_misconduct, misconduct_proceedings, suspensions, vetting, complaints, other'),
  request_text: z.string().describe('the request as published'),
  content_sha256: sha256.describe("sha256 of the source document's bytes"),
  parser_version: z.string().describe('version of foi-harvest’s parser that read it'),
  warnings: z.array(z.string()).describe('what could not be read, with the reason'),
  source: z.string().min(1).describe('where it was harvested: the platform (single-online-home, west-midlands, psni, police-scotland, generic, whatdotheyknow) or file'),
  source_state: z.string().nullable().describe("the source's own status of the request (WhatDoTheyKnow's described_state); empty = the source keeps none"),
  duplicate_of: z.string().nullable().describe('the id of the same response harvested from another source (same force and reference); empty = none'),
};

/** A disclosure as a flat row (CSV / SQLite `disclosures` table). */
export const DisclosureRowSchema = z.object(DisclosureFields);

/** A disclosure with its child rows nested (JSON / NDJSON). */
export const DisclosureSchema = z.object({
  ...DisclosureFields,
  questions: z.array(QuestionSchema),
  periods: z.array(PeriodSchema),
  exemptions: z.array(ExemptionSchema),
  figures: z.array(FigureSchema),
  cases: z.array(CaseSchema),
  attachments: z.array(AttachmentSchema),
});

export type Question = z.infer<typeof QuestionSchema>;
export type Period = z.infer<typeof PeriodSchema>;
export type Exemption = z.infer<typeof ExemptionSchema>;
export type Figure = z.infer<typeof FigureSchema>;
export type Case = z.infer<typeof CaseSchema>;
export type Attachment = z.infer<typeof AttachmentSchema>;
export type DisclosureRow = z.infer<typeof DisclosureRowSchema>;
export type Disclosure = z.infer<typeof DisclosureSchema>;

/** The tables of the dataset, in export order, with their row schemas. */
export const TABLES = {
  disclosures: DisclosureRowSchema,
  questions: QuestionSchema,
  periods: PeriodSchema,
  exemptions: ExemptionSchema,
  figures: FigureSchema,
  cases: CaseSchema,
  attachments: AttachmentSchema,
} as const;
export type TableName = keyof typeof TABLES;
export const CHILD_TABLES = ['questions', 'periods', 'exemptions', 'figures', 'cases', 'attachments'] as const;
export type ChildTable = (typeof CHILD_TABLES)[number];

// ---- the published dataset ----------------------------------------------------------
// What exports write: the record tables above, every row marked with whether a correction
// kept in the store changed it (SPEC §4), plus figures_flat. Records themselves (parser
// output, the store) carry no marks: corrections are applied on the way out.

export const CorrectionMarks = {
  corrected: z.boolean().describe('a correction kept in the store (foi-harvest correct) changed this row'),
  correction_reason: z.string().nullable().describe('why it was corrected, as written by whoever corrected it (several joined with "; "); empty = not corrected'),
};

/** One row per figure with everything needed to read it alone (no joins). */
export const FiguresFlatSchema = z.object({
  force: DisclosureFields.force,
  force_name: z.string().nullable().describe('the force’s name, e.g. West Midlands Police; empty = force not known'),
  disclosure_id: childBase.disclosure_id,
  ordinal: z.number().int().positive().describe('the figure’s ordinal within its disclosure (figures.ordinal)'),
  title: DisclosureFields.title,
  reference: DisclosureFields.reference,
  url: DisclosureFields.url,
  kind: DisclosureFields.kind,
  outcome: DisclosureFields.outcome,
  request_date: DisclosureFields.request_date,
  response_date: DisclosureFields.response_date,
  published_date: DisclosureFields.published_date,
  question: FigureSchema.shape.question,
  question_text: z.string().nullable().describe('verbatim text of that question (questions.text); empty = no question label'),
  period_start: FigureSchema.shape.period_start,
  period_end: FigureSchema.shape.period_end,
  year: FigureSchema.shape.year,
  measure: FigureSchema.shape.measure,
  event: FigureSchema.shape.event,
  offence: FigureSchema.shape.offence,
  offence_category: FigureSchema.shape.offence_category,
  gender: FigureSchema.shape.gender,
  rank: FigureSchema.shape.rank,
  status: FigureSchema.shape.status,
  label: FigureSchema.shape.label,
  value: FigureSchema.shape.value,
  is_total: FigureSchema.shape.is_total,
  text: provenance.text,
  locator: provenance.locator,
  sha256: provenance.sha256,
  ...CorrectionMarks,
});

const marked = <T extends z.ZodRawShape>(schema: z.ZodObject<T>) => schema.extend(CorrectionMarks);

/** The exported tables, in export order (figures_flat first: the one most readers want). */
export const DATASET_TABLES = {
  figures_flat: FiguresFlatSchema,
  disclosures: marked(DisclosureRowSchema),
  questions: marked(QuestionSchema),
  periods: marked(PeriodSchema),
  exemptions: marked(ExemptionSchema),
  figures: marked(FigureSchema),
  cases: marked(CaseSchema),
  attachments: marked(AttachmentSchema),
} as const;
export type DatasetTable = keyof typeof DATASET_TABLES;
export type FlatFigure = z.infer<typeof FiguresFlatSchema>;

/** A disclosure as exported to JSON / NDJSON: nested, every row marked. */
export const DatasetDisclosureSchema = z.object({
  ...DisclosureFields,
  ...CorrectionMarks,
  questions: z.array(DATASET_TABLES.questions),
  periods: z.array(DATASET_TABLES.periods),
  exemptions: z.array(DATASET_TABLES.exemptions),
  figures: z.array(DATASET_TABLES.figures),
  cases: z.array(DATASET_TABLES.cases),
  attachments: z.array(DATASET_TABLES.attachments),
});
export type DatasetDisclosure = z.infer<typeof DatasetDisclosureSchema>;

/** JSON Schema documents, as written to schemas/ and printed by `foi-harvest schema`. */
export function jsonSchemas(): Record<string, unknown> {
  const out: Record<string, unknown> = {
    'disclosure.schema.json': { $id: 'disclosure.schema.json', title: 'Disclosure (nested)', ...z.toJSONSchema(DatasetDisclosureSchema) },
  };
  for (const [name, schema] of Object.entries(DATASET_TABLES)) {
    out[`${name}.schema.json`] = { $id: `${name}.schema.json`, title: `${name} row`, ...z.toJSONSchema(schema) };
  }
  return out;
}
