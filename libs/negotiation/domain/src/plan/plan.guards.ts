import { NegotiationRuleViolated } from '../shared/errors';
import { AgreePlan } from './plan.commands';
import { missedPolicyProblem } from './plan-policy';
import { AgreedPlan, PaymentPlan } from './plan.state';

export const agreedOnly = (s: PaymentPlan): AgreedPlan => {
  if (s.status === 'none') throw new NegotiationRuleViolated('not_found', 'no such plan');
  return s;
};

/** Why an agreement (apart from its schedule terms) is unusable, naming the fields, or null. */
export const agreementProblem = (d: AgreePlan['data']): string | null => {
  const missing = (['planId', 'accountId', 'debtorId', 'creditorId'] as const).filter((k) => !d[k]);
  if (missing.length > 0) return `${missing.join(', ')}: required`;
  if (!d.agreedBy.id) return 'agreedBy.id: required';
  return missedPolicyProblem(d.policy);
};
