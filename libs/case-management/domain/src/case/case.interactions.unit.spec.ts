import { violatesCaseRule } from './case.errors';
import { CallOutcome, CaseEvent } from './case.events';
import { ACCOUNT_1, AT, agent, changed, command, fact, given, openCase } from './case.fixtures';
import { CaseStatus } from './case.state';

const call = (outcome: CallOutcome, id = 'i1', promisedOn: string | null = null) =>
  command('RecordInteraction', {
    interactionId: id,
    kind: 'call',
    outcome,
    channel: 'phone',
    agentId: 'agent-7',
    occurredAt: AT,
    note: null,
    promisedOn,
  });
const recorded = (outcome: CallOutcome | null, kind = 'call', promisedOn: string | null = null): CaseEvent =>
  ({
    type: 'InteractionRecorded',
    data: {
      interactionId: 'i1',
      kind,
      outcome,
      channel: 'phone',
      agentId: 'agent-7',
      occurredAt: AT,
      note: null,
      promisedOn,
      cause: agent,
    },
  }) as CaseEvent;
const message = (kind: 'note' | 'inbound_message') =>
  command('RecordInteraction', {
    interactionId: 'i1',
    kind,
    outcome: null,
    channel: 'phone',
    agentId: 'agent-7',
    occurredAt: AT,
    note: null,
    promisedOn: null,
  });
const held = [...openCase('contacted'), changed('contacted', 'on_hold')];

describe('RecordInteraction', () => {
  it.each<[CallOutcome, CaseStatus, CaseStatus]>([
    ['right_party_contact', 'new', 'contacted'],
    ['right_party_contact', 'severe_delinquency', 'contacted'],
    ['refusal', 'new', 'contacted'],
  ])('a %s moves a case in %s to %s', (outcome, from, to) =>
    given(openCase(from))
      .when(call(outcome))
      .then([recorded(outcome), changed(from, to)]),
  );

  it.each<CallOutcome>(['no_answer', 'left_message', 'refusal', 'right_party_contact'])(
    'a %s keeps a negotiating case where it is',
    (outcome) =>
      given(openCase('negotiating'))
        .when(call(outcome))
        .then([recorded(outcome)]),
  );

  it('a promise on a call makes the promise active with its date', () =>
    given(openCase('contacted'))
      .when(call('promise', 'i1', '2026-12-10'))
      .then([
        recorded('promise', 'call', '2026-12-10'),
        {
          type: 'ArrangementNoted',
          data: { arrangementId: 'i1', fact: 'promise_made', dueOn: '2026-12-10', notedAt: AT, cause: agent },
        },
        changed('contacted', 'promise_active'),
      ]));

  it('a promise needs its date', () =>
    given(openCase()).when(call('promise')).thenThrows(violatesCaseRule('invalid_command')));

  it('a dispute on a call opens a dispute documented by the call and holds the case', () =>
    given(openCase('contacted'))
      .when(call('dispute'))
      .then([
        recorded('dispute'),
        {
          type: 'DisputeOpened',
          data: {
            disputeId: 'call-i1',
            reason: 'raised_on_call',
            documentRef: 'interaction:i1',
            openedAt: AT,
            cause: agent,
          },
        },
        {
          type: 'HoldPlaced',
          data: {
            holdId: 'dispute-call-i1',
            reason: 'dispute',
            endsOn: null,
            accountIds: [ACCOUNT_1],
            placedAt: AT,
            cause: agent,
          },
        },
        changed('contacted', 'on_hold'),
      ]));

  it('a wrong party raises an alert', () =>
    given(openCase('new'))
      .when(call('wrong_party'))
      .then([
        recorded('wrong_party'),
        {
          type: 'AlertRaised',
          data: { alertId: 'wrong-party-i1', kind: 'wrong_party', subject: 'i1', raisedAt: AT, cause: agent },
        },
      ]));

  it('an inbound message moves a new case to contacted', () =>
    given(openCase())
      .when(message('inbound_message'))
      .then([recorded(null, 'inbound_message'), changed('new', 'contacted')]));

  it('a note moves nothing', () =>
    given(openCase())
      .when(message('note'))
      .then([recorded(null, 'note')]));

  it('refuses a call while the case is on hold, naming the status', () =>
    given(held)
      .when(call('right_party_contact'))
      .thenThrows(violatesCaseRule('case_on_hold', 'current status on_hold')));

  it('still records an inbound message on a held case, without a move', () =>
    given(held)
      .when(message('inbound_message'))
      .then([recorded(null, 'inbound_message')]));

  it('is append-only: the same interaction again decides nothing', () =>
    given([...openCase(), recorded('no_answer')])
      .when(call('no_answer'))
      .thenNothingHappened());

  it('refuses a call without an outcome', () =>
    given(openCase())
      .when(
        command('RecordInteraction', {
          interactionId: 'i2',
          kind: 'call',
          outcome: null,
          channel: 'phone',
          agentId: 'a',
          occurredAt: AT,
          note: null,
          promisedOn: null,
        }),
      )
      .thenThrows(violatesCaseRule('invalid_command')));
});

