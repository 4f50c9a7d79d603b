#!/usr/bin/env node
// Writes the bundled fixture sites (fixtures/sites/<site>/): invented disclosure logs modelled on
// the structure of the real platforms (SPEC §3) — listing pages with pagination and dates, one page
// per disclosure, robots.txt, and PDF / XLSX / DOCX / CSV attachments with small tables. All content
// is made up here; nothing is copied from real documents. Output is deterministic (seeded numbers,
// fixed document dates), so re-running the script leaves the committed files unchanged.
//
//   node scripts/make-sites.mjs            (then commit fixtures/sites)
import { createHash } from 'node:crypto';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import PDFDocument from 'pdfkit';
import { AlignmentType, Document, HeadingLevel, Packer, Paragraph, Table, TableCell, TableRow, TextRun, WidthType } from 'docx';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const SITES = join(ROOT, 'fixtures', 'sites');
const FIXED_DATE = new Date(Date.UTC(2024, 0, 1));

// ---------------------------------------------------------------------------------------------
// Small helpers

/** Deterministic numbers (mulberry32), one stream per site. */
function rng(seed) {
  let a = seed >>> 0;
  return (lo, hi) => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    const r = ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    return lo + Math.floor(r * (hi - lo + 1));
  };
}
const esc = (s) => String(s).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const longDate = (iso) => {
  const [y, m, d] = iso.split('-').map(Number);
  return `${d} ${MONTHS[m - 1]} ${y}`;
};
const usDate = (iso) => {
  const [y, m, d] = iso.split('-').map(Number);
  return `${MONTHS[m - 1]} ${String(d).padStart(2, '0')}, ${y}`;
};
const slashDate = (iso) => {
  const [y, m, d] = iso.split('-');
  return `${d}/${m}/${y}`;
};
const slugify = (s) => s.toLowerCase().replace(/&/g, 'and').replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
const range = (a, b) => Array.from({ length: b - a + 1 }, (_, i) => a + i);
const p = (s) => `<p>${s}</p>`;
const table = (header, rows, caption) =>
  `<table class="foi-table">${caption ? `<caption>${esc(caption)}</caption>` : ''}<thead><tr>${header.map((h) => `<th>${esc(h)}</th>`).join('')}</tr></thead><tbody>${rows
    .map((r) => `<tr>${r.map((c) => `<td>${esc(c)}</td>`).join('')}</tr>`)
    .join('')}</tbody></table>`;

function write(path, data) {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, data);
}

// ---------------------------------------------------------------------------------------------
// The law, worded as forces word it. FOISA (Police Scotland) numbers its sections differently.

const LAW = {
  FOIA: {
    act: 'the Freedom of Information Act 2000',
    s40: `<h3>Section 40(2) – Personal information</h3>${p(
      'Section 40(2) is an absolute, class-based exemption. The information requested, if disclosed, would identify individual officers, and disclosure would breach the first data protection principle, as it would be neither fair nor lawful. Where the numbers involved are small, details such as rank, gender and offence would allow the individuals concerned to be identified, and therefore this information has been withheld.',
    )}`,
    ncnd: (force) =>
      `${p(`In accordance with the Act, this letter represents a Refusal Notice for this particular part of your request. ${force} can neither confirm nor deny that it holds any other information relevant to your request as the duty in Section 1(1)(a) of the Act does not apply, by virtue of the following exemptions:`)}<ul><li>Section 40(5) Personal Information</li><li>Section 30(3) Investigations and Proceedings</li></ul>${p(
        'Confirming or denying whether information is held about a named individual, or a specific incident, would in itself disclose personal information about that person. To confirm or deny would also undermine any investigation that may or may not be taking place.',
      )}`,
    cost: (hours, files) =>
      `<h3>Section 12(1) – Cost of compliance exceeds the appropriate limit</h3>${p(
        `Section 12(1) of the Act allows a public authority to refuse to comply with a request for information where the authority estimates that the cost of compliance would exceed the appropriate limit. The appropriate limit for police forces is £450, which equates to 18 hours of work at £25 per hour. To answer this part of your request we would need to manually review approximately ${files} personnel and professional standards files, which at 5 minutes per file would take over ${hours} hours.`,
      )}${p('In accordance with Section 16 of the Act, you may wish to refine your request, for example by narrowing the time period, so that it may fall within the cost limit.')}`,
    security: `<h3>Section 24(1) – National security and Section 31(1)(a) – Law enforcement</h3>${p(
      'Disclosing the makes, models and specifications of the equipment, or the locations where it is deployed, would allow those intent on committing crime to build a picture of police capability and take steps to avoid detection. The public interest test has been carried out and, on balance, the information is withheld.',
    )}`,
    notHeld: (what) => p(`${what} is not held. There is no requirement under the Act for a public authority to create information in order to answer a request.`),
  },
  FOISA: {
    act: 'the Freedom of Information (Scotland) Act 2002',
    s40: `<h3>Section 38(1)(b) – Personal information</h3>${p(
      'The information you have requested, broken down in the way you ask, would be the personal data of a small number of identifiable officers. Disclosure would contravene the data protection principles and the information is therefore exempt under section 38(1)(b) of the Act. This is an absolute exemption and is not subject to the public interest test.',
    )}`,
    ncnd: () =>
      `${p('In terms of section 18 of the Act, Police Scotland neither confirms nor denies whether the information you have requested exists or is held. If it did exist and were held, it would be exempt from disclosure in terms of sections 34(1)(a) (Investigations) and 38(1)(b) (Personal information) of the Act.')}${p(
        'To confirm or deny whether any individual officer has been the subject of an allegation would itself disclose their personal data.',
      )}`,
    cost: (hours, files) =>
      `<h3>Section 12(1) – Excessive cost of compliance</h3>${p(
        `Section 12(1) of the Act makes provision for a public authority to refuse to comply with a request for information where the cost of doing so would exceed the prescribed limit of £600. To establish this we would need to examine around ${files} case files individually, which we estimate would take in excess of ${hours} hours.`,
      )}`,
    security: `<h3>Section 35(1)(a)&amp;(b) – Law enforcement and Section 39(1) – Health and safety</h3>${p(
      'Disclosure of the specifications and deployment locations of this equipment would be likely to prejudice substantially the prevention and detection of crime and the apprehension of offenders, and could endanger the safety of officers and the public.',
    )}`,
    notHeld: (what) => p(`In terms of section 17 of the Act, I can confirm that ${what.toLowerCase()} is not held by Police Scotland.`),
  },
};

// ---------------------------------------------------------------------------------------------
// What people ask about. Each topic builds one disclosure's content from the site's numbers.
// parts: [{ q, a }] — q is the question as asked, a the answer HTML; `legal` follows the answers.

const RANKS = ['Constable', 'Sergeant', 'Inspector', 'Chief Inspector'];
const OFFENCES = [
  ['Assault by beating', 'Common assault'],
  ['Driving with excess alcohol', 'Drink driving'],
  ['Misconduct in public office', 'Misconduct in public office'],
  ['Making indecent photographs of children', 'Indecent images'],
  ['Theft', 'Theft'],
  ['Harassment', 'Harassment'],
  ['Speeding', 'Speeding'],
  ['Possession of a controlled drug (Class A)', 'Drugs'],
  ['Unauthorised access to computer material', 'Computer misuse'],
  ['Controlling or coercive behaviour', 'Domestic abuse'],
];
const OUTCOMES_MISCONDUCT = ['Dismissed without notice', 'Final written warning', 'Written warning', 'Management advice', 'No case to answer'];

