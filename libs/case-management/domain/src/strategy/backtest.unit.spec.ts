import { backtest } from './backtest';
import { CaseHistory, HistoryEntry } from './backtest-replay';
import { caseFacts } from './case-facts.fixtures';
import { CaseSituation } from './case-situation';
import { DEFAULT_SCORECARD } from './scorecard';
import { StrategyDocument } from './strategy.document';
import { validateStrategy } from './validate-strategy';

// A small strategy, in UTC so the hand count is easy to follow; steps fall due at 10:00.
//   segment `current` (dpd ≤ 0):
//     variant A: remind sms (due −1), soft email (due +2), call task (due +5)
//     variant B: remind whatsapp (due −1), soft sms (due +2)
//   segment `late` (everyone else): firm letter (previous step +0), legal escalation (previous +10)
// Shares 50/50 in experiment bt-2026: case-11, -12, -13 hash below 50 (A), case-14, -15 above (B).
const strategy: StrategyDocument = {
  strategyId: 'bt',
  version: 3,
  name: 'Back-test example',
  effectiveFrom: '2026-01-01',
  sendTime: '10:00',
  experiment: {
    id: 'bt-2026',
    variants: [
      { id: 'A', share: 50 },
      { id: 'B', share: 50 },
    ],
  },
  segments: [
    {
      id: 'current',
      when: { fact: 'dpd', op: 'lte', value: 0 },
      path: {
        steps: [
          {
            id: 'remind',
            kind: 'send_message',
            channel: 'sms',
            templateId: 't-remind',
            offsetDays: -1,
            from: 'due_date',
          },
          {
            id: 'soft',
            kind: 'send_message',
            channel: 'email',
            templateId: 't-soft',
            offsetDays: 2,
            from: 'due_date',
          },
          { id: 'call', kind: 'create_task', queue: 'q', title: 'Call', offsetDays: 5, from: 'due_date' },
        ],
      },
      variantPaths: {
        B: {
          steps: [
            {
              id: 'remind',
              kind: 'send_message',
              channel: 'whatsapp',
              templateId: 't-remind',
              offsetDays: -1,
              from: 'due_date',
            },
            {
              id: 'soft',
              kind: 'send_message',
              channel: 'sms',
              templateId: 't-soft',
              offsetDays: 2,
              from: 'due_date',
            },
          ],
        },
      },
    },
    {
      id: 'late',
      path: {
        steps: [
          {
            id: 'firm',
            kind: 'send_message',
            channel: 'letter',
            templateId: 't-firm',
            offsetDays: 0,
            from: 'previous_step',
          },
          { id: 'legal', kind: 'escalate', to: 'legal_review', offsetDays: 10, from: 'previous_step' },
        ],
      },
    },
  ],
};

const at = (caseId: string, when: string, s: Partial<CaseSituation> = {}, dpd = 0): HistoryEntry => ({
  at: when,
  situation: {
    facts: caseFacts({ caseId, dpd }),
    dueDate: '2026-02-10',
    timeZone: 'UTC',
    lastPaymentRecordedAt: null,
    hold: null,
    promise: null,
    disputed: false,
    ...s,
  },
});
const placed = (caseId: string) => at(caseId, '2026-01-25T09:00:00Z');

// Every case is due on 10 February. The period is February 2026.
const histories: CaseHistory[] = [
  // case-11 (A), nothing happens: remind sms 9 Feb, soft email 12 Feb, call task 15 Feb → 2 messages, 1 task.
  { caseId: 'case-11', timeline: [placed('case-11')] },
  // case-12 (A) pays part on 9 Feb at 12:00, after the 10:00 reminder: sms 9 Feb fires; the soft
  // email planned for 12 Feb is cancelled (payment_received); the call task on 15 Feb still fires.
  {
    caseId: 'case-12',
    timeline: [
      placed('case-12'),
      {
        ...at('case-12', '2026-02-09T12:00:00Z', { lastPaymentRecordedAt: '2026-02-09T12:00:00Z' }),
        reason: 'payment',
      },
    ],
  },
  // case-13 (A) first appears on 16 Feb at 14:00, 40 days past due → `late`: the firm letter (due
  // 16 Feb 10:00, already past) fires at once on 16 Feb; legal escalation 10 days later, 26 Feb.
  { caseId: 'case-13', timeline: [at('case-13', '2026-02-16T14:00:00Z', {}, 40)] },
  // case-14 (B): whatsapp 9 Feb, sms 12 Feb, path complete; on 20 Feb its bucket changes (dpd 10)
  // → `late`: firm letter 20 Feb 10:00; the escalation would be 2 March, after the period.
  {
    caseId: 'case-14',
    timeline: [
      placed('case-14'),
      { ...at('case-14', '2026-02-20T00:00:00Z', {}, 10), reason: 'bucket_changed' },
    ],
  },
  // case-15 (B) disputes on 8 Feb: the reminder planned for 9 Feb is cancelled (disputed), nothing after.
  {
    caseId: 'case-15',
    timeline: [placed('case-15'), at('case-15', '2026-02-08T00:00:00Z', { disputed: true })],
  },
];

describe('backtest', () => {
  it('is run on a valid strategy', () => expect(validateStrategy(strategy)).toEqual([]));

  it('counts, per variant, the steps that would have fired, by kind and segment, and the contacts per channel per day', () =>
    expect(
      backtest({ strategy, scorecard: DEFAULT_SCORECARD }, histories, {
        from: '2026-02-01T00:00:00Z',
        to: '2026-03-01T00:00:00Z',
      }),
    ).toEqual({
      strategyId: 'bt',
      strategyVersion: 3,
      scorecardVersion: 'default-scorecard-v1',
      period: { from: '2026-02-01T00:00:00Z', to: '2026-03-01T00:00:00Z' },
      variants: {
        // A: messages 2 (case-11) + 1 (case-12) + 1 (case-13) = 4; tasks 1 + 1 = 2; escalations 1 (case-13).
        A: {
          cases: 3,
          stepsFired: { send_message: 4, create_task: 2, escalate: 1 },
          stepsFiredBySegment: {
            current: { send_message: 3, create_task: 2 },
            late: { send_message: 1, escalate: 1 },
          },
          stepsCancelled: { payment_received: 1 },
          contactsPerChannelPerDay: {
            sms: { '2026-02-09': 2 },
            email: { '2026-02-12': 1 },
            letter: { '2026-02-16': 1 },
          },
        },
        // B: messages 3 (case-14); the dispute cancels case-15's only planned step.
        B: {
          cases: 2,
          stepsFired: { send_message: 3 },
          stepsFiredBySegment: { current: { send_message: 2 }, late: { send_message: 1 } },
          stepsCancelled: { disputed: 1 },
          contactsPerChannelPerDay: {
            whatsapp: { '2026-02-09': 1 },
            sms: { '2026-02-12': 1 },
            letter: { '2026-02-20': 1 },
          },
        },
      },
    }));

  it('counts nothing for a case whose history starts after the period', () =>
    expect(
      backtest(
        { strategy, scorecard: DEFAULT_SCORECARD },
        [{ caseId: 'case-11', timeline: [placed('case-11')] }],
        {
          from: '2026-01-01T00:00:00Z',
          to: '2026-01-20T00:00:00Z',
        },
      ).variants,
    ).toEqual({}));
});
