import { Segment, StrategyDocument, TreatmentPath } from './strategy.document';

// The strategy of docs/strategies.md: a courtesy path for good payers, soft → firm → legal for the
// early delinquent (an SMS-first challenger on 20 % of cases), a firm path for the rest.

const goodPayer: Segment = {
  id: 'good-payer',
  name: 'Not yet due, six or more on-time payments',
  when: {
    all: [
      { fact: 'dpd', op: 'lte', value: 0 },
      { fact: 'onTimePayments', op: 'gte', value: 6 },
    ],
  },
  path: {
    steps: [
      {
        id: 'loyalty-offer',
        kind: 'send_message',
        channel: 'email',
        templateId: 'loyalty-offer',
        offsetDays: -10,
        from: 'due_date',
      },
      {
        id: 'courtesy',
        kind: 'send_message',
        channel: 'email',
        templateId: 'courtesy-reminder',
        offsetDays: -3,
        from: 'due_date',
      },
    ],
  },
};

const softFirmLegal: TreatmentPath = {
  steps: [
    {
      id: 'pre-due',
      kind: 'send_message',
      channel: 'sms',
      templateId: 'pre-due-reminder',
      offsetDays: -2,
      from: 'due_date',
    },
    {
      id: 'soft',
      kind: 'send_message',
      channel: 'email',
      templateId: 'soft-reminder',
      fallbackChannel: 'sms',
      offsetDays: 3,
      from: 'due_date',
    },
    {
      id: 'firm',
      kind: 'send_message',
      channel: 'letter',
      templateId: 'firm-notice',
      offsetDays: 15,
      from: 'due_date',
    },
    {
      id: 'call',
      kind: 'create_task',
      queue: 'early-collections',
      title: 'Call the debtor',
      offsetDays: 20,
      from: 'due_date',
    },
    {
      id: 'wait-60-dpd',
      kind: 'wait_for',
      condition: { fact: 'dpd', op: 'gte', value: 60 },
      offsetDays: 0,
      from: 'previous_step',
    },
    { id: 'legal', kind: 'escalate', to: 'legal_review', offsetDays: 0, from: 'previous_step' },
    {
      id: 'status-legal',
      kind: 'change_status',
      status: 'legal_review',
      offsetDays: 0,
      from: 'previous_step',
    },
  ],
};

const smsFirst: TreatmentPath = {
  steps: [
    {
      id: 'pre-due',
      kind: 'send_message',
      channel: 'sms',
      templateId: 'pre-due-reminder',
      offsetDays: -2,
      from: 'due_date',
    },
    {
      id: 'soft',
      kind: 'send_message',
      channel: 'sms',
      templateId: 'soft-reminder-sms',
      fallbackChannel: 'whatsapp',
      offsetDays: 1,
      from: 'due_date',
    },
    {
      id: 'firm',
      kind: 'send_message',
      channel: 'letter',
      templateId: 'firm-notice',
      offsetDays: 10,
      from: 'due_date',
    },
    { id: 'legal', kind: 'escalate', to: 'legal_review', offsetDays: 45, from: 'previous_step' },
  ],
};

const earlyDelinquent: Segment = {
  id: 'early',
  name: 'Up to 30 days past due, balance of 50.00 or more',
  when: {
    all: [
      { fact: 'dpd', op: 'lte', value: 30 },
      { fact: 'balanceMinor', op: 'gte', value: '5000', currency: 'USD' },
      { not: { fact: 'tags', op: 'in', values: ['deceased', 'bankruptcy'] } },
    ],
  },
  path: softFirmLegal,
  variantPaths: { 'sms-first': smsFirst },
};

const late: Segment = {
  id: 'late',
  name: 'Everyone else',
  path: {
    steps: [
      {
        id: 'firm',
        kind: 'send_message',
        channel: 'letter',
        templateId: 'firm-notice',
        offsetDays: 0,
        from: 'previous_step',
      },
      { id: 'agency', kind: 'escalate', to: 'agency_placement', offsetDays: 30, from: 'previous_step' },
    ],
  },
};

export const cardsStrategy: StrategyDocument = {
  strategyId: 'consumer-cards',
  version: 1,
  name: 'Consumer cards',
  effectiveFrom: '2026-01-01',
  sendTime: '09:00',
  experiment: {
    id: 'cards-2026',
    variants: [
      { id: 'champion', share: 80 },
      { id: 'sms-first', share: 20 },
    ],
  },
  segments: [goodPayer, earlyDelinquent, late],
};
