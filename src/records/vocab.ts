// Controlled vocabularies of SPEC §4. Extend only by adding values: exports and
// downstream users rely on every existing value keeping its meaning.

export const KINDS = ['foi_response', 'news_article', 'decision_notice', 'other'] as const;
export const OUTCOMES = ['full', 'partial', 'refused', 'ncnd', 'not_held', 'cost_limit', 'unknown'] as const;
export const TOPICS = [
  'convictions',
  'charges',
  'cautions',
  'sexual_misconduct',
  'misconduct_proceedings',
  'suspensions',
  'vetting',
  'complaints',
  'other',
] as const;
export const ACTS = ['FOIA', 'FOISA', 'EIR'] as const;
export const EXEMPTION_CLASSES = ['absolute', 'qualified', 'procedural'] as const;
export const MEASURES = [
  'officers',
  'pcsos',
  'officers_and_pcsos',
  'staff',
  'specials',
  'allegations',
  'cases',
  'complaints',
  'unknown',
] as const;
export const EVENTS = [
  'convicted',
  'charged',
  'cautioned',
  'allegation',
  'suspended',
  'restricted_duties',
  'dismissed',
  'resigned',
  'serving_with_conviction',
  'other',
] as const;
export const STATUSES = [
  'serving',
  'suspended',
  'restricted_duties',
  'resigned',
  'retired',
  'dismissed',
  'left',
  'barred',
  'deceased',
  'unknown',
] as const;
export const OFFENCE_CATEGORIES = [
  'violence',
  'sexual',
  'child_sexual_abuse',
  'indecent_images',
  'extreme_pornography',
  'intimate_image_abuse',
  'domestic_abuse',
  'harassment_stalking',
  'dishonesty',
  'drugs',
  'driving',
  'public_order',
  'misconduct_in_public_office',
  'computer_misuse_data_protection',
  'perverting_justice',
  'malicious_communications',
  'criminal_damage',
  'weapons',
  'other',
] as const;
export const ROLES = ['police_officer', 'pcso', 'special_constable', 'staff', 'unknown'] as const;
export const GENDERS = ['male', 'female', 'other', 'unknown'] as const;

export type Kind = (typeof KINDS)[number];
export type Outcome = (typeof OUTCOMES)[number];
export type Topic = (typeof TOPICS)[number];
export type Act = (typeof ACTS)[number];
export type ExemptionClass = (typeof EXEMPTION_CLASSES)[number];
export type Measure = (typeof MEASURES)[number];
export type EventKind = (typeof EVENTS)[number];
export type Status = (typeof STATUSES)[number];
export type OffenceCategory = (typeof OFFENCE_CATEGORIES)[number];
export type Role = (typeof ROLES)[number];
export type Gender = (typeof GENDERS)[number];
