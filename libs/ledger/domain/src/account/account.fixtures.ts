import { DeciderSpecification, fold } from '@cartera/decider';
import { components } from './balance';
import { localDateIn } from './calendar';
import { AccountCommand, PlaceAccount, PostPayment } from './account.commands';
import { AccountClosed, AccountEvent, AccountPlaced, ChargeAssessed, PaymentPosted } from './account.events';
import { Account } from './account.state';
import { accountDecider } from './index';

// Builders for the specifications: a realistic default placement, overridable field by field.

export const given = DeciderSpecification.for(accountDecider);

export const placement = (overrides: Partial<PlaceAccount['data']> = {}): PlaceAccount['data'] => ({
  accountId: '6f1c8f7e-2a4b-5c3d-9e8f-0a1b2c3d4e5f',
  creditorId: 'acme-bank',
  creditorAccountRef: 'CC-000123',
  debtor: {
    reference: 'D-77',
    identity: { fullName: 'Ana María Restrepo', givenName: 'Ana María', familyName: 'Restrepo' },
    contact: {
      emails: ['ana@example.com'],
      phones: ['+573001234567'],
      address: { lines: ['Cra 7 # 71-21'], city: 'Bogotá', country: 'CO' },
    },
  },
  currency: 'USD',
  balance: components({ principal: 1_000_00n, interest: 50_00n, fees: 25_00n }),
  originatedOn: '2022-06-01',
  firstUnpaidDueDate: '2023-11-01',
  chargedOffOn: '2024-01-05',
  lastPaymentOn: '2023-10-01',
  product: 'credit_card',
  interestTerms: null,
  timeZone: 'America/Bogota',
  placedAt: '2024-01-15T15:00:00Z',
  ...overrides,
});

export const placeAccount = (overrides: Partial<PlaceAccount['data']> = {}): PlaceAccount => ({
  type: 'PlaceAccount',
  data: placement(overrides),
});

export const accountPlaced = (overrides: Partial<PlaceAccount['data']> = {}): AccountPlaced => {
  const data = placement(overrides);
  return { type: 'AccountPlaced', data: { ...data, placedOn: localDateIn(data.timeZone, data.placedAt) } };
};

export const postPayment = (data: Partial<PostPayment['data']> = {}): PostPayment => ({
  type: 'PostPayment',
  data: {
    paymentId: 'pay-1',
    amount: 100_00n,
    currency: 'USD',
    paidAt: '2024-02-01T15:00:00Z',
    channel: 'card',
    ...data,
  },
});

export const paymentPosted = (data: Partial<PaymentPosted['data']> = {}): PaymentPosted => ({
  type: 'PaymentPosted',
  data: {
    paymentId: 'pay-1',
    amount: 100_00n,
    currency: 'USD',
    paidAt: '2024-02-01T15:00:00Z',
    paidOn: '2024-02-01',
    channel: 'card',
    waterfall: ['fees', 'interest', 'principal'],
    allocation: components({ fees: 25_00n, interest: 50_00n, principal: 25_00n }),
    toCredit: 0n,
    ...data,
  },
});

export const accountClosed = (data: Partial<AccountClosed['data']> = {}): AccountClosed => ({
  type: 'AccountClosed',
  data: {
    reason: 'paid_in_full',
    balance: components(),
    closedAt: '2024-02-01T15:00:00Z',
    closedOn: '2024-02-01',
    ...data,
  },
});

export const interestCharged = (
  amount: bigint,
  from: string,
  through: string,
  carry: bigint,
  annualRateBps: number,
): ChargeAssessed => ({
  type: 'ChargeAssessed',
  data: {
    chargeId: `interest-${through}`,
    kind: 'interest',
    amount,
    currency: 'USD',
    assessedOn: through,
    accrual: { from, through, annualRateBps, carry },
    description: null,
  },
});

/** Runs commands one after another as the command handler would: decide on the folded state, append. */
export const run = (
  commands: readonly AccountCommand[],
  history: readonly AccountEvent[] = [],
): AccountEvent[] =>
  commands.reduce<AccountEvent[]>(
    (events, command) => [...events, ...accountDecider.decide(command, stateOf(events))],
    [...history],
  );

export const stateOf = (events: readonly AccountEvent[]): Account => fold(accountDecider, events);

/** The state of a placed account (fails the test if it is not placed). */
export const placedState = (events: readonly AccountEvent[]) => {
  const s = stateOf(events);
  if (s.status === 'unplaced') throw new Error('expected a placed account');
  return s;
};
