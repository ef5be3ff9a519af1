import { Applied, PlanEvent } from './plan.events';
import { AgreedPlan, PaymentPlan, PlanInstalment } from './plan.state';

const agreed = (s: PaymentPlan): AgreedPlan => {
  if (s.status === 'none') throw new Error('A plan event before PlanAgreed');
  return s;
};

const mapNumbers = (
  instalments: readonly PlanInstalment[],
  parts: readonly Applied[],
  change: (i: PlanInstalment, amount: bigint) => PlanInstalment,
): PlanInstalment[] =>
  instalments.map((i) => {
    const part = parts.find((p) => p.number === i.number);
    return part ? change(i, part.amount) : i;
  });

// A shortfall carried elsewhere leaves the missed instalment owing only what was paid on it.
const settleMissed = (instalments: readonly PlanInstalment[], number: number): PlanInstalment[] =>
  instalments.map((i) => (i.number === number ? { ...i, amount: i.paid } : i));

export const evolve = (state: PaymentPlan, event: PlanEvent): PaymentPlan => {
  switch (event.type) {
    case 'PlanAgreed':
      return {
        status: 'active',
        agreement: event.data,
        instalments: event.data.instalments.map((i) => ({ ...i, paid: 0n, missed: false })),
        misses: 0,
        payments: new Map(),
        unapplied: 0n,
        renegotiatedTo: null,
      };
    case 'PlanPaymentRecorded': {
      const s = agreed(state);
      const { paymentId, amount, applied, unapplied } = event.data;
      return {
        ...s,
        instalments: mapNumbers(s.instalments, applied, (i, a) => ({ ...i, paid: i.paid + a })),
        unapplied: s.unapplied + unapplied,
        payments: new Map(s.payments).set(paymentId, { amount, applied, unapplied, reversed: false }),
      };
    }
    case 'PlanPaymentReversed': {
      const s = agreed(state);
      const { paymentId, amount, applied, unapplied } = event.data;
      return {
        ...s,
        // A reversal hitting a missed instalment makes it short again: the next check misses it anew.
        instalments: mapNumbers(s.instalments, applied, (i, a) => ({
          ...i,
          paid: i.paid - a,
          missed: false,
        })),
        unapplied: s.unapplied - unapplied,
        payments: new Map(s.payments).set(paymentId, { amount, applied, unapplied, reversed: true }),
      };
    }
    case 'InstalmentMissed': {
      const s = agreed(state);
      return {
        ...s,
        misses: event.data.misses,
        instalments: s.instalments.map((i) => (i.number === event.data.number ? { ...i, missed: true } : i)),
      };
    }
    case 'MissedAmountAppended': {
      const s = agreed(state);
      const added = { ...event.data.instalment, paid: 0n, missed: false };
      return { ...s, instalments: [...settleMissed(s.instalments, event.data.fromNumber), added] };
    }
    case 'MissedAmountRespread': {
      const s = agreed(state);
      const settled = settleMissed(s.instalments, event.data.fromNumber);
      return {
        ...s,
        instalments: mapNumbers(settled, event.data.added, (i, a) => ({ ...i, amount: i.amount + a })),
      };
    }
    case 'PlanDefaulted':
      return { ...agreed(state), status: 'defaulted' };
    case 'PlanCompleted':
      return { ...agreed(state), status: 'completed' };
    case 'PlanReopened':
      return { ...agreed(state), status: 'active' };
    case 'PlanRenegotiated':
      return { ...agreed(state), status: 'renegotiated', renegotiatedTo: event.data.newPlanId };
  }
};
