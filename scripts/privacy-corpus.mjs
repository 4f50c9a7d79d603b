// The privacy test corpus (issue 14): invented pages that print personal data in every form
// a police disclosure or press report has been seen to — names in capitals, names with no
// rank, Welsh and accented names, a name broken over two lines, three initials, "Officer
// Connor", a lower-case surname, "DI D'Souza", "SURNAME, Forename", a labelled date of birth,
// an age, tables with columns headed "Officer" and "Staff member" — beside what must survive
// redaction: force names, places, offences and ranks. Every name here is made up.

const BASE = 'https://www.westyorkshire.police.uk/foi-ai/west-yorkshire-police/disclosure';

export const PRIVACY_PAGES = [
  {
    url: `${BASE}/2024/officer-misconduct-101a-24/`,
    contentType: 'text/html; charset=utf-8',
    text: `<!doctype html><html><head><meta charset="utf-8"><title>Officer misconduct (101A/24)</title></head><body><main>
<h1>Officer misconduct (101A/24)</h1>
<h2>Request</h2>
<p>1) How many officers of West Yorkshire Police were dismissed in 2023, including JOHN CORRIGAN, a serving police constable?</p>
<p>2) Was Police Constable MARK TREVANION one of them, and was DI D'Souza investigated?</p>
<p>3) Please confirm whether PC J. R. T. Halloran (Date of Birth (DD/MM/YYYY): 01/02/1980) was convicted at Leeds Crown Court.</p>
<h2>Response</h2>
<p>In 2023, 4 officers were dismissed for gross misconduct in Leeds and Bradford.</p>
<p>Sarah Wilbraham was dismissed after a hearing in Wakefield. Officer Connor said the panel sat in Huddersfield.</p>
<p>The constable, aged 43, was convicted of harassment; PC quennell was convicted of drink driving.</p>
<table>
<tr><th>Officer</th><th>Rank</th><th>Offence</th><th>Outcome</th><th>Year</th></tr>
<tr><td>Siân ap Gruffydd</td><td>Police Constable</td><td>Harassment</td><td>Dismissed</td><td>2023</td></tr>
<tr><td>Zoë Ó Briain</td><td>Detective Inspector</td><td>Fraud by false representation</td><td>Dismissed</td><td>2023</td></tr>
<tr><td>BAKEWELL, Thomas</td><td>Sergeant</td><td>Misconduct in public office</td><td>Dismissed</td><td>2023</td></tr>
</table>
<p>Names are withheld under Section 40(2) of the Freedom of Information Act.</p>
</main></body></html>
`,
  },
  {
    url: `${BASE}/2024/staff-convictions-102a-24/`,
    contentType: 'text/html; charset=utf-8',
    text: `<!doctype html><html><head><meta charset="utf-8"><title>Police staff convictions (102A/24)</title></head><body><main>
<h1>Police staff convictions (102A/24)</h1>
<h2>Request</h2>
<p>How many members of police staff of Dyfed-Powys Police were convicted of criminal offences in 2022?</p>
<h2>Response</h2>
<p>2 members of staff were convicted in 2022.</p>
<table>
<tr><th>Staff member</th><th>Role</th><th>Offence</th><th>Year</th></tr>
<tr><td>Eluned Prydderch</td><td>PCSO</td><td>Theft</td><td>2022</td></tr>
<tr><td>Cadfael Rhydderch</td><td>Police staff</td><td>Computer misuse</td><td>2022</td></tr>
</table>
</main></body></html>
`,
  },
  {
    url: 'https://news.example/2024/foi-officers-dismissed',
    contentType: 'text/plain; charset=utf-8',
    text: `Officers dismissed after FOI reveals convictions

Figures obtained under the Freedom of Information Act show that 6 officers of Greater Manchester Police were convicted of criminal offences between 2020 and 2023.

The court in Manchester heard that a male police constable, Gareth
Pimlott, was convicted of assault in 2021.

Detective Sergeant Rhiannon Vexley, born on 2 March 1979, resigned. Sergeant Harris of Avon and Somerset Police gave evidence in Bristol.
`,
  },
];

/** What the pages print that must appear in no output. */
export const PRIVATE = [
  'CORRIGAN', 'TREVANION', "D'Souza", 'Halloran', '01/02/1980', 'Wilbraham', 'Connor', 'aged 43', 'quennell',
  'Siân', 'Gruffydd', 'Zoë', 'Briain', 'BAKEWELL', 'Thomas', 'Eluned', 'Prydderch', 'Rhydderch', 'Pimlott', 'Vexley', '2 March 1979', 'Harris',
];

/** What the pages print that redaction must not remove: forces, places, offences, ranks. */
export const KEEP = [
  'West Yorkshire Police', 'Dyfed-Powys Police', 'Greater Manchester Police', 'Avon and Somerset Police',
  'Leeds Crown Court', 'Leeds', 'Bradford', 'Wakefield', 'Huddersfield', 'Manchester', 'Bristol',
  'Harassment', 'Fraud by false representation', 'Misconduct in public office', 'Theft', 'Computer misuse', 'drink driving', 'assault',
  'Police Constable', 'Detective Inspector', 'Sergeant', 'PCSO', 'Detective Sergeant',
];
