// One WhatDoTheyKnow request → the document foi-harvest parses and keeps: the request as asked
// and the authority's responses, without anyone's name. The requester's name (from the
// request's JSON) is removed wherever it appears; salutations ("Dear …"), sign-offs ("Yours
// sincerely," and the lines after), e-mail addresses and the requester's own follow-ups are
// left out, so neither the requester nor a correspondent is ever stored.
import type { ThreadMessage, WdtkRequest } from './pages.js';

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const SALUTATION = /^(?:dear|hello|hi|good (?:morning|afternoon))\b/i;
const SIGN_OFF = /^(?:yours (?:sincerely|faithfully|truly)|kind(?:est)? regards|best (?:regards|wishes)|regards|many thanks|with thanks|thank you(?: for your (?:patience|time))?)[,.!]?$/i;
const EMAIL = /[\w.+-]+@[\w-]+(?:\.[\w-]+)+/g;
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const longDate = (iso: string) => `${Number(iso.slice(8, 10))} ${MONTHS[Number(iso.slice(5, 7)) - 1]} ${iso.slice(0, 4)}`;

/** Words that make up a person's name, to be removed wherever they appear. */
function nameParts(name: string | null | undefined): RegExp | null {
  const full = (name ?? '').trim();
  if (!full) return null;
  const parts = [full, ...full.split(/[\s-]+/).filter((p) => p.length >= 3)].map((p) => p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  return new RegExp(`\\b(?:${parts.join('|')})\\b`, 'gi');
}

/** A message's paragraphs without salutation, sign-off block, addresses or the requester's name. */
export function cleanParagraphs(paragraphs: string[], requester: RegExp | null): string[] {
  const out: string[] = [];
  for (const p of paragraphs) {
    if (SIGN_OFF.test(p.trim())) break; // the signature block follows: names, job titles, addresses
    if (SALUTATION.test(p.trim())) continue;
    let t = p.replace(EMAIL, '[e-mail address removed]');
    if (requester) t = t.replace(requester, '[requester]');
    out.push(t);
  }
  return out;
}

export interface BuiltRequest {
  html: string;
  /** Attachments of the authority's responses, in thread order. */
  attachments: Array<{ url: string; name: string }>;
}

export function buildRequestDocument(req: WdtkRequest, messages: ThreadMessage[], pageUrl: string): BuiltRequest {
  const requester = nameParts(req.user?.name);
  const asked = messages.find((m) => m.direction === 'outgoing');
  const responses = messages.filter((m) => m.direction === 'incoming');
  const sent = req.created_at?.slice(0, 10) ?? asked?.date ?? null;
  const last = responses[responses.length - 1];
  const attachments = responses.flatMap((m) => m.attachments);
  const body = req.public_body?.name ?? 'the authority';
  const para = (s: string) => `<p>${esc(s)}</p>`;
  const html = `<!DOCTYPE html>
<html lang="en-GB">
<head><meta charset="utf-8"><title>${esc(req.title)}</title><link rel="canonical" href="${esc(pageUrl)}"></head>
<body><main>
<h1>${esc(req.title)}</h1>
${sent ? `<p>Date of request: ${longDate(sent)}</p>` : ''}
${last?.date ? `<p>Date of response: ${longDate(last.date)}</p>` : ''}
<p>A Freedom of Information request to ${esc(body)}, made through WhatDoTheyKnow.</p>
<h2>Request</h2>
${asked ? cleanParagraphs(asked.paragraphs, requester).map(para).join('\n') : ''}
<h2>Response</h2>
${responses
  .map((m) => `${m.date ? `<h3>Response of ${longDate(m.date)}</h3>` : ''}\n${cleanParagraphs(m.paragraphs, requester).map(para).join('\n')}`)
  .join('\n')}
${attachments.map((a) => `<p><a href="${esc(a.url)}">${esc(a.name.replace(EMAIL, ''))}</a></p>`).join('\n')}
</main></body>
</html>
`;
  return { html, attachments };
}
