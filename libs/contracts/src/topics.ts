/** The topic catalog: one topic per bounded context, keyed by debtor id. */
export const TOPICS = {
  ledger: 'ledger.events',
  caseManagement: 'case-management.events',
  communications: 'communications.events',
  negotiation: 'negotiation.events',
} as const;

export type Topic = (typeof TOPICS)[keyof typeof TOPICS];

export const ALL_TOPICS: readonly Topic[] = Object.values(TOPICS);

const DLQ_SUFFIX = '.dlq';

/** Dead-letter topic of a topic: `ledger.events` → `ledger.events.dlq`. */
export const dlqTopicOf = (topic: string): string => `${topic}${DLQ_SUFFIX}`;

export const isDlqTopic = (topic: string): boolean => topic.endsWith(DLQ_SUFFIX);
