// foi-harvest.xlsx: one workbook for people who live in spreadsheets. figures_flat first,
// then one sheet per table, then README (every column described). Numbers, dates and
// booleans are typed cells; text is always a text cell (never a formula); the header row is
// frozen and filters are on. Rows are streamed to the file as disclosures arrive.
import ExcelJS from 'exceljs';
import { DATASET_TABLES, type DatasetDisclosure, type DatasetTable } from '../records/schema.js';
import { LIST_SEPARATOR } from './cells.js';
import { describeColumn, type PackageInfo } from './datapackage.js';
import { DATASET_DESCRIPTION, DATASET_TITLE, LICENSE, LICENSE_URL, REUSE_NOTE, TABLE_DESCRIPTIONS } from './descriptions.js';
import { datasetFieldsOf, type Field } from './fields.js';
import { DATASET_TABLE_NAMES, type Row } from './tables.js';
import type { RecordWriter } from './types.js';

export const XLSX_FILE = 'foi-harvest.xlsx';

/** Excel's limit on the characters of one cell; longer text is cut with a note (the CSV and JSON keep it whole). */
export const CELL_LIMIT = 32767;
const TRUNCATED = ' … [cut at Excel’s cell limit; the full text is in the CSV / JSON]';
// Characters XML 1.0 cannot carry: a workbook containing one does not open.
const XML_ILLEGAL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;

export function cellText(s: string): string {
  const clean = s.replace(XML_ILLEGAL, '');
  return clean.length > CELL_LIMIT ? clean.slice(0, CELL_LIMIT - TRUNCATED.length) + TRUNCATED : clean;
}

/** A value → the typed value of its cell. */
export function xlsxValue(f: Field, v: unknown): ExcelJS.CellValue {
  if (v === null || v === undefined) return null;
  if (f.type === 'date' && typeof v === 'string') {
    const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(v);
    if (m) return new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  }
  if (typeof v === 'number' || typeof v === 'boolean') return v;
  if (Array.isArray(v)) return cellText(v.map(String).join(LIST_SEPARATOR));
  return cellText(String(v));
}

const WIDTH: Partial<Record<Field['type'], number>> = { date: 12, boolean: 10, integer: 10, number: 10 };
const sheetName = (t: DatasetTable) => t; // every table name is a valid sheet name (< 31 chars, no []:*?/\)

export function xlsxWriterAt(path: string, info: Pick<PackageInfo, 'created'> = {}): RecordWriter {
  // Fixed times (document properties and every zip entry): the same data gives the same bytes.
  const stamp = info.created ? new Date(info.created) : new Date(0);
  const wb = datedWorkbookWriter({ filename: path, useStyles: true, useSharedStrings: false }, stamp);
  wb.creator = 'foi-harvest';
  wb.created = stamp;
  wb.modified = stamp;
  const sheets = new Map<DatasetTable, { ws: ExcelJS.Worksheet; fields: Field[]; rows: number }>();
  for (const t of DATASET_TABLE_NAMES) {
    const fields = datasetFieldsOf(t);
    const ws = wb.addWorksheet(sheetName(t), { views: [{ state: 'frozen', ySplit: 1 }] });
    ws.columns = fields.map((f) => ({
      header: f.name,
      key: f.name,
      width: WIDTH[f.type] ?? (f.name === 'text' || f.name === 'request_text' || f.name === 'title' ? 50 : 18),
      style: f.type === 'date' ? { numFmt: 'yyyy-mm-dd' } : {},
    }));
    ws.getRow(1).font = { bold: true };
    sheets.set(t, { ws, fields, rows: 0 });
  }
  return {
    write(_record: DatasetDisclosure, rows: Record<DatasetTable, Row[]>) {
      for (const [t, s] of sheets) {
        for (const r of rows[t]) {
          s.ws.addRow(s.fields.map((f) => xlsxValue(f, r[f.name]))).commit();
          s.rows++;
        }
      }
    },
    async close() {
      for (const s of sheets.values()) {
        s.ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: s.rows + 1, column: s.fields.length } };
        s.ws.commit();
      }
      writeReadme(wb.addWorksheet('README', { views: [{ state: 'frozen', ySplit: 7 }] }));
      await wb.commit();
      return [XLSX_FILE];
    },
  };
}

type ZipEntry = { name: string; date?: Date };
type Zip = { append(src: unknown, data: ZipEntry): unknown; foiDated?: true };

/** A streaming workbook writer whose zip entries all carry `stamp` as their time. exceljs has no
 *  option for it and archiver stamps each entry "now" unless the entry data names a date; the
 *  writer appends its first entries (theme, package rels) inside its constructor, so the dating
 *  hooks in there, through the two (public) methods that do it, before anything is appended. */
function datedWorkbookWriter(opts: Partial<ExcelJS.stream.xlsx.WorkbookStreamWriterOptions>, stamp: Date): ExcelJS.stream.xlsx.WorkbookWriter {
  const date = (w: unknown) => {
    const zip = (w as { zip?: Zip }).zip;
    if (!zip || typeof zip.append !== 'function') throw new Error('exceljs: the workbook writer has no zip to date entries in (exceljs changed?)');
    if (zip.foiDated) return;
    const append = zip.append.bind(zip);
    zip.append = (src, data) => append(src, { ...data, date: stamp });
    zip.foiDated = true;
  };
  class Dated extends ExcelJS.stream.xlsx.WorkbookWriter {
    override addThemes(): Promise<void> {
      date(this);
      return super.addThemes();
    }
    override addOfficeRels(): Promise<void> {
      date(this);
      return super.addOfficeRels();
    }
  }
  const wb = new Dated(opts);
  date(wb); // in case a later exceljs appends its first entries elsewhere
  return wb;
}

function writeReadme(ws: ExcelJS.Worksheet): void {
  ws.columns = [{ width: 16 }, { width: 20 }, { width: 10 }, { width: 10 }, { width: 100 }];
  const lines = [DATASET_TITLE, DATASET_DESCRIPTION, REUSE_NOTE, `Licence: ${LICENSE} (${LICENSE_URL})`, 'Dates are date cells, booleans TRUE/FALSE, lists are text with items joined by "; ".'];
  for (const l of lines) ws.addRow([cellText(l)]).commit();
  ws.addRow([]).commit();
  const head = ws.addRow(['table', 'column', 'type', 'empty ok', 'description']);
  head.font = { bold: true };
  head.commit();
  let n = 7;
  for (const t of DATASET_TABLE_NAMES) {
    ws.addRow([t, '', 'table', '', TABLE_DESCRIPTIONS[t]]).commit();
    n++;
    for (const f of datasetFieldsOf(t)) {
      const allowed = f.enum && f.type !== 'array' ? ` (one of: ${f.enum.join(', ')})` : '';
      ws.addRow([t, f.name, f.type === 'array' ? 'list' : f.type, f.nullable, cellText(describeColumn(f) + allowed)]).commit();
      n++;
    }
  }
  ws.autoFilter = { from: { row: 7, column: 1 }, to: { row: n, column: 5 } };
  ws.commit();
}

/** The sheets a workbook holds, in order (for tests and docs). */
export const XLSX_SHEETS = [...(Object.keys(DATASET_TABLES) as DatasetTable[]), 'README'];
