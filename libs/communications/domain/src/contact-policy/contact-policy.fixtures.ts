import { Temporal } from 'temporal-polyfill';
import type { ContactDecision, ContactPolicyInput } from './contact-decision';
import type {
  ConsentRecord,
  EpochMs,
  ContactAttempt,
  ContactChannel,
  Conversation,
} from './contact-policy.types';
import { RULE_PACKS } from './packs';

/** One row of a policy table: the case, the legal text it comes from, the input and the expected answer. */
export type PolicyRow = Readonly<{
  case: string;
  source: string;
  given: Partial<ContactPolicyInput>;
  expected: Partial<ContactDecision>;
}>;

export const at = (iso: string): EpochMs => Temporal.Instant.from(iso).epochMilliseconds;

export const calls = (debtIds: readonly string[], ...instants: string[]): ContactAttempt[] =>
  instants.map((i) => ({ channel: 'call', at: at(i), debtIds }));

export const attempt = (channel: ContactChannel, instant: string, debtIds = ['debt-1']): ContactAttempt => ({
  channel,
  at: at(instant),
  debtIds,
});

export const conversation = (
  instant: string,
  debtIds = ['debt-1'],
  channel: ContactChannel = 'call',
): Conversation => ({
  channel,
  at: at(instant),
  debtIds,
});

export const consent = (
  channel: ContactChannel,
  address: string,
  status: ConsentRecord['status'],
  instant = '2025-01-02T15:00:00Z',
  provenance: ConsentRecord['provenance'] = 'debtor_provided',
): ConsentRecord => ({ channel, address, status, provenance, at: at(instant), source: 'test' });

export const history = (attempts: ContactAttempt[] = [], conversations: Conversation[] = []) => ({
  attempts,
  conversations,
});

/** A debtor in New York called about one debt, on a weekday morning; rows override what they test. */
export const usInput = (given: Partial<ContactPolicyInput>): ContactPolicyInput => ({
  now: at('2025-03-04T15:00:00Z'),
  jurisdiction: 'US',
  creditorId: 'acme',
  channel: 'call',
  address: '+12125550100',
  recipient: 'debtor',
  debtIds: ['debt-1'],
  carriesOptOut: true,
  history: history(),
  contactPoints: [{ kind: 'phone', number: '+12125550100' }],
  consents: [],
  holds: [],
  packs: RULE_PACKS,
  ...given,
});

/** A debtor in Bogotá who authorised calls to their mobile. */
export const coInput = (given: Partial<ContactPolicyInput>): ContactPolicyInput =>
  usInput({
    jurisdiction: 'CO',
    address: '+573001234567',
    contactPoints: [{ kind: 'phone', number: '+573001234567' }],
    consents: [consent('call', '+573001234567', 'granted')],
    ...given,
  });

/** A debtor in Mexico City. */
export const mxInput = (given: Partial<ContactPolicyInput>): ContactPolicyInput =>
  usInput({
    jurisdiction: 'MX',
    address: '+525512345678',
    contactPoints: [{ kind: 'phone', number: '+525512345678' }],
    ...given,
  });