describe('RecordArrangement', () => {
  const neg = fact('msg-negotiation');
  const note = (f: string, dueOn: string | null = null): CaseEvent =>
    ({
      type: 'ArrangementNoted',
      data: { arrangementId: 'arr-1', fact: f, dueOn, notedAt: AT, cause: neg },
    }) as CaseEvent;
  const record = (f: string, dueOn: string | null = null) =>
    command('RecordArrangement', { arrangementId: 'arr-1', fact: f as never, dueOn }, neg);
  const alertOf = (alertId: string, kind: string): CaseEvent =>
    ({
      type: 'AlertRaised',
      data: { alertId, kind, subject: 'arr-1', raisedAt: AT, cause: neg },
    }) as CaseEvent;

  it('a promise made makes the promise active', () =>
    given(openCase('negotiating'))
      .when(record('promise_made', '2026-12-15'))
      .then([note('promise_made', '2026-12-15'), changed('negotiating', 'promise_active', neg)]));

  it('a promise kept leaves the rest pending', () =>
    given(openCase('promise_active'))
      .when(record('promise_kept'))
      .then([note('promise_kept'), changed('promise_active', 'pending_payment', neg)]));

  it('a broken promise alerts and goes back to contacted', () =>
    given(openCase('promise_active'))
      .when(record('promise_broken'))
      .then([
        note('promise_broken'),
        alertOf('promise-broken-arr-1', 'promise_broken'),
        changed('promise_active', 'contacted', neg),
      ]));

  it.each<CaseStatus>(['negotiating', 'promise_active', 'legal'])(
    'a plan agreed moves a case in %s to payment_plan',
    (from) =>
      given(openCase(from))
        .when(record('plan_agreed'))
        .then([note('plan_agreed'), changed(from, 'payment_plan', neg)]),
  );

  it('a missed instalment alerts once per due date', () =>
    given(openCase('payment_plan'))
      .when(record('plan_instalment_missed', '2026-12-01'))
      .then([
        note('plan_instalment_missed', '2026-12-01'),
        alertOf('instalment-missed-arr-1-2026-12-01', 'instalment_missed'),
      ]));

  it('a defaulted plan goes back to negotiating, a completed one to pending payment', () => {
    given(openCase('payment_plan'))
      .when(record('plan_defaulted'))
      .then([note('plan_defaulted'), changed('payment_plan', 'negotiating', neg)]);
    given(openCase('payment_plan'))
      .when(record('plan_completed'))
      .then([note('plan_completed'), changed('payment_plan', 'pending_payment', neg)]);
  });

  it('on hold, the fact is noted and the case stays held', () =>
    given([...openCase('negotiating'), changed('negotiating', 'on_hold')])
      .when(record('plan_agreed'))
      .then([note('plan_agreed')]));

  it('decides nothing when the same fact arrives again', () =>
    given([...openCase('promise_active'), note('promise_kept')])
      .when(record('promise_kept'))
      .thenNothingHappened());
});
