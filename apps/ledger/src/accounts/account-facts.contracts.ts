import type {
  AccountReopenedV1,
  AccountSettledV1,
  AdjustmentAppliedV1,
  ChargeAssessedV1,
  InterestAccruedV1,
  LedgerMessageBase,
} from '@cartera/contracts';
import type { AccountEvent, ChargeAssessed } from '@cartera/ledger-domain';
import type { ContractMessage } from '@cartera/messaging';
import { message, money } from './contract-message';

type Base = Pick<LedgerMessageBase, 'accountId' | 'debtorId' | 'creditorId' | 'currency'>;

/** Accrued interest is its own fact (one per accrual run); other charges are fees. */
const charge = (e: ChargeAssessed, base: Base): ContractMessage => {
  const d = e.data;
  if (d.kind === 'interest' && d.accrual)
    return message<InterestAccruedV1>('InterestAccrued', base.debtorId, {
      ...base,
      chargeId: d.chargeId,
      amountMinor: d.amount.toString(),
      from: d.accrual.from,
      through: d.accrual.through,
      annualRateBps: d.accrual.annualRateBps,
    });
  return message<ChargeAssessedV1>('ChargeAssessed', base.debtorId, {
    ...base,
    chargeId: d.chargeId,
    // Creditor-supplied interest without an accrual is a charge like a fee.
    kind: d.kind === 'late_fee' ? 'late_fee' : 'other_fee',
    amountMinor: d.amount.toString(),
    assessedOn: d.assessedOn,
    description: d.description,
  });
};

/** The public face of the facts beyond the first eight contracts (charges, adjustments, reopening). */
export const factContract = (e: AccountEvent, base: Base): ContractMessage | undefined => {
  switch (e.type) {
    case 'ChargeAssessed':
      return charge(e, base);
    case 'AdjustmentApplied': {
      const { adjustmentId, delta, reason, appliedAt, appliedOn } = e.data;
      return message<AdjustmentAppliedV1>('AdjustmentApplied', base.debtorId, {
        ...base,
        adjustmentId,
        delta: money(delta),
        reason,
        appliedAt,
        appliedOn,
      });
    }
    case 'AccountReopened':
      return message<AccountReopenedV1>('AccountReopened', base.debtorId, { ...base, ...e.data });
    default:
      return undefined;
  }
};

/** A closure as settled is also the settlement's own fact, with what was forgiven. */
export const settledContract = (e: AccountEvent, base: Base): ContractMessage | undefined =>
  e.type === 'AccountClosed' && e.data.reason === 'settled'
    ? message<AccountSettledV1>('AccountSettled', base.debtorId, {
        ...base,
        forgiven: money(e.data.balance),
        settledAt: e.data.closedAt,
        settledOn: e.data.closedOn,
      })
    : undefined;
