import { Decider, DeciderSpecification } from './index';

type Counter = { count: number };
type Inc = { type: 'Increment'; data: { by: number } };
type Incremented = { type: 'Incremented'; data: { by: number } };
const counter: Decider<Counter, Inc, Incremented> = {
  initialState: () => ({ count: 0 }),
  evolve: (s, e) => ({ count: s.count + e.data.by }),
  decide: (c, s) => {
    if (c.data.by <= 0) throw new RangeError('positive only');
    return s.count >= 10 ? [] : [{ type: 'Incremented', data: { by: c.data.by } }];
  },
};
const given = DeciderSpecification.for(counter);

describe('DeciderSpecification', () => {
  it('folds the given events before deciding', () =>
    given([{ type: 'Incremented', data: { by: 10 } }])
      .when({ type: 'Increment', data: { by: 1 } })
      .thenNothingHappened());
  it('checks the decided events', () =>
    given([])
      .when({ type: 'Increment', data: { by: 2 } })
      .then([{ type: 'Incremented', data: { by: 2 } }]));
  it('checks a rejection by class', () =>
    given([])
      .when({ type: 'Increment', data: { by: 0 } })
      .thenThrows(RangeError));
  it('fails when a rejection was expected but the command was accepted', () =>
    expect(() =>
      given([])
        .when({ type: 'Increment', data: { by: 1 } })
        .thenThrows(),
    ).toThrow(/accepted/));
});
