// Reference forms the header's main patterns miss, each seen on a real force's pages:
// spaced numbers ("Enquiry Reference: 89- 26", "82 - 25"), a bare "Request:" label before a
// reference-shaped token (PSNI "Request: FOI/00013725", "Request: F-013412"), "ref no:" at the
// end of a long label ("Request under the freedom of information act 2000 ref no: FOI2025/01135"),
// "… request 1009-11" closing a heading, and ICO citations ("[2022] UKICO ic-106431").
// Pure functions over one line; header.ts decides where to look.

// A token shaped like a reference: letters then digits with the separators references use.
const SHAPED = String.raw`(?:[A-Z]{1,6}[ /.-]?)?\d[\dA-Z]*(?:[./_-][\dA-Z]+)+|(?:FOI|F)[ /-]?\d{4,}|\d{1,6}\s*-\s*\d{2}`;

const LABELLED: RegExp[] = [
  // "Enquiry Reference: 89- 26", "Reference: 82 - 25", "Reference no: 14 -26"
  new RegExp(String.raw`^(?:enquiry|request|foi|our|your)?\s*ref(?:erence)?\.?\s*(?:no\.?|number)?\s*[:\-–]?\s*(\d{1,6}\s*-\s*\d{2})\s*$`, 'i'),
  // "Enquiry Reference: F-2022-01268", "Enquiry ref: 123/24"
  new RegExp(String.raw`^enquiry\s+ref(?:erence)?\.?\s*(?:no\.?|number)?\s*[:\-–]?\s*(${SHAPED})\s*$`, 'i'),
  // PSNI "Request: FOI/00013725", "Request: F-013412" (a question after "Request:" never has this shape)
  new RegExp(String.raw`^request\s*:\s*((?:FOI|F)[/-]\d{4,}(?:-\d{2,5})?)\s*$`, 'i'),
  // "… ref no: FOI2025/01135" closing a longer label
  new RegExp(String.raw`\bref(?:erence)?\.?\s*(?:no\.?|number)\s*:\s*((?:[A-Z]{1,6}[ /.-]?)?\d[\dA-Z]*(?:[./_-][\dA-Z]+)+)\s*$`, 'i'),
  // "Freedom of Information: Right to know request 1009-11"
  /\brequest\s+(\d{3,6}-\d{2})\s*$/i,
  // An ICO decision cited by its neutral citation: "[2022] UKICO ic-106431"
  /^\[\d{4}\]\s+UKICO\s+((?:IC|FS|FER)-?\d{4,}[\w-]*)/i,
];

/** A reference printed with spaces around its hyphen ("89- 26") written without them ("89-26"). */
export function normaliseReference(ref: string): string {
  const t = ref.replace(/\s+/g, ' ').trim();
  return /^\d{1,6}\s*-\s*\d{2}$/.test(t) ? t.replace(/\s*-\s*/, '-') : t;
}

/** The patterns above, for tests of MAY_HOLD_EXTRA_REF (wherever one matches the normalised line, the gate matches the line). */
export const extraReferencePatterns = (): RegExp[] => LABELLED;

/** The reference one of the extra forms prints on `line`, normalised, or null. */
// Every form above holds "ref" or "request", or opens with "[": a line with none is not read.
export const MAY_HOLD_EXTRA_REF = /ref|request|^\s*\[/i;

export function extraReferenceOnLine(line: string): string | null {
  if (!MAY_HOLD_EXTRA_REF.test(line)) return null;
  const t = line.replace(/[\s\u00a0]+/g, ' ').trim();
  for (const re of LABELLED) {
    const m = re.exec(t);
    if (m) return normaliseReference(m[1]);
  }
  return null;
}
