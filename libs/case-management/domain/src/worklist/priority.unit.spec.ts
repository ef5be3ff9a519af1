import { priorityOf } from './priority';

describe('priorityOf', () => {
  const base = {
    status: 'contacted' as const,
    balance: 100_000n,
    dpd: 10,
    promiseDueOn: null,
    asOf: '2026-12-04',
  };

  it('is balance × likelihood × urgency, with every term explained', () =>
    expect(priorityOf(base)).toEqual({
      score: 40_000n,
      policyVersion: 'priority-2026-12',
      terms: [
        { term: 'balance', value: '100000', why: 'open balance (minor units)' },
        { term: 'likelihood', value: '400', why: 'status contacted' },
        { term: 'urgency', value: '1000', why: '10 days past due' },
      ],
    }));

  it('weighs days past due by the highest threshold reached', () => {
    expect(priorityOf({ ...base, dpd: 95 }).score).toBe(64_000n);
    expect(priorityOf({ ...base, dpd: 200 }).score).toBe(80_000n);
  });

  it('puts a promise due soon, and more an overdue one, first', () => {
    const soon = priorityOf({ ...base, status: 'promise_active', promiseDueOn: '2026-12-06' });
    const late = priorityOf({ ...base, status: 'promise_active', promiseDueOn: '2026-12-01' });
    expect(soon.terms[2]).toEqual({
      term: 'urgency',
      value: '2000',
      why: '10 days past due; promise due in 2 days',
    });
    expect(late.terms[2].why).toBe('10 days past due; promise overdue by 3 days');
    expect(late.score > soon.score).toBe(true);
  });

  it('scores a held case zero', () => expect(priorityOf({ ...base, status: 'on_hold' }).score).toBe(0n));
});