const TOPICS = {
  convictions: (ctx) => {
    const years = range(ctx.y0, ctx.y0 + 4);
    const counts = years.map(() => ctx.n(0, 7));
    return {
      title: 'Officer convictions',
      listingTitle: `Police officers convicted of criminal offences ${years[0]}-${years[4]}`,
      topics: ['convictions'],
      intro: `For each of the calendar years ${years[0]} to ${years[4]} (inclusive), please provide:`,
      parts: [
        {
          q: `How many serving police officers employed by ${ctx.force} were convicted of a criminal offence?`,
          a: `<ul>${years.map((y, i) => `<li>${y} = ${counts[i]}</li>`).join('')}</ul>`,
        },
        {
          q: 'For each officer convicted, their rank and the offence they were convicted of.',
          a: p('Where the number in any one year is fewer than five, the rank and offence have been withheld under the exemption below, as to provide them could identify the officers concerned.'),
        },
        {
          q: 'How many of those officers remain employed by the force?',
          a: p(`${ctx.words(ctx.n(1, 3))} of the officers convicted in this period remain employed; in each case the conviction was for a motoring offence.`),
        },
      ],
      legal: ctx.law.s40,
      outcome: 'partial',
    };
  },
  convictionsTable: (ctx) => {
    const years = range(ctx.y0, ctx.y0 + 3);
    const rows = [];
    for (const y of years) {
      for (let k = ctx.n(1, 3); k > 0; k--) {
        const [offence] = OFFENCES[ctx.n(0, OFFENCES.length - 1)];
        rows.push([String(y), RANKS[ctx.n(0, 1)], ctx.n(0, 3) ? 'Male' : 'Female', offence, ['Fine', 'Community order', 'Suspended sentence', 'Imprisonment'][ctx.n(0, 3)], ['Dismissed', 'Resigned', 'Serving', 'Retired'][ctx.n(0, 3)]]);
      }
    }
    return {
      title: 'Officers and staff convicted of criminal offences',
      topics: ['convictions'],
      intro: `Please provide, for ${years[0]} to ${years[3]}, a list of all police officers and police staff who were convicted of a criminal offence while employed by the force, showing the year of conviction, rank, gender, offence, sentence and their current employment status.`,
      parts: [{ q: 'The list described above.', a: p('Please see the attached document, which lists each conviction recorded by Professional Standards. Names have been removed.') }],
      legal: ctx.law.s40,
      outcome: 'partial',
      attachment: {
        kind: ctx.attachmentKind,
        stem: 'officer-convictions',
        title: `Convictions of officers and staff ${years[0]}-${years[3]}`,
        header: ['Year', 'Rank', 'Gender', 'Offence', 'Sentence', 'Status'],
        rows,
      },
    };
  },
  suspensions: (ctx) => {
    const rows = RANKS.slice(0, 3).map((r) => [r, String(ctx.n(0, 9)), String(ctx.n(0, 14))]);
    return {
      title: 'Officers suspended or on restricted duties',
      topics: ['suspensions'],
      intro: `As of ${longDate(ctx.date)}, please tell me:`,
      parts: [
        { q: 'How many police officers are currently suspended from duty?', a: table(['Rank', 'Suspended', 'Restricted duties'], rows, 'Officers suspended or on restricted duties by rank') },
        { q: 'How many police officers are currently on restricted duties?', a: p('Please see the table above.') },
        {
          q: 'How many PCSOs are currently suspended?',
          a: p('One PCSO, currently suspended pending the outcome of a criminal investigation.'),
        },
        { q: 'The reason each officer was suspended.', a: p('This information is withheld; see below.') },
      ],
      legal: ctx.law.s40 + ctx.law.ncnd(ctx.force),
      outcome: 'partial',
    };
  },
  misconductHearings: (ctx) => {
    const years = range(ctx.y0, ctx.y0 + 4);
    const rows = OUTCOMES_MISCONDUCT.map((o) => [o, ...years.map(() => String(ctx.n(0, 12)))]);
    return {
      title: 'Misconduct hearings and outcomes',
      listingTitle: 'Gross misconduct hearings and outcomes',
      topics: ['misconduct_proceedings'],
      intro: `Between 1 January ${years[0]} and 31 December ${years[4]}:`,
      parts: [
        { q: 'How many gross misconduct hearings were held for police officers?', a: p(`A total of ${rows.reduce((s, r) => s + r.slice(1).reduce((t, v) => t + Number(v), 0), 0)} hearings were held.`) },
        {
          q: 'Please break the outcomes of those hearings down by year.',
          a: ctx.attachmentKind === 'xlsx' ? p('Please see the attached spreadsheet.') : table(['Outcome', ...years.map(String)], rows, 'Outcome of gross misconduct hearings'),
        },
        { q: 'How many of the hearings were held in public?', a: LAW[ctx.act].notHeld('A record of whether each hearing was held in public') },
      ],
      legal: '',
      outcome: 'partial',
      attachment:
        ctx.attachmentKind === 'xlsx'
          ? { kind: 'xlsx', stem: 'misconduct-outcomes', title: 'Outcome of gross misconduct hearings', header: ['Outcome', ...years.map(String)], rows }
          : undefined,
    };
  },
  sexualMisconduct: (ctx) => {
    const years = range(ctx.y0, ctx.y0 + 3);
    const counts = years.map(() => ctx.n(2, 19));
    return {
      title: 'Sexual misconduct allegations against officers',
      topics: ['sexual_misconduct', 'misconduct_proceedings'],
      intro: `For each year from ${years[0]} to ${years[3]}:`,
      parts: [
        {
          q: 'How many allegations of sexual misconduct, including abuse of position for a sexual purpose, were made against serving police officers?',
          a: p(years.map((y, i) => `${y} = ${counts[i]}`).join('<br>')),
        },
        { q: 'How many of those officers were dismissed?', a: p(`${ctx.words(ctx.n(1, 4))} officers were dismissed following a gross misconduct hearing.`) },
        { q: 'Were any of the officers the subject of allegations by colleagues? Please name the officers concerned.', a: p('See below.') },
      ],
      legal: ctx.law.s40 + ctx.law.ncnd(ctx.force),
      outcome: 'partial',
    };
  },
  vetting: (ctx) => ({
    title: 'Officers who failed vetting',
    listingTitle: 'Vetting and re-vetting failures',
    topics: ['vetting'],
    intro: `Please provide the following for the period 1 April ${ctx.y0} to 31 March ${ctx.y0 + 3}:`,
    parts: [
      { q: 'How many serving officers failed re-vetting?', a: p(`${ctx.n(3, 21)} serving officers had their vetting clearance withdrawn following re-vetting.`) },
      { q: 'How many applicants were refused vetting because of a previous conviction or caution?', a: p(`${ctx.n(10, 60)} applicants were refused vetting for this reason.`) },
      { q: 'For each officer who failed re-vetting, the reason and what happened to them afterwards.', a: p('This part of the request is refused; see below.') },
    ],
    legal: ctx.law.cost(ctx.n(30, 90), ctx.n(300, 900)),
    outcome: 'partial',
  }),
  drones: (ctx) => ({
    title: 'Use of drones',
    listingTitle: 'Unmanned aerial vehicles (drones)',
    topics: ['other'],
    intro: '',
    parts: [
      { q: 'How many drones (unmanned aerial vehicles) does the force own?', a: p(`The force currently owns ${ctx.n(6, 24)} drones.`) },
      { q: 'How much has the force spent on drones and pilot training since 2019?', a: p(`£${ctx.n(40, 240)},${String(ctx.n(100, 999))} has been spent on equipment and training.`) },
      { q: 'Please list the makes and models and where each is based.', a: p('This information is withheld; see below.') },
      {
        q: 'How many times were drones deployed in each year from 2021 to 2023?',
        a: table(['Year', 'Deployments'], [2021, 2022, 2023].map((y) => [String(y), String(ctx.n(150, 900))])),
      },
    ],
    legal: ctx.law.security,
    outcome: 'partial',
  }),
  stopSearch: (ctx) => {
    const groups = ['White', 'Black or Black British', 'Asian or Asian British', 'Mixed', 'Other ethnic group', 'Not stated'];
    const rows = groups.map((g) => [g, String(ctx.n(100, 5000)), String(ctx.n(10, 900))]);
    return {
      title: 'Stop and search by ethnicity',
      topics: ['other'],
      intro: `For the financial year ${ctx.y0}/${String(ctx.y0 + 1).slice(2)}:`,
      parts: [
        { q: 'How many stop and searches were carried out under section 1 of PACE, broken down by the self-defined ethnicity of the person searched?', a: p('Please see the attached file.') },
        { q: 'How many of those searches led to an arrest?', a: p('The attached file also shows the number of arrests.') },
      ],
      legal: '',
      outcome: 'full',
      attachment: { kind: 'csv', stem: 'stop-and-search-ethnicity', title: 'Stop and search by ethnicity', header: ['Self-defined ethnicity', 'Searches', 'Arrests'], rows },
    };
  },
  servingWithConvictions: (ctx) => ({
    title: 'Serving officers with criminal convictions',
    topics: ['convictions'],
    intro: '',
    parts: [
      { q: 'How many serving police officers have a criminal conviction or caution, including those received before they joined?', a: p('Your request is refused; see below.') },
      { q: 'For each, the offence and the year it was committed.', a: p('See below.') },
    ],
    legal: ctx.law.cost(ctx.n(100, 400), ctx.n(2000, 7000)),
    outcome: 'cost_limit',
  }),
  charged: (ctx) => {
    const years = range(ctx.y0, ctx.y0 + 2);
    return {
      title: 'Officers charged with criminal offences',
      topics: ['charges'],
      intro: '',
      parts: [
        {
          q: `In each of the years ${years[0]}, ${years[1]} and ${years[2]}, how many police officers were charged with a criminal offence?`,
          a: p(years.map((y) => `${y} = ${ctx.n(0, 6)}`).join('<br>')),
        },
        { q: 'How many of them were suspended on full pay while awaiting trial?', a: LAW[ctx.act].notHeld('Information about whether officers were on full pay') },
      ],
      legal: '',
      outcome: 'partial',
    };
  },
  dismissals: (ctx) => {
    const rows = range(1, ctx.n(4, 7)).map(() => [String(ctx.n(ctx.y0, ctx.y0 + 2)), RANKS[ctx.n(0, 2)], ctx.n(0, 2) ? 'Male' : 'Female', ['Discreditable conduct', 'Honesty and integrity', 'Use of force', 'Confidentiality', 'Equality and diversity'][ctx.n(0, 4)], OUTCOMES_MISCONDUCT[ctx.n(0, 1)]]);
    return {
      title: 'Officers dismissed following misconduct proceedings',
      topics: ['misconduct_proceedings'],
      intro: '',
      parts: [
        {
          q: `Since 1 January ${ctx.y0}, how many police officers have been dismissed, or would have been dismissed had they not resigned, following gross misconduct proceedings? For each please give the year, rank, gender and the standard of professional behaviour breached.`,
          a: p('Please see the attached document.'),
        },
      ],
      legal: '',
      outcome: 'full',
      attachment: { kind: 'docx', stem: 'dismissals', title: 'Officers dismissed or who would have been dismissed', header: ['Year', 'Rank', 'Gender', 'Standard breached', 'Outcome'], rows },
    };
  },
  domesticAbuse: (ctx) => ({
    title: 'Domestic abuse allegations against officers',
    topics: ['complaints', 'misconduct_proceedings'],
    intro: `For the calendar years ${ctx.y0}-${ctx.y0 + 2} inclusive:`,
    parts: [
      { q: 'How many police officers and police staff were reported for domestic abuse related offences?', a: p(`${ctx.n(6, 30)} officers and ${ctx.n(1, 9)} members of police staff.`) },
      { q: 'How many of those reports resulted in a conviction?', a: p(`${ctx.words(ctx.n(1, 4))} of the reports resulted in a conviction.`) },
      { q: 'How many resulted in a misconduct sanction?', a: LAW[ctx.act].notHeld('This information') },
    ],
    legal: '',
    outcome: 'partial',
  }),
  complaints: (ctx) => ({
    title: 'Public complaints about officers',
    topics: ['complaints'],
    intro: `For ${ctx.y0}:`,
    parts: [
      { q: 'How many complaints from the public were recorded about police officers?', a: p(`${ctx.n(600, 2400)} complaint cases were recorded, involving ${ctx.n(800, 3000)} allegations.`) },
      { q: 'How many of those complaints were upheld?', a: p(`${ctx.n(20, 120)} of the complaint cases were upheld.`) },
    ],
    legal: '',
    outcome: 'full',
  }),
};

