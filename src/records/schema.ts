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
  disclosure_id: z.string().min(1),
  ordinal: z.number().int().positive().describe('1-based position of the row within its disclosure'),
};
const provenance = {
  text: z.string().describe('verbatim snippet the row was read from'),
  locator: locator.describe('where in the source document the snippet stands'),
  sha256: sha256.describe("sha256 of the source document's bytes"),
};

export const QuestionSchema = z.object({
  ...childBase,
  label: z.string().describe('as printed: 1, a, Q1, Q1a, Request 1'),
  ...provenance,
});

export const PeriodSchema = z.object({
  ...childBase,
  start: nullableDate,
  end: nullableDate.describe('null = open-ended'),
  questions: z.array(z.string()).describe('labels of the questions it applies to; empty = all'),
  ...provenance,
});

export const ExemptionSchema = z.object({
  ...childBase,
  act: z.enum(ACTS),
  citation: z.string().regex(/^\d+[A-Z]?(\(\w+\))*$/, 'normalised citation such as 40(2)(a)'),
  section: z.string().regex(/^\d+[A-Z]?$/),
  name: z.string().nullable(),
  class: z.enum(EXEMPTION_CLASSES),
  ncnd: z.boolean(),
  ...provenance,
});

export const FigureSchema = z.object({
  ...childBase,
  value: z.number(),
  measure: z.enum(MEASURES),
  event: z.enum(EVENTS),
  question: z.string().nullable(),
  period_start: nullableDate,
  period_end: nullableDate,
  year: z.number().int().nullable(),
  offence: z.string().nullable(),
  offence_category: z.enum(OFFENCE_CATEGORIES).nullable(),
  gender: z.enum(GENDERS).nullable(),
  rank: z.string().nullable(),
  status: z.enum(STATUSES).nullable(),
  label: z.string().nullable().describe('the row/column heading the figure stands under, as printed'),
  is_total: z.boolean().describe('a total that restates other figures: do not add it to them'),
  ...provenance,
});

export const CaseSchema = z.object({
  ...childBase,
  role: z.enum(ROLES),
  rank: z.string().nullable(),
  gender: z.enum(GENDERS).nullable(),
  offence: z.string().nullable(),
  offence_category: z.enum(OFFENCE_CATEGORIES).nullable(),
  event: z.enum(EVENTS),
  event_year: z.number().int().nullable(),
  event_date: nullableDate,
  disposal: z.string().nullable(),
  status_at_event: z.enum(STATUSES).nullable(),
  status_now: z.enum(STATUSES).nullable(),
  ...provenance,
});

export const AttachmentSchema = z.object({
  ...childBase,
  url: z.string(),
  name: z.string().nullable(),
  media_type: z.string().nullable(),
  sha256: sha256.nullable(),
  bytes: z.number().int().nonnegative().nullable(),
  pages: z.number().int().nonnegative().nullable(),
  parsed: z.boolean(),
  error: z.string().nullable(),
  text: z.string().describe('the link text as printed'),
  locator,
});

export const DisclosureFields = {
  id: z.string().min(1),
  force: z.string().nullable(),
  kind: z.enum(KINDS),
  reference: z.string().nullable(),
  publication_ref: z.string().nullable(),
  title: z.string().nullable(),
  url: z.string().nullable(),
  request_date: nullableDate,
  response_date: nullableDate,
  published_date: nullableDate,
  outcome: z.enum(OUTCOMES),
  ncnd: z.boolean(),
  cost_limit: z.boolean(),
  topics: z.array(z.enum(TOPICS)),
  request_text: z.string(),
  content_sha256: sha256,
  parser_version: z.string(),
  warnings: z.array(z.string()),
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

/** JSON Schema documents, as written to schemas/ and printed by `foi-harvest schema`. */
export function jsonSchemas(): Record<string, unknown> {
  const out: Record<string, unknown> = {
    'disclosure.schema.json': { $id: 'disclosure.schema.json', title: 'Disclosure (nested)', ...z.toJSONSchema(DisclosureSchema) },
  };
  for (const [name, schema] of Object.entries(TABLES)) {
    out[`${name}.schema.json`] = { $id: `${name}.schema.json`, title: `${name} row`, ...z.toJSONSchema(schema) };
  }
  return out;
}
