// Topics (SPEC §4) from the title and the request: what the disclosure is about, by
// keyword families. A disclosure can have several; one with none is 'other'.
import type { Topic } from '../records/vocab.js';

const RULES: Array<[Topic, RegExp]> = [
  ['convictions', /\bconvict(?:ed|ions?)\b|\bcriminal records?\b|\bcrimes? (?:committed )?by (?:police )?officers\b/i],
  ['charges', /\bcharged\b|\bcharges? (?:brought|laid)\b|\bprosecut/i],
  ['cautions', /\bcaution(?:s|ed)?\b|\bout of court disposals?\b|\bconditional cautions?\b/i],
  ['sexual_misconduct', /\bsexual(?:ly)?\b|\brape\b|\bindecent\b|\bvoyeurism\b|\babuse of (?:position|power) for (?:a )?sexual\b/i],
  ['misconduct_proceedings', /\bmisconduct\b|\bdisciplin\w*\b|\bdismiss(?:ed|als?)\b|\bsacked\b|\bhearings?\b|\bfinal written warnings?\b|\bprofessional standards\b|\bbarred list\b/i],
  ['suspensions', /\bsuspen(?:ded|sions?)\b|\brestricted dut(?:y|ies)\b|\bon full pay\b/i],
  ['vetting', /\bvetting\b|\bvetted\b/i],
  ['complaints', /\bcomplaints?\b|\bIOPC\b|\bIPCC\b/i],
];

export function detectTopics(text: string): Topic[] {
  // A loop into a literal, not filter().map(): an empty result of those has another array map than a
  // full one, and meeting it first threw away the optimised code this is inlined into (extractDisclosure).
  const found: Topic[] = [];
  for (const [t, re] of RULES) if (re.test(text)) found.push(t);
  return found.length ? found : ['other'];
}