// ---------------------------------------------------------------------------------------------
// Attachments: small real files with one table each.

async function pdfBytes(att, heading) {
  const doc = new PDFDocument({ size: 'A4', margin: 40, info: { Title: att.title, Author: heading, Producer: 'foi-harvest fixtures', Creator: 'foi-harvest fixtures', CreationDate: FIXED_DATE, ModDate: FIXED_DATE } });
  const chunks = [];
  doc.on('data', (c) => chunks.push(c));
  const done = new Promise((res) => doc.on('end', res));
  doc.fontSize(13).text(heading, { align: 'left' });
  doc.moveDown(0.3).fontSize(11).text(att.title);
  doc.moveDown(0.8);
  const colW = Math.floor(515 / att.header.length);
  let y = doc.y;
  const drawRow = (cells, bold) => {
    doc.font(bold ? 'Helvetica-Bold' : 'Helvetica').fontSize(9);
    cells.forEach((c, i) => doc.text(String(c), 40 + i * colW + 3, y + 4, { width: colW - 6 }));
    const h = 18;
    cells.forEach((_, i) => doc.rect(40 + i * colW, y, colW, h).stroke());
    y += h;
  };
  drawRow(att.header, true);
  for (const r of att.rows) drawRow(r, false);
  doc.font('Helvetica').fontSize(9).text('Figures are taken from the Professional Standards Department case management system.', 40, y + 12);
  doc.end();
  await done;
  return Buffer.concat(chunks);
}

async function xlsxBytes(att) {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'foi-harvest fixtures';
  wb.created = FIXED_DATE;
  wb.modified = FIXED_DATE;
  const ws = wb.addWorksheet('Data');
  ws.addRow([att.title]);
  ws.mergeCells(1, 1, 1, att.header.length);
  ws.addRow(att.header);
  for (const r of att.rows) ws.addRow(r.map((c) => (/^\d+$/.test(c) ? Number(c) : c)));
  return Buffer.from(await wb.xlsx.writeBuffer());
}

async function docxBytes(att, heading) {
  const cell = (t, bold) => new TableCell({ children: [new Paragraph({ children: [new TextRun({ text: String(t), bold })] })] });
  const doc = new Document({
    creator: 'foi-harvest fixtures',
    title: att.title,
    sections: [
      {
        children: [
          new Paragraph({ text: heading, heading: HeadingLevel.HEADING_1 }),
          new Paragraph({ text: att.title, alignment: AlignmentType.LEFT }),
          new Table({
            width: { size: 100, type: WidthType.PERCENTAGE },
            rows: [new TableRow({ children: att.header.map((h) => cell(h, true)) }), ...att.rows.map((r) => new TableRow({ children: r.map((c) => cell(c, false)) }))],
          }),
        ],
      },
    ],
  });
  return Buffer.from(await Packer.toBuffer(doc));
}

