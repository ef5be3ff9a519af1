import type {
  AccountClosedV1,
  AccountPlacedV1,
  AccountRecalledV1,
  AccountWrittenOffV1,
  ComponentsV1,
  DelinquencyBucketChangedV1,
  PaymentPostedV1,
  PaymentReversedV1,
} from '@cartera/contracts';
import type { CaseCommand, Cause } from '@cartera/case-management-domain';
import type { ReceivedMessage } from '@cartera/messaging';
import { Temporal } from 'temporal-polyfill';
import { caseIdOf } from './case-ids';
import { LIMITATION_RULES } from './limitation-rules';
import { severityPolicyOn } from './severity-policies';

type Base = Readonly<{ accountId: string; debtorId: string; creditorId: string }>;

/** `US-NY` from country and region, `CO` from a country alone; unknown without an address. */
const jurisdictionOf = (p: AccountPlacedV1): string | null => {
  const address = p.debtor.address;
  if (!address) return null;
  return address.region ? `${address.country}-${address.region}` : address.country;
};

const total = (c: ComponentsV1): bigint => BigInt(c.principal) + BigInt(c.interest) + BigInt(c.fees);

/**
 * A ledger contract message as the case command it means (undefined: nothing for cases, e.g.
 * BalanceChanged). Explicit, one case per type; the message id is the cause of every change.
 */
export const caseCommandsOf = (
  m: ReceivedMessage,
): { caseId: string; commands: CaseCommand[] } | undefined => {
  const base = m.payload as Base;
  const cause: Cause = { kind: 'event', id: m.messageId };
  const caseId = caseIdOf(base.debtorId, base.creditorId);
  const command = commandOf(m, cause);
  if (!command) return undefined;
  // A placement or a payment moves the limitation clock: the time-barred check follows it.
  const day = limitationDayOf(m);
  const check: CaseCommand[] = day
    ? [{ type: 'EvaluateLimitation', data: { today: day, rules: LIMITATION_RULES, at: m.occurredAt, cause } }]
    : [];
  return { caseId, commands: [command, ...check] };
};

const limitationDayOf = (m: ReceivedMessage): string | undefined => {
  if (m.type === 'PaymentPosted') return (m.payload as PaymentPostedV1).paidOn;
  if (m.type !== 'AccountPlaced') return undefined;
  const p = m.payload as AccountPlacedV1;
  return Temporal.Instant.from(p.placedAt).toZonedDateTimeISO(p.debtor.timeZone).toPlainDate().toString();
};

const commandOf = (m: ReceivedMessage, cause: Cause): CaseCommand | undefined => {
  switch (m.type) {
    case 'AccountPlaced': {
      const p = m.payload as AccountPlacedV1;
      const data = {
        caseId: caseIdOf(p.debtorId, p.creditorId),
        debtorId: p.debtorId,
        creditorId: p.creditorId,
        accountId: p.accountId,
        currency: p.currency,
        balance: total(p.balance),
        chargedOffOn: p.chargedOffOn ?? null,
        lastPaymentOn: p.lastPaymentOn ?? null,
        jurisdiction: jurisdictionOf(p),
        at: p.placedAt,
        cause,
      };
      return { type: 'LinkAccountToCase', data };
    }
    case 'PaymentPosted': {
      const p = m.payload as PaymentPostedV1;
      const data = {
        accountId: p.accountId,
        paymentId: p.paymentId,
        applied: total(p.allocation),
        paidOn: p.paidOn,
      };
      return { type: 'RecordPayment', data: { ...data, at: p.paidAt, cause } };
    }
    case 'PaymentReversed': {
      const p = m.payload as PaymentReversedV1;
      const data = { accountId: p.accountId, paymentId: p.paymentId, restored: total(p.allocation) };
      return {
        type: 'RecordPaymentReversal',
        data: { ...data, reversedOn: p.reversedOn, at: p.reversedAt, cause },
      };
    }
    case 'DelinquencyBucketChanged': {
      const p = m.payload as DelinquencyBucketChangedV1;
      const data = {
        accountId: p.accountId,
        bucket: p.to,
        dpd: p.dpd,
        asOf: p.asOf,
        policy: severityPolicyOn(p.asOf),
      };
      return { type: 'RecordAging', data: { ...data, at: m.occurredAt, cause } };
    }
    case 'AccountClosed': {
      const p = m.payload as AccountClosedV1;
      const reason = p.reason as 'paid_in_full' | 'settled' | 'written_off' | 'recalled';
      return {
        type: 'RecordAccountClosure',
        data: { accountId: p.accountId, reason, at: p.closedAt, cause },
      };
    }
    case 'AccountWrittenOff': {
      const p = m.payload as AccountWrittenOffV1;
      return {
        type: 'RecordAccountClosure',
        data: { accountId: p.accountId, reason: 'written_off', at: p.writtenOffAt, cause },
      };
    }
    case 'AccountRecalled': {
      const p = m.payload as AccountRecalledV1;
      return {
        type: 'RecordAccountClosure',
        data: { accountId: p.accountId, reason: 'recalled', at: p.recalledAt, cause },
      };
    }
    default:
      return undefined;
  }
};
