import type {
  AccountClosedV1,
  AccountPlacedV1,
  AccountRecalledV1,
  AccountWrittenOffV1,
  BalanceChangedV1,
  DelinquencyBucketChangedV1,
  PaymentPostedV1,
  PaymentReversedV1,
} from '@cartera/contracts';
import type { EventStore, RecordedEvent } from '@cartera/eventstore';
import { accountDecider } from '@cartera/ledger-domain';
import type { Account, AccountEvent, Components } from '@cartera/ledger-domain';
import type { ContractMessage, MappedEvent } from '@cartera/messaging';
import { factContract, settledContract } from './account-facts.contracts';
import { debtorIdOf } from './account-ids';
import { message, money } from './contract-message';

type Placed = Exclude<Account, { status: 'unplaced' }>;
type Base = Pick<AccountPlacedV1, 'accountId' | 'debtorId' | 'creditorId' | 'currency'>;

const minusComponents = (a: Components, b: Components): Components => ({
  principal: a.principal - b.principal,
  interest: a.interest - b.interest,
  fees: a.fees - b.fees,
});

/** The public face of one domain event (BalanceChanged comes separately, see `balanceChanged`). */
export const toContract = (e: AccountEvent, base: Base): ContractMessage | undefined => {
  const key = base.debtorId;
  switch (e.type) {
    case 'AccountPlaced': {
      const p = e.data;
      const { identity, contact } = p.debtor;
      return message<AccountPlacedV1>('AccountPlaced', key, {
        ...base,
        creditorAccountRef: p.creditorAccountRef,
        debtor: {
          reference: p.debtor.reference,
          fullName: identity.fullName,
          givenName: identity.givenName,
          familyName: identity.familyName,
          dateOfBirth: identity.dateOfBirth,
          nationalId: identity.nationalId,
          emails: [...contact.emails],
          phones: [...contact.phones],
          address: contact.address ? { ...contact.address, lines: [...contact.address.lines] } : undefined,
          timeZone: p.timeZone,
        },
        balance: money(p.balance),
        product: p.product,
        originatedOn: p.originatedOn,
        firstUnpaidDueDate: p.firstUnpaidDueDate,
        chargedOffOn: p.chargedOffOn,
        lastPaymentOn: p.lastPaymentOn,
        interestRateBps: p.interestTerms?.annualRateBps ?? null,
        placedAt: p.placedAt,
        status: 'active',
      });
    }
    case 'PaymentPosted': {
      const d = e.data;
      return message<PaymentPostedV1>('PaymentPosted', key, {
        ...base,
        paymentId: d.paymentId,
        amountMinor: d.amount.toString(),
        channel: d.channel,
        paidAt: d.paidAt,
        paidOn: d.paidOn,
        allocation: money(d.allocation),
        toCreditMinor: d.toCredit.toString(),
      });
    }
    case 'PaymentReversed': {
      const d = e.data;
      return message<PaymentReversedV1>('PaymentReversed', key, {
        ...base,
        paymentId: d.paymentId,
        reason: d.reason,
        amountMinor: d.amount.toString(),
        allocation: money(d.allocation),
        fromCreditMinor: d.fromCredit.toString(),
        reversedAt: d.reversedAt,
        reversedOn: d.reversedOn,
      });
    }
    case 'DelinquencyBucketChanged':
      return message<DelinquencyBucketChangedV1>('DelinquencyBucketChanged', key, { ...base, ...e.data });
    case 'AccountClosed':
      return message<AccountClosedV1>('AccountClosed', key, {
        ...base,
        reason: e.data.reason,
        balance: money(e.data.balance),
        closedAt: e.data.closedAt,
        closedOn: e.data.closedOn,
      });
    case 'AccountWrittenOff':
      return message<AccountWrittenOffV1>('AccountWrittenOff', key, {
        ...base,
        amount: money(e.data.amount),
        reason: e.data.reason,
        writtenOffAt: e.data.writtenOffAt,
        writtenOffOn: e.data.writtenOffOn,
      });
    case 'AccountRecalled':
      return message<AccountRecalledV1>('AccountRecalled', key, {
        ...base,
        balance: money(e.data.balance),
        reason: e.data.reason,
        recalledAt: e.data.recalledAt,
        recalledOn: e.data.recalledOn,
      });
    default:
      // DueDateUpdated stays private; the newer facts are mapped beside (account-facts.contracts.ts).
      return factContract(e, base);
  }
};