const csvBytes = (att) => Buffer.from([att.header, ...att.rows].map((r) => r.map((c) => (/[",\n]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c)).join(',')).join('\r\n') + '\r\n');

/**
 * Office files are zips whose entries carry the time they were written, and docx stamps
 * "now" into docProps/core.xml: rewrite both with a fixed date so output is reproducible.
 * (jszip is exceljs's own dependency.)
 */
async function fixZipDates(bytes) {
  const zip = await JSZip.loadAsync(bytes);
  const out = new JSZip();
  for (const name of Object.keys(zip.files).sort()) {
    const entry = zip.files[name];
    if (entry.dir) continue;
    let data = await entry.async('nodebuffer');
    if (name === 'docProps/core.xml') data = Buffer.from(data.toString('utf8').replace(/\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z/g, FIXED_DATE.toISOString().replace('.000', '')));
    out.file(name, data, { date: FIXED_DATE, createFolders: false });
  }
  return Buffer.from(await out.generateAsync({ type: 'uint8array', compression: 'DEFLATE' }));
}

async function attachmentBytes(att, heading) {
  switch (att.kind) {
    case 'pdf':
      return pdfBytes(att, heading);
    case 'xlsx':
      return fixZipDates(await xlsxBytes(att));
    case 'docx':
      return fixZipDates(await docxBytes(att, heading));
    case 'csv':
      return csvBytes(att);
  }
  throw new Error(`unknown attachment kind ${att.kind}`);
}

// ---------------------------------------------------------------------------------------------
// Page chrome per platform.

const SOH_CHROME_TOP = `<a class="quick-exit" href="https://www.bbc.co.uk/weather">Quickly exit this site by pressing the Escape key</a> <a class="quick-exit" href="https://www.bbc.co.uk/weather">Leave this site</a>
<div class="cookie-banner" id="cookie-banner"><p>We use some essential cookies to make our website work. We’d like to set additional cookies so we can remember your preferences and understand how you use our site.</p><button>Accept additional cookies</button><button>Reject additional cookies</button><a href="/cookies/">Customise cookies</a></div>
<div class="phase-banner"><p>This site is a beta, which means it's a work in progress and we'll be adding more to it over the next few weeks. Your feedback helps us make things better, so please let us know what you think.</p></div>`;

function sohShell(site, title, main) {
  return `<!DOCTYPE html>
<html lang="en-GB">
<head><meta charset="utf-8"><title>${esc(title)} | ${esc(site.forceName)}</title><meta name="viewport" content="width=device-width, initial-scale=1"></head>
<body>
${SOH_CHROME_TOP}
<header class="site-header"><a href="/">${esc(site.forceName)}</a><nav><ul><li><a href="/report/">Report</a></li><li><a href="/foi-ai/${site.slug}/">Freedom of information</a></li><li><a href="/search/">Search</a></li></ul></nav></header>
<nav class="breadcrumbs"><a href="/">Home</a> › <a href="/foi-ai/${site.slug}/">Freedom of information</a> › <a href="/foi-ai/${site.slug}/disclosure-log/">Disclosure log</a></nav>
<main id="main-content">
${main}
</main>
<footer class="site-footer"><p>© ${esc(site.forceName)}</p><a href="/accessibility/">Accessibility</a> <a href="/privacy/">Privacy notice</a></footer>
</body>
</html>
`;
}

function wmpShell(title, main) {
  return `<!DOCTYPE html>
<html lang="en-GB">
<head><meta charset="UTF-8"><title>${esc(title)} – West Midlands Police FOI</title></head>
<body class="wp-site">
<a class="skip-link screen-reader-text" href="#content">Skip to content</a>
<header id="masthead" class="site-header"><p class="site-title"><a href="https://foi.west-midlands.police.uk/">West Midlands Police – Freedom of Information</a></p>
<nav class="main-navigation"><ul><li><a href="https://foi.west-midlands.police.uk/">Home</a></li><li><a href="https://foi.west-midlands.police.uk/what-is-proactive-publication/">What is Proactive Publication?</a></li></ul></nav></header>
<div id="content" class="site-content"><main id="main" class="site-main">
${main}
</main>
<aside class="widget-area"><h2 class="widget-title">Categories</h2><ul><li><a href="https://foi.west-midlands.police.uk/category/hr/">HR</a></li><li><a href="https://foi.west-midlands.police.uk/category/operational/">Operational</a></li></ul></aside></div>
<footer class="site-footer"><p>West Midlands Police</p></footer>
</body>
</html>
`;
}

function psniShell(title, main) {
  return `<!DOCTYPE html>
<html lang="en">
<head><meta charset="utf-8"><title>${esc(title)} | PSNI</title></head>
<body>
<a href="#main-content" class="skip-link">Skip to main content</a>
<header role="banner" class="site-header"><a href="/">Police Service of Northern Ireland</a><nav><a href="/report">Report</a> <a href="/advice">Advice</a> <a href="/foi-disclosure-log">FOI disclosure log</a></nav></header>
<main id="main-content" role="main">
${main}
</main>
<footer role="contentinfo"><p>Police Service of Northern Ireland</p></footer>
</body>
</html>
`;
}

function scotShell(title, main) {
  return `<!DOCTYPE html>
<html lang="en-GB">
<head><meta charset="utf-8"><title>${esc(title)} - Police Scotland</title></head>
<body>
<div class="accessibility-bar"><a href="/accessibility/">Accessibility</a> |</div>
<header class="site-header"><a href="/">Police Scotland</a><nav><a href="/access-to-information/">Access to information</a></nav></header>
<main id="content">
${main}
</main>
<footer class="site-footer"><p>Police Scotland</p></footer>
</body>
</html>
`;
}

function genericShell(site, title, main) {
  return `<!DOCTYPE html>
<html lang="en-GB">
<head><meta charset="utf-8"><title>${esc(title)} | ${esc(site.forceName)}</title></head>
<body>
<div id="cookie-notice" class="cookie-banner"><p>This website uses cookies.</p></div>
<header class="site-header"><a href="/">${esc(site.forceName)}</a><nav><a href="/about/">About us</a> <a href="/about/freedom-of-information/">Freedom of information</a></nav></header>
<main>
${main}
</main>
<footer class="site-footer"><p>${esc(site.forceName)}</p></footer>
</body>
</html>
`;
}

// ---------------------------------------------------------------------------------------------
// Disclosure bodies per platform.

// Numbers are printed, as forces do, so they survive copy and paste (and text extraction).
const questionsOl = (parts) => parts.map((x, i) => p(`${i + 1}. ${esc(x.q)}`)).join('\n');
const answersByNumber = (parts, label = 'Question ') => parts.map((x, i) => `<h3>${label}${i + 1}</h3>${x.a}`).join('\n');
const attLinkHtml = (d) => (d.attachment ? `<p><a href="${d.attachment.href}">${esc(d.attachment.title)} (${d.attachment.kind.toUpperCase()})</a></p>` : '');

function sohBody(site, d) {
  return `<h1>${esc(d.title)}</h1>
<div class="disclosure-meta"><p>Published date: ${longDate(d.date)}</p></div>
<p>Freedom of information request reference no: ${esc(d.ref)}</p>
${d.pub ? `<p>Publication number: ${esc(d.pub)}</p>` : ''}
<p>I note you seek access to the following information:</p>
${d.intro ? p(esc(d.intro)) : ''}
${questionsOl(d.parts)}
<h2>DECISION</h2>
${p(
  d.outcome === 'cost_limit'
    ? 'I have today decided to refuse your request, as the cost of complying with it would exceed the appropriate limit.'
    : d.outcome === 'full'
      ? 'I have today decided to disclose the requested information.'
      : `I have today decided to disclose some of the requested information. Some data has been withheld as it is exempt from disclosure and therefore this response serves as a Refusal Notice under Section 17 of ${LAW.FOIA.act}.`,
)}
<h2>Response</h2>
${answersByNumber(d.parts)}
${d.legal}
${attLinkHtml(d)}
<p>Yours sincerely,</p><p>Information Rights Unit</p>`;
}

function wmpBody(d, requestHeading = true) {
  return `<article id="post-${d.n}" class="post type-post status-publish">
<header class="entry-header"><h1 class="entry-title">${esc(d.title)} (${esc(d.ref)})</h1><span class="posted-on"><time class="entry-date published" datetime="${d.date}T09:00:00+00:00">${longDate(d.date)}</time></span></header>
<div class="entry-content">
${requestHeading ? '<h2>Request</h2>' : ''}
${d.intro ? p(esc(d.intro)) : ''}
${d.parts.map((x, i) => p(`${i + 1}) ${esc(x.q)}`)).join('\n')}
<h2>Response</h2>
${answersByNumber(d.parts, 'Q')}
${d.legal}
${attLinkHtml(d)}
${d.pit ? `<p><a href="${d.pit.href}">Public interest test (PDF)</a></p>` : ''}
</div>
</article>`;
}

function psniBody(d) {
  return `<article class="foi-disclosure">
<p class="foi-meta">${usDate(d.date)} | ${esc(d.category)}</p>
<h1>${esc(d.title)}</h1>
<p>Request Number: ${esc(d.ref)}</p>
<p>Category: ${esc(d.category)}</p>
<p>Subject: ${esc(d.title)}</p>
<p>Request and Answer:</p>
${p(
  d.outcome === 'cost_limit'
    ? `Your request for information below has now been considered. In respect of Section 1(1)(a) of ${LAW.FOIA.act} (FOIA) we can confirm that the Police Service of Northern Ireland (PSNI) does hold the information you have requested however it is estimated that the cost of complying with your request would exceed the “appropriate costs limit” under Section 12(1) of FOIA.`
    : `Your request for information has now been considered. In respect of Section 1(1)(a) of the Act we can confirm that the Police Service of Northern Ireland (PSNI) does hold ${d.outcome === 'full' ? 'the' : 'some'} information to which your request relates and this is being provided to you.`,
)}
${d.intro ? p(esc(d.intro)) : ''}
${d.parts.map((x, i) => `<h3>Request ${i + 1}</h3>${p(esc(x.q))}<h3>Answer ${i + 1}</h3>${x.a}`).join('\n')}
${d.legal}
${attLinkHtml(d)}
<p>If you have any queries regarding your request or the decision please do not hesitate to contact us.</p>
</article>`;
}

function scotBody(d) {
  return `<h1>${esc(d.title)}</h1>
<p class="reference">Our reference: ${esc(d.ref)}</p>
<p>Responded to: ${longDate(d.date)}</p>
${p(`Thank you for your e-mail of ${longDate(d.requestDate)} in which you seek the following information under ${LAW.FOISA.act} (FOISA):`)}
${d.intro ? p(esc(d.intro)) : ''}
${questionsOl(d.parts)}
${p('I have now completed a search of our records and can respond as follows.')}
${answersByNumber(d.parts)}
${d.legal}
${attLinkHtml(d)}
${p('Should you require any further assistance please contact Information Management quoting the reference number given.')}
${p('If you are dissatisfied with the way in which Police Scotland has dealt with your request, you are entitled in the first instance to request a review of our actions and decisions.')}`;
}

function genericBody(d) {
  return `<article class="foi-response">
<h1>${esc(d.title)}</h1>
<div class="foi-response__meta"><p>Reference: ${esc(d.ref)}</p><p>Date of request: ${slashDate(d.requestDate)}</p><p>Date of response: ${slashDate(d.date)}</p></div>
<h2>Request</h2>
${d.intro ? p(esc(d.intro)) : ''}
${questionsOl(d.parts)}
<h2>Response</h2>
${answersByNumber(d.parts)}
${d.legal}
${attLinkHtml(d)}
</article>`;
}

// ---------------------------------------------------------------------------------------------
// The sites.

const NUMBER_WORDS = ['No', 'One', 'Two', 'Three', 'Four', 'Five', 'Six', 'Seven', 'Eight', 'Nine', 'Ten'];

/** Dates newest first, spread back from `start` by roughly `gapDays`. */
function datesBack(start, count, gapDays, n) {
  const out = [];
  let t = Date.parse(`${start}T00:00:00Z`);
  for (let i = 0; i < count; i++) {
    out.push(new Date(t).toISOString().slice(0, 10));
    t -= (gapDays + n(0, Math.floor(gapDays / 3))) * 86400000;
  }
  return out;
}

function buildDisclosures(site) {
  const n = rng(site.seed);
  const dates = datesBack(site.newest, site.topics.length, site.gapDays, n);
  return site.topics.map((topicKey, i) => {
    const date = dates[i];
    const y = Number(date.slice(0, 4));
    const ctx = {
      n,
      force: site.forceName,
      act: site.act,
      law: LAW[site.act],
      date,
      y0: y - 5,
      words: (k) => NUMBER_WORDS[k] ?? String(k),
      attachmentKind: site.attachmentKinds[topicKey] ?? 'pdf',
    };
    const body = TOPICS[topicKey](ctx);
    const ref = site.reference(i, y, n);
    const pub = site.publication ? site.publication(i, n) : null;
    const requestDate = new Date(Date.parse(`${date}T00:00:00Z`) - (20 + n(0, 15)) * 86400000).toISOString().slice(0, 10);
    return { ...body, topicKey, n: 1000 + i, date, requestDate, ref, pub, listingTitle: body.listingTitle ?? body.title };
  });
}

async function writeAttachment(dir, d, urlPath, heading) {
  const bytes = await attachmentBytes(d.attachment, heading);
  write(join(dir, urlPath), bytes);
}

// ---- Single Online Home (one site per force) ----
async function makeSoh(def) {
  const dir = join(SITES, def.dir);
  const site = { ...def, act: 'FOIA' };
  const ds = buildDisclosures(site);
  // The log is the platform's shared search page (dt = document type); /foi-ai/<force>/disclosure-log/
  // is only a folder. Item paths vary by force and year (site.itemPath); media live under the
  // force's media slug, which is not its site slug.
  const logPath = SOH_SEARCH;
  const logQuery = '?q=&dt=Disclosure+log';
  for (const d of ds) {
    const [y, m] = d.date.split('-');
    d.path = site.itemPath(d, y, MONTHS[Number(m) - 1].toLowerCase(), slugify(d.listingTitle));
    if (d.attachment) {
      d.attachment.href = `/SysSiteAssets/foi-media/${site.mediaSlug}/disclosure_${y}/${MONTHS[Number(m) - 1].toLowerCase()}_${y}/${d.attachment.stem}-${slugify(d.ref)}.${d.attachment.kind}`;
      await writeAttachment(dir, d, d.attachment.href, site.forceName);
    }
    write(join(dir, d.path, 'index.html'), sohShell(site, d.title, sohBody(site, d)));
  }
  const listing = (list, query, fileQuery) => {
  const pages = chunk(list, site.perPage);
  pages.forEach((items, k) => {
    const next = k + 1 < pages.length ? `${logPath}${query}&page=${k + 2}` : null;
    const prev = k > 0 ? (k === 1 ? `${logPath}${query}` : `${logPath}${query}&page=${k}`) : null;
    const main = `<h1>Published items</h1>
<p>Responses to freedom of information requests that may be of wider public interest. Personal information has been removed.</p>
<form class="filter" action="${logPath}"><label>Search <input name="q"></label><input type="hidden" name="dt" value="Disclosure log"><label>From <input type="date" name="fdte"></label><label>To <input type="date" name="tdte"></label><button>Search</button></form>
<p class="results-count">Showing ${k * site.perPage + 1} to ${k * site.perPage + items.length} of ${list.length} results</p>
<ol class="disclosure-results">
${items
  .map(
    (d) => `<li class="disclosure-result"><h3><a href="${d.path}">${esc(d.listingTitle)}</a></h3><p class="summary">${esc(d.parts[0].q)}</p><p class="published-date">Published: <time datetime="${d.date}">${longDate(d.date)}</time></p><p class="reference">Reference no: ${esc(d.ref)}</p></li>`,
  )
  .join('\n')}
</ol>
<nav class="pagination" aria-label="Pagination">${prev ? `<a rel="prev" href="${prev}">Previous</a>` : ''} <span>Page ${k + 1} of ${pages.length}</span> ${next ? `<a rel="next" href="${next}">Next</a>` : ''}</nav>`;
    const file = join(dir, logPath, `index__${fileQuery}${k === 0 ? '' : `_page_${k + 1}`}.html`);
    write(file, sohShell(site, 'Published items', main));
    // Without a query (or with filters this site has no file for) the server answers the plain search.
    if (k === 0 && fileQuery === 'q_dt_Disclosure_log') write(join(dir, logPath, 'index.html'), sohShell(site, 'Published items', main));
  });
  };
  listing(ds, logQuery, 'q_dt_Disclosure_log');
  // The search filtered by date, as --since asks it (fdte): only items published on or after.
  listing(ds.filter((d) => d.date >= site.sinceFilter), `${logQuery}&fdte=${site.sinceFilter}`, `q_dt_Disclosure_log_fdte_${site.sinceFilter}`);
  // The force's own folder of items: not a listing (fetch never starts here).
  write(join(dir, 'foi-ai', site.slug, 'disclosure-log', 'index.html'), sohShell(site, 'Disclosure log', `<h1>Disclosure log</h1><p><a href="${logPath}${logQuery}">Search the disclosure log</a></p>`));
  write(join(dir, 'robots.txt'), `User-agent: *\nDisallow: /search/\nDisallow: /foi-ai/${site.slug}/disclosure-log/drafts/\n`);
  write(join(dir, 'index.html'), sohShell(site, site.forceName, `<h1>${esc(site.forceName)}</h1><p><a href="${logPath}${logQuery}">Disclosure log</a></p>`));
  writeSiteJson(dir, { platform: 'single-online-home', forces: [site.force], description: `Single Online Home disclosure log of ${site.forceName} (invented content).` });
  return ds.length;
}

// ---- West Midlands Police (WordPress) ----
async function makeWmp() {
  const dir = join(SITES, 'west-midlands');
  const site = {
    forceName: 'West Midlands Police',
    act: 'FOIA',
    seed: 4242,
    newest: '2025-02-20',
    gapDays: 150,
    perPage: 5,
    topics: ['convictions', 'drones', 'stopSearch', 'suspensions', 'convictionsTable', 'misconductHearings', 'vetting', 'sexualMisconduct', 'charged', 'servingWithConvictions', 'complaints'],
    attachmentKinds: { convictionsTable: 'pdf', stopSearch: 'csv', misconductHearings: 'xlsx' },
    reference: (i, y, n) => `${n(100, 1999)}A/${String(y).slice(2)}`,
  };
  const ds = buildDisclosures(site);
  const host = 'https://foi.west-midlands.police.uk';
  // The oldest response uses the older underscore reference ("Officer BME (3005_16)").
  const oldest = ds[ds.length - 1];
  oldest.ref = oldest.ref.replace('A/', '_');
  // Attachment names as the site has them: no one pattern.
  const attachmentName = (k, num, yy, kind) =>
    [`${num}A_${yy}-attachment.${kind}`, `ATTACHMENT_-4.${kind}`, `${num}A_ATTACHMENT_01.${kind}`, `${num}A_ATTACHMENT.${kind}`, `${num}A_${yy}_attachment.${kind}`][k % 5];
  let attachmentNo = 0;
  for (const d of ds) {
    d.path = `/${slugify(`${d.listingTitle} ${d.ref}`)}/`;
    const [y, m] = d.date.split('-');
    const stem = d.ref.replace('/', '_');
    if (d.attachment) {
      const [num, yy] = d.ref.replace(/A?[/_]/, ' ').split(' ');
      d.attachment.href = `${host}/wp-content/uploads/${y}/${m}/${attachmentName(attachmentNo++, num, yy, d.attachment.kind)}`;
      await writeAttachment(dir, d, new URL(d.attachment.href).pathname, 'West Midlands Police');
    }
    if (d.topicKey === 'drones' || d.topicKey === 'sexualMisconduct') {
      d.pit = { href: `${host}/wp-content/uploads/${y}/${m}/${stem}_PIT.pdf` };
      const pit = { kind: 'pdf', title: 'Public interest test', header: ['Factors favouring disclosure', 'Factors favouring non-disclosure'], rows: [['Accountability for public funds', 'Harm to law enforcement capability'], ['Public debate about police conduct', 'Risk of identifying individuals']] };
      write(join(dir, new URL(d.pit.href).pathname), await pdfBytes(pit, `West Midlands Police ${d.ref}`));
    }
    // Some pages have no "Request" heading: the questions follow the title directly.
    write(join(dir, d.path, 'index.html'), wmpShell(`${d.title} (${d.ref})`, wmpBody(d, d.topicKey !== 'suspensions')));
  }
  const sticky = `<article class="post type-post sticky"><header class="entry-header"><h2 class="entry-title"><a href="${host}/how-we-are-working-during-covid-19/">How we are working to keep our FOI Requests running during COVID-19</a></h2><time class="entry-date" datetime="2020-03-24T09:00:00+00:00">24 March 2020</time></header></article>`;
  write(join(dir, 'how-we-are-working-during-covid-19', 'index.html'), wmpShell('COVID-19', '<h1>How we are working during COVID-19</h1><p>Our FOI team continues to work, but responses may take longer.</p>'));
  const pages = chunk(ds, site.perPage);
  pages.forEach((items, k) => {
    const next = k + 1 < pages.length ? `${host}/disclosure-log/page/${k + 2}/` : null;
    const main = `${sticky}
${items
  .map(
    (d) => `<article id="post-${d.n}" class="post type-post status-publish"><header class="entry-header"><h2 class="entry-title"><a href="${host}${d.path}" rel="bookmark">${esc(d.listingTitle)} (${esc(d.ref)})</a></h2><span class="posted-on"><time class="entry-date published" datetime="${d.date}T09:00:00+00:00">${longDate(d.date)}</time></span></header><div class="entry-summary"><p>${esc(d.parts[0].q)}</p></div></article>`,
  )
  .join('\n')}
<nav class="navigation posts-navigation"><div class="nav-links">${next ? `<div class="nav-previous"><a class="next page-numbers" href="${next}">Older posts</a></div>` : ''}${k > 0 ? `<div class="nav-next"><a href="${k === 1 ? `${host}/disclosure-log/` : `${host}/disclosure-log/page/${k}/`}">Newer posts</a></div>` : ''}</div></nav>
<aside class="widget widget_archive"><h2 class="widget-title">Archives</h2><ul>${[...new Set(ds.map((d) => d.date.slice(0, 4)))].map((y) => `<li><a href="${host}/${y}/">${y}</a></li>`).join('')}</ul></aside>`;
    write(k === 0 ? join(dir, 'disclosure-log', 'index.html') : join(dir, 'disclosure-log', 'page', String(k + 1), 'index.html'), wmpShell('Disclosure log', main));
  });
  write(join(dir, 'index.html'), wmpShell('Freedom of Information', `<h1>Freedom of Information</h1><p><a href="${host}/disclosure-log/">Disclosure log</a></p>`));
  write(join(dir, 'robots.txt'), 'User-agent: *\nDisallow: /wp-admin/\nAllow: /wp-admin/admin-ajax.php\n');
  writeSiteJson(dir, { platform: 'west-midlands', forces: ['west-midlands'], description: 'West Midlands Police FOI site, WordPress (invented content).' });
  return ds.length;
}

// ---- PSNI ----
async function makePsni() {
  const dir = join(SITES, 'psni');
  const site = {
    forceName: 'the Police Service of Northern Ireland',
    act: 'FOIA',
    seed: 1480,
    newest: '2025-03-04',
    gapDays: 120,
    perPage: 4,
    topics: ['convictions', 'suspensions', 'dismissals', 'sexualMisconduct', 'drones', 'stopSearch', 'vetting', 'servingWithConvictions', 'charged', 'domesticAbuse'],
    attachmentKinds: { dismissals: 'docx', stopSearch: 'xlsx' },
    reference: (i, y, n) => `FOI/${17950 - i * 330 - n(0, 300)}`,
  };
  const CATEGORY = {
    drones: 'Policing Themes, Operations and Investigations – Equipment',
    stopSearch: 'Incident and Crime Statistics – Stop and Search',
  };
  const ds = buildDisclosures(site);
  for (const d of ds) {
    d.category = CATEGORY[d.topicKey] ?? 'Organisational Information – Police/Staff Misconduct and Complaints';
    d.path = `/foi-disclosure-log/${slugify(d.listingTitle)}`;
    if (d.topicKey === 'stopSearch') d.attachment.kind = 'xlsx';
    if (d.attachment) {
      d.attachment.href = `/sites/default/files/${d.date.slice(0, 7)}/${d.ref.replace('/', '-')}-${d.attachment.stem}.${d.attachment.kind}`;
      await writeAttachment(dir, d, d.attachment.href, 'Police Service of Northern Ireland');
    }
    // Served at /foi-disclosure-log/<slug> (no trailing slash, as on the real site).
    write(join(dir, d.path, 'index.html'), psniShell(d.title, psniBody(d)));
  }
  const pages = chunk(ds, site.perPage);
  pages.forEach((items, k) => {
    const next = k + 1 < pages.length ? `/foi-disclosure-log?page=${k + 1}` : null;
    const main = `<h1>FOI Disclosure Log</h1>
<div class="disclosure-log-list">
${items
  .map(
    (d) => `<div class="card"><p class="card__date">${usDate(d.date)} | ${esc(d.category.split(' – ')[0])}</p><h3 class="card__title"><a href="${d.path}">${esc(d.listingTitle)}</a></h3><p class="card__summary">Request Number: ${esc(d.ref)}</p></div>`,
  )
  .join('\n')}
</div>
<nav class="pager" role="navigation"><ul class="pager__items">${k > 0 ? `<li class="pager__item pager__item--previous"><a href="/foi-disclosure-log${k > 1 ? `?page=${k - 1}` : ''}">Previous page</a></li>` : ''}<li class="pager__item is-active">Page ${k + 1}</li>${next ? `<li class="pager__item pager__item--next"><a href="${next}" rel="next">Next page</a></li>` : ''}</ul></nav>`;
    // Drupal numbers pages from 0: ?page=1 is the second page.
    write(k === 0 ? join(dir, 'foi-disclosure-log', 'index.html') : join(dir, 'foi-disclosure-log', `index__page_${k}.html`), psniShell('FOI Disclosure Log', main));
  });
  write(join(dir, 'robots.txt'), 'User-agent: *\nDisallow: /search\nDisallow: /user/\n');
  writeSiteJson(dir, { platform: 'psni', forces: ['northern-ireland'], description: 'PSNI FOI disclosure log (invented content).' });
  return ds.length;
}

// ---- Police Scotland ----
async function makeScotland() {
  const dir = join(SITES, 'police-scotland');
  const site = {
    forceName: 'Police Scotland',
    act: 'FOISA',
    seed: 2002,
    newest: '2025-01-28',
    gapDays: 100,
    perPage: 6,
    topics: ['convictions', 'misconductHearings', 'suspensions', 'sexualMisconduct', 'drones', 'vetting', 'stopSearch', 'servingWithConvictions', 'charged', 'convictionsTable', 'complaints'],
    attachmentKinds: { misconductHearings: 'xlsx', convictionsTable: 'pdf', stopSearch: 'csv' },
    reference: (i, y, n) => `FOI ${String(y).slice(2)}-${String(n(100, 3999)).padStart(4, '0')}`,
  };
  const ds = buildDisclosures(site);
  const logPath = '/access-to-information/freedom-of-information/disclosure-log/';
  for (const d of ds) {
    const [y, m] = d.date.split('-');
    // The reference leads the slug; the oldest items use the older /disclosure-log/0/<year>/ form.
    const slug = `${d.ref.replace('FOI ', '')}-${slugify(d.listingTitle)}`;
    const month = MONTHS[Number(m) - 1].toLowerCase();
    d.path = ds.indexOf(d) >= ds.length - 2 ? `${logPath}0/${y}/${month}/${slug}/` : `${logPath}disclosure-log-${y}/${month}/${slug}/`;
    if (d.attachment) {
      // /spa-media/<8-character id>/<slug>.<ext>
      const id = createHash('sha256').update(d.ref).digest('hex').slice(0, 8);
      d.attachment.href = `/spa-media/${id}/${slugify(d.ref)}-${d.attachment.stem}.${d.attachment.kind}`;
      await writeAttachment(dir, d, d.attachment.href, 'Police Scotland');
    }
    write(join(dir, d.path, 'index.html'), scotShell(d.title, scotBody(d)));
  }
  const pages = chunk(ds, site.perPage);
  pages.forEach((items, k) => {
    const next = k + 1 < pages.length ? `${logPath}?page=${k + 2}` : null;
    const main = `<h1>Disclosure log</h1>
<p>Police Scotland publishes responses to requests made under the Freedom of Information (Scotland) Act 2002.</p>
<table class="disclosure-log"><thead><tr><th>Date</th><th>Reference</th><th>Title</th></tr></thead><tbody>
${items.map((d) => `<tr><td class="date">${slashDate(d.date)}</td><td class="reference">${esc(d.ref)}</td><td><a href="${d.path}">${esc(d.listingTitle)}</a></td></tr>`).join('\n')}
</tbody></table>
<div class="pagination">${k > 0 ? `<a class="prev" href="${k === 1 ? logPath : `${logPath}?page=${k}`}">Previous</a>` : ''}${next ? ` <a class="next" rel="next" href="${next}">Next</a>` : ''}</div>`;
    write(k === 0 ? join(dir, logPath, 'index.html') : join(dir, logPath, `index__page_${k + 1}.html`), scotShell('Disclosure log', main));
  });
  write(join(dir, 'robots.txt'), 'User-agent: *\nDisallow: /search/\nDisallow: /umbraco/\n');
  writeSiteJson(dir, { platform: 'police-scotland', forces: ['police-scotland'], description: 'Police Scotland FOISA disclosure log (invented content).' });
  return ds.length;
}

// ---- Generic (Avon and Somerset: selectors from forces.json overrides) ----
async function makeGeneric() {
  const dir = join(SITES, 'generic-avon-and-somerset');
  const site = {
    forceName: 'Avon and Somerset Police',
    act: 'FOIA',
    seed: 33721,
    newest: '2025-03-12',
    gapDays: 110,
    perPage: 5,
    topics: ['sexualMisconduct', 'convictions', 'misconductHearings', 'vetting', 'drones', 'stopSearch', 'suspensions', 'dismissals', 'servingWithConvictions', 'charged'],
    attachmentKinds: { dismissals: 'docx', stopSearch: 'csv', misconductHearings: 'xlsx' },
    reference: (i, y, n) => `${n(100, 1499)}/${String(y).slice(2)}`,
  };
  const ds = buildDisclosures(site);
  const logPath = '/about/freedom-of-information/previous-foi-requests/';
  for (const d of ds) {
    d.path = `${logPath}requests/${slugify(`${d.listingTitle} ${d.ref}`)}/`;
    if (d.attachment) {
      d.attachment.href = `/media/foi/${slugify(d.ref)}-${d.attachment.stem}.${d.attachment.kind}`;
      await writeAttachment(dir, d, d.attachment.href, site.forceName);
    }
    write(join(dir, d.path, 'index.html'), genericShell(site, d.title, genericBody(d)));
  }
  // A published response that (wrongly) prints officers' names and dates of birth: the
  // harvester must never copy those into the dataset (SPEC §4 cases).
  const privacy = {
    title: 'Officers dismissed for gross misconduct 2022',
    ref: '1488/23',
    date: '2023-06-14',
    requestDate: '2023-05-10',
    intro: 'For the calendar year 2022:',
    parts: [{ q: 'Please list each police officer dismissed following a gross misconduct hearing, with the reason for dismissal.', a: '' }],
    legal: '',
    outcome: 'full',
  };
  privacy.parts[0].a = `${p('Two officers were dismissed following gross misconduct hearings held in public. Details as published at the hearings:')}${table(
    ['Name', 'Date of birth', 'Rank', 'Gender', 'Breach', 'Outcome'],
    [
      ['Daniel Hartwell', '14/03/1984', 'Constable', 'Male', 'Honesty and integrity', 'Dismissed without notice'],
      ['Joanne Pembury', '02/11/1979', 'Sergeant', 'Female', 'Discreditable conduct', 'Dismissed without notice'],
    ],
  )}${p('PC Daniel Hartwell (born 14 March 1984) was dismissed on 3 May 2022. PS Joanne Pembury, date of birth 2 November 1979, was dismissed on 21 September 2022.')}`;
  privacy.path = `${logPath}requests/officers-dismissed-for-gross-misconduct-2022-1488-23/`;
  write(join(dir, privacy.path, 'index.html'), genericShell(site, privacy.title, genericBody(privacy)));
  // Listed, but under a path robots.txt disallows: the harvester must not fetch it.
  const blocked = { title: 'Draft response (not for publication)', ref: '0001/25', date: '2025-03-13', path: '/foi-internal/draft-response-0001-25/' };
  write(join(dir, blocked.path, 'index.html'), genericShell(site, blocked.title, '<h1>Draft response</h1><p>Internal draft.</p>'));
  const all = [blocked, ...ds.slice(0, 6), privacy, ...ds.slice(6)].sort((a, b) => (a.date < b.date ? 1 : a.date > b.date ? -1 : 0));
  const pages = chunk(all, site.perPage);
  pages.forEach((items, k) => {
    const next = k + 1 < pages.length ? `${logPath}?page=${k + 2}` : null;
    const main = `<h1>Previous FOI requests</h1>
<div class="foi-list">
${items
  .map(
    (d) => `<div class="foi-list__item"><a class="foi-list__link" href="${d.path}">${esc(d.listingTitle ?? d.title)}</a><span class="foi-list__date">${slashDate(d.date)}</span><span class="foi-list__ref">Reference ${esc(d.ref)}</span></div>`,
  )
  .join('\n')}
</div>
<div class="foi-pager">${next ? `<a class="foi-pager__next" href="${next}">Next page</a>` : ''}</div>`;
    write(k === 0 ? join(dir, logPath, 'index.html') : join(dir, logPath, `index__page_${k + 1}.html`), genericShell(site, 'Previous FOI requests', main));
  });
  write(join(dir, 'robots.txt'), 'User-agent: *\nDisallow: /foi-internal/\nDisallow: /search/\n');
  writeSiteJson(dir, { platform: 'generic', forces: ['avon-and-somerset'], description: 'Avon and Somerset Police FOI log, read by the generic adapter from selectors in forces.json (invented content). Includes one page that prints officer names and dates of birth, and one listed page disallowed by robots.txt.' });
  return ds.length + 1;
}


// ---- WhatDoTheyKnow-like site (mySociety's Alaveteli: its public routes and page shapes) ----
// /body/<url_name> lists an authority's requests (paginated), /body/<url_name>.json describes
// it, /request/<url_title>.json gives described_state and the events, the request's page holds
// the correspondence with attachments at /request/<t>/response/<incoming id>/attach/<n>/<file>.
// Requesters and correspondents have (invented) names on every page: the harvester must keep
// none of them.
const WDTK_BODIES = {
  essex_police: { name: 'Essex Police', force: 'essex', disclosureLog: 'https://www.essex.police.uk/foi-ai/af/accessing-information/published-items/?q=&dt=Disclosure+log' },
  wmp: { name: 'West Midlands Police', force: 'west-midlands', disclosureLog: 'https://foi.west-midlands.police.uk/disclosure-log/' },
};
const OFFICER_SIGN = (who) => `<p>Yours sincerely,</p><p>${who}</p><p>Information Rights Officer</p>`;
const WDTK_REQUESTS = [
  {
    body: 'essex_police', url_title: 'officers_suspended_or_on_restricted_duties', title: 'Officers suspended or on restricted duties', requester: ['Alex Brennan-Whitlock', 'alex_brennan_whitlock'],
    state: 'successful', sent: '2024-08-02', law: 'foi', tags: [['police'], ['suspensions']],
    request: ['Please tell me, for each of the calendar years 2021, 2022 and 2023:', '1. How many police officers were suspended from duty?', '2. How many police officers were placed on restricted duties?'],
    messages: [
      { dir: 'in', id: 90101, date: '2024-08-05', from: 'Essex Police', signer: 'Priya Castellane', html: '<p>Thank you for your request for information, which was received on 2 August 2024. It is being dealt with under the Freedom of Information Act 2000 and you will receive a response within 20 working days.</p>' },
      {
        dir: 'in', id: 90188, date: '2024-08-29', from: 'Essex Police', signer: 'Priya Castellane',
        html: '<p>Freedom of information request reference no: 19139</p><p>I write in connection with your request for information received on 2 August 2024.</p><p>I have today decided to disclose the requested information, which is in the attached spreadsheet.</p><p>1. Officers suspended: 2021 = 4, 2022 = 6, 2023 = 5.</p><p>2. Officers placed on restricted duties: 2021 = 17, 2022 = 21, 2023 = 19.</p>',
        attachments: [{ file: 'Response 19139.xlsx', att: { kind: 'xlsx', title: 'Officers suspended or on restricted duties, 2021-2023', header: ['Year', 'Suspended', 'Restricted duties'], rows: [['2021', '4', '17'], ['2022', '6', '21'], ['2023', '5', '19']] } }],
      },
    ],
  },
  {
    body: 'essex_police', url_title: 'officers_dismissed_for_gross_misconduct_2019', title: 'Officers dismissed for gross misconduct 2019-2023', requester: ['Morgan Ellery', 'morgan_ellery'],
    state: 'partially_successful', sent: '2024-05-10', law: 'foi', tags: [['police'], ['misconduct']],
    request: ['For the calendar years 2019 to 2023 (inclusive), please provide the number of police officers dismissed following gross misconduct proceedings, and for each dismissal the officer\'s rank and the reason.'],
    messages: [
      {
        dir: 'in', id: 88410, date: '2024-06-06', from: 'Essex Police', signer: 'Priya Castellane',
        html: `<p>Freedom of information request reference no: 18402</p><p>I have today decided to disclose some of the requested information. The numbers of officers dismissed are in the attached document. The rank and reason for each dismissal have been withheld under Section 40(2) of the Freedom of Information Act 2000, as they could identify the officers concerned.</p><h3>Section 40(2) – Personal information</h3><p>Section 40(2) is an absolute, class-based exemption. Disclosure would breach the first data protection principle.</p>`,
        attachments: [{ file: 'FOI 18402 response.pdf', att: { kind: 'pdf', title: 'Officers dismissed following gross misconduct proceedings', header: ['Year', 'Officers dismissed'], rows: [['2019', '3'], ['2020', '5'], ['2021', '2'], ['2022', '4'], ['2023', '6']] } }],
      },
    ],
  },
  {
    body: 'essex_police', url_title: 'use_of_live_facial_recognition_vans', title: 'Use of live facial recognition vans', requester: ['Sam Okonjo-Reyes', 'sam_okonjo_reyes'],
    state: 'waiting_response', sent: '2025-02-11', law: 'foi', tags: [],
    request: ['Please tell me how many times live facial recognition vans were deployed in 2024.'],
    messages: [{ dir: 'in', id: 93002, date: '2025-02-12', from: 'Essex Police', signer: 'Priya Castellane', html: '<p>Thank you for your request for information, which was received on 11 February 2025. You will receive a response within 20 working days.</p>' }],
  },
  {
    body: 'essex_police', url_title: 'officers_with_second_jobs_in_security', title: 'Officers with second jobs in private security', requester: ['Alex Brennan-Whitlock', 'alex_brennan_whitlock'],
    state: 'not_held', sent: '2023-11-20', law: 'foi', tags: [],
    request: ['How many serving police officers have an approved business interest in private security work?'],
    messages: [{ dir: 'in', id: 85120, date: '2023-12-14', from: 'Essex Police', signer: 'Daniel Ashworth-Kemp', html: '<p>Freedom of information request reference no: 17555</p><p>Essex Police does not hold the information you have requested. Business interests are not recorded by type of work, and there is no requirement under the Act to create information in order to answer a request.</p>' }],
  },
  {
    body: 'wmp', url_title: 'officers_convicted_of_driving_offences', title: 'Officers convicted of driving offences', requester: ['Jordan Pike-Adebayo', 'jordan_pike_adebayo'],
    state: 'successful', sent: '2024-09-03', law: 'foi', tags: [['police'], ['convictions']],
    request: ['For each of the years 2020 to 2023, how many serving police officers were convicted of a driving offence?'],
    messages: [
      {
        dir: 'in', id: 91530, date: '2024-10-01', from: 'West Midlands Police', signer: 'Hannah Quill',
        html: '<p>Request reference: 1503A/24</p><p>Please find the information you requested in the attached document.</p>',
        attachments: [{ file: '1503A_24-attachment.pdf', att: { kind: 'pdf', title: 'Officers convicted of driving offences 2020-2023', header: ['Year', 'Officers convicted'], rows: [['2020', '7'], ['2021', '4'], ['2022', '9'], ['2023', '6']] } }],
      },
    ],
  },
  {
    body: 'wmp', url_title: 'vetting_refusals_by_ethnicity', title: 'Vetting refusals by ethnicity', requester: ['Morgan Ellery', 'morgan_ellery'],
    state: 'rejected', sent: '2024-04-15', law: 'foi', tags: [['vetting']],
    request: ['Please give the number of vetting applications refused in each year since 2015, broken down by the applicant\'s ethnicity and the reason for refusal.'],
    messages: [
      {
        dir: 'in', id: 87801, date: '2024-05-13', from: 'West Midlands Police', signer: 'Hannah Quill',
        html: `<p>Request reference: 741A/24</p><p>I have today decided to refuse your request, as the cost of complying with it would exceed the appropriate limit.</p><h3>Section 12(1) – Cost of compliance exceeds the appropriate limit</h3><p>To answer your request we would need to review approximately 4,200 vetting files by hand, which would take over 350 hours.</p>`,
      },
    ],
  },
  {
    body: 'wmp', url_title: 'misconduct_hearings_held_in_private', title: 'Misconduct hearings held in private', requester: ['Jordan Pike-Adebayo', 'jordan_pike_adebayo'],
    state: 'internal_review', sent: '2024-01-08', law: 'foi', tags: [['misconduct']],
    request: ['How many police misconduct hearings were held in private in 2022 and 2023, and on what grounds?'],
    messages: [
      { dir: 'in', id: 84020, date: '2024-02-05', from: 'West Midlands Police', signer: 'Hannah Quill', html: '<p>Request reference: 112A/24</p><p>West Midlands Police can neither confirm nor deny that it holds the grounds on which individual hearings were held in private, by virtue of Section 40(5) of the Freedom of Information Act 2000. In 2022, 3 hearings were held in private; in 2023, 2.</p>' },
      { dir: 'out', id: 5512, date: '2024-02-09', html: '<p>Dear West Midlands Police,</p><p>Please pass this on to the person who conducts Freedom of Information reviews. I do not accept that confirming the grounds would identify anyone.</p><p>Yours faithfully,</p><p>Jordan Pike-Adebayo</p>' },
      { dir: 'in', id: 84377, date: '2024-02-12', from: 'West Midlands Police', signer: 'Hannah Quill', html: '<p>Your request for an internal review has been received and will be dealt with within 20 working days.</p>' },
    ],
  },
];

function wdtkShell(title, main) {
  return `<!DOCTYPE html>
<html lang="en-GB">
<head><meta charset="utf-8"><title>${esc(title)} - WhatDoTheyKnow</title></head>
<body class="front">
<div id="banner"><a href="/">WhatDoTheyKnow</a> <nav><a href="/select_authority">Make a request</a> <a href="/list/all">Browse requests</a> <a href="/body">View authorities</a> <a href="/search/">Search</a></nav></div>
<div id="wrapper"><div id="content">
${main}
</div></div>
<div id="footer"><p>WhatDoTheyKnow is run by mySociety. <a href="/help/about">About</a> <a href="/help/privacy">Privacy</a></p></div>
</body>
</html>
`;
}

async function makeWdtk() {
  const dir = join(SITES, 'whatdotheyknow');
  const states = { successful: 'Successful.', partially_successful: 'Partially successful.', waiting_response: 'Awaiting response.', not_held: 'Information not held.', rejected: 'Refused.', internal_review: 'Awaiting internal review.' };
  let eventId = 700000;
  for (const r of WDTK_REQUESTS) {
    const body = WDTK_BODIES[r.body];
    const [first, last] = [r.request[0], r.request.slice(1)];
    const requestHtml = `<p>Dear ${esc(body.name)},</p>${[first, ...last].map((x) => p(esc(x))).join('')}<p>Yours faithfully,</p><p>${esc(r.requester[0])}</p>`;
    const thread = [{ dir: 'out', id: 5000 + WDTK_REQUESTS.indexOf(r), date: r.sent, html: requestHtml }, ...r.messages];
    const events = [];
    let lastState = null;
    const msgHtml = [];
    for (const m of thread) {
      if (m.dir === 'out') {
        events.push({ id: ++eventId, event_type: m === thread[0] ? 'sent' : 'followup_sent', created_at: `${m.date}T09:30:00.000+00:00`, described_state: null, calculated_state: null, outgoing_message_id: m.id, incoming_message_id: null, comment_id: null, display_status: null });
        msgHtml.push(`<div class="correspondence box outgoing" id="outgoing-${m.id}">
<div class="correspondence__header"><span class="correspondence__header__author"><a href="/user/${r.requester[1]}">${esc(r.requester[0])}</a></span> <span class="correspondence__header__date"><time datetime="${m.date}T09:30:00+00:00">${longDate(m.date)}</time></span></div>
<div class="correspondence_text">${m.html}</div>
<p class="event_actions"><a href="/request/${r.url_title}/outgoing/${m.id}">Link to this</a></p>
</div>`);
      } else {
        lastState = m === r.messages[r.messages.length - 1] ? r.state : 'waiting_response';
        events.push({ id: ++eventId, event_type: 'response', created_at: `${m.date}T14:05:00.000+00:00`, described_state: lastState, calculated_state: lastState, incoming_message_id: m.id, outgoing_message_id: null, comment_id: null, display_status: states[lastState] ?? lastState });
        const atts = [];
        for (const [k, a] of (m.attachments ?? []).entries()) {
          const href = `/request/${r.url_title}/response/${m.id}/attach/${k + 2}/${encodeURIComponent(a.file)}`;
          write(join(dir, 'request', r.url_title, 'response', String(m.id), 'attach', String(k + 2), a.file), await attachmentBytes(a.att, body.name));
          atts.push(`<li class="attachment"><a href="${href}" class="attachment__name">${esc(a.file)}</a> <span class="attachment__meta">${a.att.kind.toUpperCase()}</span> <a href="${href}.html" class="attachment__link">View as HTML</a></li>`);
        }
        msgHtml.push(`<div class="correspondence box incoming" id="incoming-${m.id}">
<div class="correspondence__header"><span class="correspondence__header__author">${esc(m.from)}</span> <span class="correspondence__header__date"><time datetime="${m.date}T14:05:00+00:00">${longDate(m.date)}</time></span></div>
<div class="correspondence_text"><p>Dear ${esc(r.requester[0])},</p>${m.html}${OFFICER_SIGN(m.signer)}<p>${esc(m.signer.split(' ')[0].toLowerCase())}.${esc(m.signer.split(' ').slice(-1)[0].toLowerCase())}@${r.body === 'wmp' ? 'west-midlands' : 'essex'}.police.uk</p></div>
${atts.length ? `<ul class="list-of-attachments">${atts.join('')}</ul>` : ''}
<p class="event_actions"><a href="/request/${r.url_title}/response/${m.id}">Link to this</a></p>
</div>`);
      }
    }
    const json = {
      id: 400000 + WDTK_REQUESTS.indexOf(r), url_title: r.url_title, title: r.title,
      created_at: `${r.sent}T09:30:00.000+00:00`, updated_at: `${thread[thread.length - 1].date}T14:05:00.000+00:00`,
      described_state: r.state, display_status: states[r.state], awaiting_description: false, prominence: 'normal', law_used: r.law,
      tags: r.tags,
      user: { id: 31000 + WDTK_REQUESTS.indexOf(r), url_name: r.requester[1], name: r.requester[0], ban_text: '', about_me: '' },
      public_body: { id: r.body === 'wmp' ? 210 : 117, url_name: r.body, name: body.name, short_name: '', created_at: '2008-01-01T00:00:00.000+00:00', home_page: '', notes: '', publication_scheme: '', disclosure_log: body.disclosureLog, tags: [['police']] },
      info_request_events: events,
    };
    write(join(dir, 'request', `${r.url_title}.json`), JSON.stringify(json, null, 2) + '\n');
    write(join(dir, 'request', r.url_title, 'index.html'), wdtkShell(r.title, `<div id="left_column">
<h1>${esc(r.title)}</h1>
<p class="request-header__action-bar__text">${esc(r.requester[0])} made this <a href="/help/about">Freedom of Information</a> request to <a href="/body/${r.body}">${esc(body.name)}</a></p>
<div id="request_status" class="request-status-message"><p>${esc(states[r.state])}</p></div>
<div id="request_correspondence">
${msgHtml.join('\n')}
</div>
</div>`));
    r.lastDate = thread[thread.length - 1].date;
  }
  for (const [urlName, body] of Object.entries(WDTK_BODIES)) {
    const reqs = WDTK_REQUESTS.filter((r) => r.body === urlName).sort((a, b) => (a.lastDate < b.lastDate ? 1 : -1));
    const pages = chunk(reqs, 3);
    pages.forEach((items, k) => {
      const next = k + 1 < pages.length ? `/body/${urlName}?page=${k + 2}` : null;
      const main = `<div id="header_left"><h1>${esc(body.name)}</h1><p>You can make a Freedom of Information request to ${esc(body.name)}.</p><p><a href="${esc(body.disclosureLog)}">Disclosure log</a></p></div>
<div class="results_section"><h2 class="foi_results">${reqs.length} requests</h2><div class="results_block">
${items
  .map(
    (r) => `<div class="request_listing">
<div class="request_left"><span class="head"><a href="/request/${r.url_title}">${esc(r.title)}</a></span>
<div class="requester">Request sent to <a href="/body/${urlName}">${esc(body.name)}</a> by <a href="/user/${r.requester[1]}">${esc(r.requester[0])}</a> on <time datetime="${r.sent}T09:30:00+00:00">${longDate(r.sent)}</time>.</div>
<span class="desc">${esc(r.request[0])}</span></div>
<div class="request_right"><span class="bottomline icon_${r.state}"><strong>${esc(states[r.state])}</strong><br></span><span class="date_updated">Updated <time datetime="${r.lastDate}">${longDate(r.lastDate)}</time></span></div>
</div>`,
  )
  .join('\n')}
</div>
<div class="pagination">${k > 0 ? `<a class="previous_page" rel="prev" href="/body/${urlName}${k > 1 ? `?page=${k}` : ''}">← Previous</a>` : ''} <em class="current">${k + 1}</em> ${next ? `<a class="next_page" rel="next" href="${next}">Next →</a>` : ''}</div>
</div>`;
      write(join(dir, 'body', urlName, k === 0 ? 'index.html' : `index__page_${k + 1}.html`), wdtkShell(body.name, main));
    });
    write(join(dir, 'body', `${urlName}.json`), JSON.stringify({ id: urlName === 'wmp' ? 210 : 117, url_name: urlName, name: body.name, short_name: '', created_at: '2008-01-01T00:00:00.000+00:00', home_page: '', notes: '', publication_scheme: '', disclosure_log: body.disclosureLog, tags: [['police']], info: { requests_count: reqs.length } }, null, 2) + '\n');
  }
  // Alaveteli's default robots.txt: feeds, search and response pages are off limits, their attachments are not.
  write(join(dir, 'robots.txt'), 'User-agent: *\nDisallow: /admin/\nDisallow: /feed/\nDisallow: /search/\nDisallow: /profile/\nDisallow: /request/*/response/\nAllow: /request/*/response/*/attach/\nDisallow: /user/\n');
  write(join(dir, 'index.html'), wdtkShell('WhatDoTheyKnow', '<h1>Make a Freedom of Information request</h1><p><a href="/body">View authorities</a></p>'));
  writeSiteJson(dir, {
    platform: 'whatdotheyknow',
    source: 'whatdotheyknow',
    forces: [...new Set(Object.values(WDTK_BODIES).map((b) => b.force))],
    description: "A WhatDoTheyKnow-like site modelled on Alaveteli's public routes (invented requests in several states, multi-message threads, PDF and XLSX attachments, Alaveteli's robots.txt). Requesters and officers have invented names on every page; none may reach the dataset.",
  });
  return WDTK_REQUESTS.length;
}

function chunk(list, size) {
  const out = [];
  for (let i = 0; i < list.length; i += size) out.push(list.slice(i, i + size));
  return out;
}

function writeSiteJson(dir, meta) {
  write(join(dir, 'site.json'), JSON.stringify(meta, null, 2) + '\n');
}

// ---------------------------------------------------------------------------------------------

const SOH_SEARCH = '/foi-ai/af/accessing-information/published-items/';

const SOH_SITES = [
  {
    dir: 'single-online-home-essex',
    force: 'essex',
    forceName: 'Essex Police',
    slug: 'essex-police',
    seed: 1459,
    newest: '2025-03-18',
    gapDays: 140,
    perPage: 4,
    topics: ['convictions', 'suspensions', 'drones', 'vetting', 'dismissals', 'sexualMisconduct', 'complaints'],
    attachmentKinds: { dismissals: 'docx' },
    reference: (i, y, n) => String(19800 - i * 420 - n(0, 400)),
    mediaSlug: 'essex',
    sinceFilter: '2024-01-01',
    // Newer items by year and month (as Cleveland's), older ones by month and category.
    itemPath: (d, y, month, slug) => (y >= '2024' ? `/foi-ai/essex-police/disclosure/${y}/${month}/${slug}/` : `/foi-ai/essex-police/foi/${month}-${y}/${d.topics[0].replace(/_/g, '-')}/${slug}/`),
    // Essex's log also numbers each publication ("PUB 1459") apart from the request number.
    publication: (i) => `PUB ${1530 - i * 7}`,
  },
  {
    dir: 'single-online-home-metropolitan',
    force: 'metropolitan',
    forceName: 'Metropolitan Police Service',
    slug: 'metropolitan-police',
    seed: 35089,
    newest: '2025-02-27',
    gapDays: 130,
    perPage: 3,
    topics: ['convictionsTable', 'misconductHearings', 'stopSearch', 'servingWithConvictions', 'charged', 'domesticAbuse'],
    attachmentKinds: { convictionsTable: 'xlsx', misconductHearings: 'xlsx', stopSearch: 'csv' },
    reference: (i, y, n) => `01.FOI.${String(y).slice(2)}.0${n(10000, 39999)}`,
    mediaSlug: 'metropolitan-police',
    sinceFilter: '2024-01-01',
    // /disclosure-2023/november-2023/<slug>/ from 2023, /d/march-2022/<slug>/ before.
    itemPath: (d, y, month, slug) => (y >= '2023' ? `/foi-ai/metropolitan-police/disclosure-${y}/${month}-${y}/${slug}/` : `/foi-ai/metropolitan-police/d/${month}-${y}/${slug}/`),
  },
];

async function main() {
  const made = {};
  for (const s of [...SOH_SITES.map((x) => x.dir), 'west-midlands', 'psni', 'police-scotland', 'generic-avon-and-somerset', 'whatdotheyknow']) rmSync(join(SITES, s), { recursive: true, force: true });
  for (const s of SOH_SITES) made[s.dir] = await makeSoh(s);
  made['west-midlands'] = await makeWmp();
  made.psni = await makePsni();
  made['police-scotland'] = await makeScotland();
  made['generic-avon-and-somerset'] = await makeGeneric();
  made.whatdotheyknow = await makeWdtk();
  for (const [k, v] of Object.entries(made)) process.stdout.write(`${k}: ${v} disclosures\n`);
}

main().catch((e) => {
  process.stderr.write(`make-sites: ${e instanceof Error ? e.stack : e}\n`);
  process.exitCode = 1;
});

