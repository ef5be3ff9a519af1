import { violatesCaseRule } from './case.errors';
import { CaseEvent } from './case.events';
import { ACCOUNT_1, ACCOUNT_2, AT, changed, command, fact, given, openCase } from './case.fixtures';
import { CaseStatus } from './case.state';

const pay = (paymentId = 'p1', applied = 30_000n, accountId = ACCOUNT_1) =>
  command('RecordPayment', { accountId, paymentId, applied, paidOn: '2026-12-04' }, fact(`msg-${paymentId}`));
const paid = (paymentId = 'p1', applied = 30_000n, accountId = ACCOUNT_1): CaseEvent => ({
  type: 'AccountPaymentRecorded',
  data: { accountId, paymentId, applied, paidOn: '2026-12-04', cause: fact(`msg-${paymentId}`) },
});
const policy = { version: 'severity-2026-01', severeFromDpd: 91 };
const age = (dpd: number, bucket = '91-120') =>
  command('RecordAging', { accountId: ACCOUNT_1, bucket, dpd, asOf: '2026-12-04', policy }, fact('msg-aged'));
const aged = (dpd: number, bucket = '91-120'): CaseEvent => ({
  type: 'AccountAged',
  data: { accountId: ACCOUNT_1, bucket, dpd, asOf: '2026-12-04', cause: fact('msg-aged') },
});
const close = (
  accountId: string,
  reason: 'paid_in_full' | 'settled' | 'written_off' | 'recalled' = 'paid_in_full',
) => command('RecordAccountClosure', { accountId, reason }, fact(`msg-closed-${accountId}`));
const accountClosed = (accountId: string, reason = 'paid_in_full'): CaseEvent =>
  ({
    type: 'LinkedAccountClosed',
    data: { accountId, reason, closedAt: AT, cause: fact(`msg-closed-${accountId}`) },
  }) as CaseEvent;

describe('RecordPayment', () => {
  it.each<CaseStatus>(['new', 'contacted', 'negotiating', 'severe_delinquency'])(
    'moves a case in %s to pending_payment, caused by the payment message',
    (status) =>
      given(openCase(status))
        .when(pay())
        .then([paid(), changed(status, 'pending_payment', fact('msg-p1'))]),
  );

  it.each<CaseStatus>(['pending_payment', 'promise_active', 'payment_plan', 'legal'])(
    'records the payment and keeps a case in %s where it is',
    (status) => given(openCase(status)).when(pay()).then([paid()]),
  );

  it('keeps a held case on hold', () =>
    given([...openCase(), changed('new', 'on_hold')])
      .when(pay())
      .then([paid()]));

  it('decides nothing for a payment already recorded', () =>
    given([...openCase(), paid()])
      .when(pay())
      .thenNothingHappened());

  it('refuses a payment on an account the case does not link', () =>
    given(openCase())
      .when(pay('p1', 1n, ACCOUNT_2))
      .thenThrows(violatesCaseRule('unknown_account')));
});

describe('RecordPaymentReversal', () => {
  const reverse = () =>
    command(
      'RecordPaymentReversal',
      { accountId: ACCOUNT_1, paymentId: 'p1', restored: 30_000n, reversedOn: '2026-12-05' },
      fact('msg-rev'),
    );
  const reversal: CaseEvent = {
    type: 'AccountPaymentReversed',
    data: {
      accountId: ACCOUNT_1,
      paymentId: 'p1',
      restored: 30_000n,
      reversedOn: '2026-12-05',
      cause: fact('msg-rev'),
    },
  };
  const alert: CaseEvent = {
    type: 'AlertRaised',
    data: {
      alertId: `reversal-${ACCOUNT_1}-p1`,
      kind: 'payment_reversed',
      subject: ACCOUNT_1,
      raisedAt: AT,
      cause: fact('msg-rev'),
    },
  };

  it('puts the balance back and alerts the agent', () =>
    given([...openCase(), paid()])
      .when(reverse())
      .then([reversal, alert]));

  it('decides nothing when repeated', () =>
    given([...openCase(), paid(), reversal, alert])
      .when(reverse())
      .thenNothingHappened());
});

describe('RecordAging', () => {
  it.each<CaseStatus>(['new', 'contacted', 'negotiating', 'pending_payment'])(
    'moves a case in %s to severe_delinquency past the threshold, naming the policy version',
    (status) =>
      given(openCase(status))
        .when(age(95))
        .then([aged(95), changed(status, 'severe_delinquency', fact('msg-aged'), 'severity-2026-01')]),
  );

  it.each<CaseStatus>(['promise_active', 'payment_plan', 'legal'])(
    'keeps a case in %s where it is',
    (status) =>
      given(openCase(status))
        .when(age(95))
        .then([aged(95)]),
  );

  it('records a bucket below the threshold without a move', () =>
    given(openCase())
      .when(age(40, '31-60'))
      .then([aged(40, '31-60')]));

  it('decides nothing when the same aging arrives again', () =>
    given([...openCase(), aged(95)])
      .when(age(95))
      .thenNothingHappened());
});

describe('RecordAccountClosure', () => {
  it.each(['paid_in_full', 'settled', 'written_off', 'recalled'] as const)(
    'closes the case when its only account is closed as %s',
    (reason) =>
      given(openCase('pending_payment'))
        .when(close(ACCOUNT_1, reason))
        .then([
          accountClosed(ACCOUNT_1, reason),
          changed('pending_payment', 'closed', fact(`msg-closed-${ACCOUNT_1}`)),
          {
            type: 'CaseClosed',
            data: { closures: { [ACCOUNT_1]: reason }, closedAt: AT, cause: fact(`msg-closed-${ACCOUNT_1}`) },
          },
        ]),
  );

  it('keeps the case open while another account is open', () =>
    given(openCase('new', [ACCOUNT_1, ACCOUNT_2]))
      .when(close(ACCOUNT_1))
      .then([accountClosed(ACCOUNT_1)]));

  it('closes the case with the last account, held or not', () =>
    given([...openCase('new', [ACCOUNT_1, ACCOUNT_2]), accountClosed(ACCOUNT_1), changed('new', 'on_hold')])
      .when(close(ACCOUNT_2, 'written_off'))
      .then([
        accountClosed(ACCOUNT_2, 'written_off'),
        changed('on_hold', 'closed', fact(`msg-closed-${ACCOUNT_2}`)),
        {
          type: 'CaseClosed',
          data: {
            closures: { [ACCOUNT_1]: 'paid_in_full', [ACCOUNT_2]: 'written_off' },
            closedAt: AT,
            cause: fact(`msg-closed-${ACCOUNT_2}`),
          },
        },
      ]));

  it('decides nothing when the closure is delivered again (AccountWrittenOff, then AccountClosed)', () =>
    given([...openCase('new', [ACCOUNT_1, ACCOUNT_2]), accountClosed(ACCOUNT_1)])
      .when(close(ACCOUNT_1))
      .thenNothingHappened());
});