const CHANGE_INSTANT: Partial<Record<AccountEvent['type'], (e: AccountEvent) => string | undefined>> = {
  PaymentPosted: (e) => (e.type === 'PaymentPosted' ? e.data.paidAt : undefined),
  PaymentReversed: (e) => (e.type === 'PaymentReversed' ? e.data.reversedAt : undefined),
  AdjustmentApplied: (e) => (e.type === 'AdjustmentApplied' ? e.data.appliedAt : undefined),
  ChargeAssessed: () => undefined,
};

/** The balance after a balance-changing event, with its breakdown and the signed change. */
export const balanceChanged = (
  e: AccountEvent,
  before: Placed,
  after: Placed,
  base: Base,
  occurredAt: Date,
): ContractMessage | undefined => {
  const instant = CHANGE_INSTANT[e.type];
  if (!instant) return undefined;
  const total = after.balance.principal + after.balance.interest + after.balance.fees;
  return message<BalanceChangedV1>('BalanceChanged', base.debtorId, {
    ...base,
    cause: e.type,
    balance: money(after.balance),
    totalMinor: total.toString(),
    creditBalanceMinor: after.credit.toString(),
    delta: money(minusComponents(after.balance, before.balance)),
    changedAt: instant(e) ?? occurredAt.toISOString(),
  });
};

/**
 * The publisher's batch mapper: folds each touched stream once so BalanceChanged carries the
 * balance right after its event. The state after the last event mapped is kept per stream (the
 * publisher is one instance reading in order), so only a stream not seen lately, or seen at another
 * version, has its history read; `cacheSize` bounds how many streams are kept (least recently used out).
 */
export const mapLedgerBatch = (store: Pick<EventStore, 'readStream'>, cacheSize = 10_000) => {
  const cache = new Map<string, { version: number; state: Account }>();
  const stateBefore = async (streamId: string, from: number): Promise<Account> => {
    const cached = cache.get(streamId);
    if (cached && cached.version === from - 1) return cached.state;
    const history = from === 0 ? [] : await store.readStream(streamId, { maxCount: from });
    return history.reduce(
      (s, h) => accountDecider.evolve(s, h as unknown as AccountEvent),
      accountDecider.initialState(),
    );
  };
  return async (events: readonly RecordedEvent[]): Promise<MappedEvent[]> => {
    const states = new Map<string, Account>();
    const firstVersion = new Map<string, number>();
    for (const e of events) if (!firstVersion.has(e.streamId)) firstVersion.set(e.streamId, e.streamVersion);
    await Promise.all(
      [...firstVersion].map(async ([streamId, from]) =>
        states.set(streamId, await stateBefore(streamId, from)),
      ),
    );
    const out: MappedEvent[] = [];
    const last = new Map<string, number>();
    for (const event of events) {
      const e = event as unknown as AccountEvent;
      const before = states.get(event.streamId) ?? accountDecider.initialState();
      const after = accountDecider.evolve(before, e);
      states.set(event.streamId, after);
      last.set(event.streamId, event.streamVersion);
      if (after.status === 'unplaced') continue;
      const base: Base = {
        accountId: after.accountId,
        debtorId: debtorIdOf(after.creditorId, after.placement.debtor.reference),
        creditorId: after.creditorId,
        currency: after.currency,
      };
      const main = toContract(e, base);
      if (main) out.push({ event, message: main, index: 0 });
      const change =
        before.status === 'unplaced' ? undefined : balanceChanged(e, before, after, base, event.occurredAt);
      if (change) out.push({ event, message: change, index: 1 });
      const settled = settledContract(e, base);
      if (settled) out.push({ event, message: settled, index: 2 });
    }
    // Kept only once the batch mapped; a batch the bus then refuses is mapped again from the same states.
    for (const [streamId, version] of last) {
      cache.delete(streamId);
      cache.set(streamId, { version, state: states.get(streamId) as Account });
    }
    for (const oldest of cache.keys()) {
      if (cache.size <= cacheSize) break;
      cache.delete(oldest);
    }
    return out;
  };
};
