/** The fixed topic ids (CONTRACTS.md: Knowledge base); every one exists in every language. */
export const TOPIC_IDS = [
  'clinic-hours-locations',
  'appointment-booking',
  'appointment-changes',
  'visit-preparation',
  'new-patient-registration',
  'prescription-refills',
  'lab-results',
  'billing-payments',
  'insurance-coverage',
  'patient-portal',
  'telehealth',
  'medical-records',
  'privacy-rights',
  'interpreter-services',
  'flu-vaccine',
  'covid-vaccine',
  'childhood-immunizations',
  'cold-flu-self-care',
  'fever',
  'covid-testing',
  'diabetes-care',
  'blood-pressure',
  'allergies',
  'mental-health',
  'pregnancy-care',
  'urgent-vs-emergency',
  'emergency-warning-signs',
  'after-hours-care',
  'medication-safety',
  'quit-smoking',
] as const;

export type TopicId = (typeof TOPIC_IDS)[number];

/** Topics about offices, money and paperwork: no symptom is asked about in them. */
export const OFFICE_TOPICS: ReadonlySet<TopicId> = new Set<TopicId>([
  'appointment-booking', 'appointment-changes', 'billing-payments', 'clinic-hours-locations', 'insurance-coverage',
  'interpreter-services', 'medical-records', 'new-patient-registration', 'patient-portal', 'prescription-refills',
  'privacy-rights', 'visit-preparation',
]);

export function isTopicId(value: unknown): value is TopicId {
  return typeof value === 'string' && (TOPIC_IDS as readonly string[]).includes(value);
}
