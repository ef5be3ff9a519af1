import type {
  PromiseBrokenV1,
  PromiseCancelledV1,
  PromiseKeptV1,
  PromiseMadeV1,
  PromisePartiallyKeptV1,
  PromiseReopenedV1,
} from '@cartera/contracts';
import type { EventStore, RecordedEvent } from '@cartera/eventstore';
import type { PromiseEvent, PromiseMade } from '@cartera/negotiation-domain';
import { addDays } from '@cartera/negotiation-domain';
import type { ContractMessage, MappedEvent } from '@cartera/messaging';

type Base = { accountId: string; debtorId: string; creditorId: string; currency: string; promiseId: string };

const message = <P>(type: string, base: Base, payload: Omit<P, keyof Base>): ContractMessage => ({
  type,
  schemaVersion: 1,
  key: base.debtorId,
  payload: { ...base, ...payload },
});

/** The public face of one promise event; payments recorded towards it stay private (the ledger publishes them). */
export const toContract = (e: PromiseEvent, base: Base): ContractMessage | undefined => {
  switch (e.type) {
    case 'PromiseMade': {
      const d = e.data;
      return message<PromiseMadeV1>('PromiseMade', base, {
        amountMinor: d.amount.toString(),
        dueOn: d.dueOn,
        deadline: addDays(d.dueOn, d.rule.toleranceDays),
        toleranceDays: d.rule.toleranceDays,
        channel: d.channel,
        takenBy: { ...d.takenBy },
        ruleVersion: d.rule.version,
        madeAt: d.madeAt,
      });
    }
    case 'PromiseKept':
      return message<PromiseKeptV1>('PromiseKept', base, {
        paidMinor: e.data.paid.toString(),
        ruleVersion: e.data.ruleVersion,
        decidedOn: e.data.decidedOn,
      });
    case 'PromisePartiallyKept':
    case 'PromiseBroken':
      return message<PromisePartiallyKeptV1 | PromiseBrokenV1>(e.type, base, {
        paidMinor: e.data.paid.toString(),
        shortfallMinor: e.data.shortfall.toString(),
        ruleVersion: e.data.ruleVersion,
        decidedOn: e.data.decidedOn,
      });
    case 'PromiseReopened':
      return message<PromiseReopenedV1>('PromiseReopened', base, {
        paymentId: e.data.paymentId,
        paidMinor: e.data.paid.toString(),
        reopenedOn: e.data.reopenedOn,
      });
    case 'PromiseCancelled':
      return message<PromiseCancelledV1>('PromiseCancelled', base, {
        reason: e.data.reason,
        cancelledBy: { ...e.data.cancelledBy },
        cancelledAt: e.data.cancelledAt,
      });
    default:
      return undefined;
  }
};

const baseOf = (made: PromiseMade['data']): Base => ({
  accountId: made.accountId,
  debtorId: made.debtorId,
  creditorId: made.creditorId,
  currency: made.currency,
  promiseId: made.promiseId,
});

/**
 * The publisher's batch mapper. Every message carries the promise's account, debtor and creditor,
 * which only PromiseMade holds: it is read once per stream and kept (bounded, oldest out).
 */
export const mapPromiseBatch = (store: Pick<EventStore, 'readStream'>, cacheSize = 10_000) => {
  const bases = new Map<string, Base>();
  const baseFor = async (event: RecordedEvent): Promise<Base | undefined> => {
    const known = bases.get(event.streamId);
    if (known) return known;
    const [first] =
      event.type === 'PromiseMade' ? [event] : await store.readStream(event.streamId, { maxCount: 1 });
    if (first?.type !== 'PromiseMade') return undefined;
    const base = baseOf((first as unknown as PromiseMade).data);
    if (bases.size >= cacheSize) bases.delete(bases.keys().next().value as string);
    bases.set(event.streamId, base);
    return base;
  };
  return async (events: readonly RecordedEvent[]): Promise<MappedEvent[]> => {
    const out: MappedEvent[] = [];
    for (const event of events) {
      const base = await baseFor(event);
      const contract = base && toContract(event as unknown as PromiseEvent, base);
      if (contract) out.push({ event, message: contract });
    }
    return out;
  };
};
