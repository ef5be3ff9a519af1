import { LimitationRule } from './case.commands';
import { violatesCaseRule } from './case.errors';
import { CaseEvent } from './case.events';
import { ACCOUNT_1, ACCOUNT_2, AT, agent, caseOpened, changed, command, fact, given } from './case.fixtures';

const RULES: LimitationRule[] = [
  { jurisdiction: 'US-NY', version: 'ny-6y', effectiveFrom: '1962-09-01', years: 6 },
  { jurisdiction: 'US-NY', version: 'ny-3y', effectiveFrom: '2022-04-07', years: 3 },
];
const linked = (
  accountId: string,
  lastPaymentOn: string | null,
  chargedOffOn: string | null = null,
): CaseEvent => ({
  type: 'AccountLinkedToCase',
  data: {
    accountId,
    balance: 10_000n,
    chargedOffOn,
    lastPaymentOn,
    jurisdiction: 'US-NY',
    linkedAt: AT,
    cause: agent,
  },
});
const evaluate = (today: string) => command('EvaluateLimitation', { today, rules: RULES }, fact('msg-1'));
const barred = (accountIds: string[], ruleVersion = 'ny-3y', barredOn = '2026-12-04'): CaseEvent => ({
  type: 'CaseTimeBarred',
  data: { accountIds, jurisdiction: 'US-NY', ruleVersion, barredOn, cause: fact('msg-1') },
});

describe('EvaluateLimitation', () => {
  it('marks the accounts past the rule in force, counted from the last payment', () =>
    given([caseOpened(), linked(ACCOUNT_1, '2023-12-01'), linked(ACCOUNT_2, '2024-01-10')])
      .when(evaluate('2026-12-04'))
      .then([barred([ACCOUNT_1])]));

  it('counts from the charge-off when it is later than the last payment', () =>
    given([caseOpened(), linked(ACCOUNT_1, '2022-01-01', '2024-06-01')])
      .when(evaluate('2026-12-04'))
      .thenNothingHappened());

  it('applies the rule effective on the day evaluated', () =>
    given([caseOpened(), linked(ACCOUNT_1, '2017-01-01')])
      .when(evaluate('2021-06-01'))
      .thenNothingHappened());

  it('decides nothing when the same accounts are already marked', () =>
    given([caseOpened(), linked(ACCOUNT_1, '2020-01-01'), barred([ACCOUNT_1])])
      .when(evaluate('2026-12-05'))
      .thenNothingHappened());

  it('clears the mark once a payment restarts the clock', () =>
    given([
      caseOpened(),
      linked(ACCOUNT_1, '2020-01-01'),
      barred([ACCOUNT_1]),
      {
        type: 'AccountPaymentRecorded',
        data: { accountId: ACCOUNT_1, paymentId: 'p', applied: 1n, paidOn: '2026-12-05', cause: agent },
      },
    ])
      .when(evaluate('2026-12-05'))
      .then([{ type: 'TimeBarCleared', data: { clearedOn: '2026-12-05', cause: fact('msg-1') } }]));

  it('blocks a legal step on a time-barred case, naming the current status', () =>
    given([caseOpened(), linked(ACCOUNT_1, '2020-01-01'), barred([ACCOUNT_1]), changed('new', 'contacted')])
      .when(command('ChangeStatus', { to: 'legal' }))
      .thenThrows(violatesCaseRule('time_barred', 'current status contacted')));

  it('leaves other moves allowed', () =>
    given([caseOpened(), linked(ACCOUNT_1, '2020-01-01'), barred([ACCOUNT_1])])
      .when(command('ChangeStatus', { to: 'contacted' }))
      .then([changed('new', 'contacted')]));
});
