import { AccountCommand, CloseAccount, Recall, UpdateDueDate, WriteOff } from './account.commands';
import { violates } from './account.errors';
import { AccountRecalled, AccountWrittenOff } from './account.events';
import {
  accountClosed,
  accountPlaced,
  given,
  paymentPosted,
  placedState,
  postPayment,
  run,
} from './account.fixtures';
import { components } from './balance';

const at = '2024-03-01T04:00:00Z'; // 23:00 on 29 February in Bogotá
const owed = components({ principal: 1_000_00n, interest: 50_00n, fees: 25_00n });
const writeOff = (reason?: string): WriteOff => ({
  type: 'WriteOff',
  data: { writtenOffAt: at, ...(reason ? { reason } : {}) },
});
const recall = (): Recall => ({ type: 'Recall', data: { recalledAt: at, reason: 'portfolio sale' } });
const closeSettled = (): CloseAccount => ({
  type: 'CloseAccount',
  data: { reason: 'settled', closedAt: at },
});
const updateDueDate = (firstUnpaidDueDate: string): UpdateDueDate => ({
  type: 'UpdateDueDate',
  data: { firstUnpaidDueDate, reason: 'cured', updatedAt: at },
});

const writtenOff: AccountWrittenOff = {
  type: 'AccountWrittenOff',
  data: { amount: owed, currency: 'USD', reason: 'deceased', writtenOffAt: at, writtenOffOn: '2024-02-29' },
};
const recalled: AccountRecalled = {
  type: 'AccountRecalled',
  data: {
    balance: owed,
    currency: 'USD',
    reason: 'portfolio sale',
    recalledAt: at,
    recalledOn: '2024-02-29',
  },
};
const closedAs = (reason: 'written_off' | 'recalled' | 'settled', balance = owed) =>
  accountClosed({ reason, balance, closedAt: at, closedOn: '2024-02-29' });

describe('WriteOff', () => {
  it('writes off the whole balance and closes the account', () =>
    given([accountPlaced()])
      .when(writeOff('deceased'))
      .then([writtenOff, closedAs('written_off')]));

  it('writes off what is left after payments', () =>
    given([accountPlaced(), paymentPosted()])
      .when(writeOff())
      .then([
        {
          ...writtenOff,
          data: { ...writtenOff.data, reason: null, amount: components({ principal: 975_00n }) },
        },
        closedAs('written_off', components({ principal: 975_00n })),
      ]));

  it('decides nothing when repeated', () =>
    given([accountPlaced(), writtenOff, closedAs('written_off')])
      .when(writeOff())
      .thenNothingHappened());
  it('refuses to write off a paid account', () =>
    given([accountPlaced(), accountClosed()]).when(writeOff()).thenThrows(violates('account_closed')));
  it('refuses to write off a recalled account', () =>
    given([accountPlaced(), recalled, closedAs('recalled')])
      .when(writeOff())
      .thenThrows(violates('account_recalled')));
});

describe('Recall', () => {
  it('hands the balance back to the creditor and closes the account', () =>
    given([accountPlaced()])
      .when(recall())
      .then([recalled, closedAs('recalled')]));
  it('decides nothing when repeated', () =>
    given([accountPlaced(), recalled, closedAs('recalled')])
      .when(recall())
      .thenNothingHappened());
  it('refuses to recall a written-off account', () =>
    given([accountPlaced(), writtenOff, closedAs('written_off')])
      .when(recall())
      .thenThrows(violates('account_closed')));

  it('stops the work: payments, charges, adjustments and due-date moves are refused with account_recalled', () => {
    const history = [accountPlaced(), recalled, closedAs('recalled')];
    const refused: AccountCommand[] = [
      postPayment({ paymentId: 'late' }),
      {
        type: 'AssessCharge',
        data: { chargeId: 'f', kind: 'late_fee', amount: 1n, currency: 'USD', assessedAt: at },
      },
      {
        type: 'ApplyAdjustment',
        data: { adjustmentId: 'a', delta: { fees: -1n }, currency: 'USD', reason: 'waiver', appliedAt: at },
      },
      updateDueDate('2024-01-01'),
      closeSettled(),
    ];
    for (const command of refused) given(history).when(command).thenThrows(violates('account_recalled'));
  });
});

describe('CloseAccount (settled)', () => {
  it('closes with what remains of the balance', () =>
    given([accountPlaced(), paymentPosted()])
      .when(closeSettled())
      .then([closedAs('settled', components({ principal: 975_00n }))]));
  it('decides nothing when repeated', () =>
    given([accountPlaced(), closedAs('settled')])
      .when(closeSettled())
      .thenNothingHappened());
  it('refuses to settle an account closed otherwise', () =>
    given([accountPlaced(), accountClosed()]).when(closeSettled()).thenThrows(violates('account_closed')));
});

describe('UpdateDueDate', () => {
  it('moves the first unpaid due date', () =>
    given([accountPlaced()])
      .when(updateDueDate('2024-01-01'))
      .then([
        {
          type: 'DueDateUpdated',
          data: { from: '2023-11-01', to: '2024-01-01', reason: 'cured', updatedAt: at },
        },
      ]));
  it('decides nothing when the date does not change', () =>
    given([accountPlaced()]).when(updateDueDate('2023-11-01')).thenNothingHappened());
  it('refuses a malformed date', () =>
    given([accountPlaced()]).when(updateDueDate('2024-02-30')).thenThrows(violates('invalid_command')));
  it('refuses on a closed account', () =>
    given([accountPlaced(), accountClosed()])
      .when(updateDueDate('2024-01-01'))
      .thenThrows(violates('account_closed')));
  it('is the only thing that moves it: payments do not', () =>
    expect(placedState(run([postPayment({ amount: 500_00n })], [accountPlaced()])).firstUnpaidDueDate).toBe(
      '2023-11-01',
    ));
});
