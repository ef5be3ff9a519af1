import { scoredFacts } from './case-facts.fixtures';
import { evaluateCondition } from './evaluate-condition';
import { segmentCase } from './segment-case';
import { cardsStrategy } from './strategy.fixtures';

describe('segmentCase', () => {
  it('puts a not-yet-due debtor with six on-time payments in the good-payer segment', () => {
    const match = segmentCase(cardsStrategy, scoredFacts({ dpd: 0, onTimePayments: 7 }));
    expect(match?.segment.id).toBe('good-payer');
    expect(match?.because).toEqual(['dpd 0 lte 0', 'onTimePayments 7 gte 6']);
  });

  it('lets the first matching segment win and explains every condition that matched', () => {
    const match = segmentCase(cardsStrategy, scoredFacts({ dpd: 12 }));
    expect(match?.segment.id).toBe('early');
    expect(match?.because).toEqual([
      'dpd 12 lte 30',
      'balanceMinor 25000 USD gte 5000',
      'not (tags [] in [deceased, bankruptcy])',
    ]);
  });

  it('falls through to the catch-all when a condition fails', () => {
    const match = segmentCase(cardsStrategy, scoredFacts({ dpd: 12, tags: ['bankruptcy'] }));
    expect(match?.segment.id).toBe('late');
    expect(match?.because).toEqual(['catch-all segment']);
  });

  it('never matches a money condition on a balance in another currency', () =>
    expect(segmentCase(cardsStrategy, scoredFacts({ currency: 'EUR' }))?.segment.id).toBe('late'));

  it('returns null when no segment takes the case', () =>
    expect(
      segmentCase({ ...cardsStrategy, segments: cardsStrategy.segments.slice(0, 1) }, scoredFacts()),
    ).toBeNull());
});

describe('evaluateCondition', () => {
  const facts = scoredFacts({
    dpd: 45,
    balanceMinor: 1_000_00n,
    respondsOn: ['sms', 'email'],
    tags: ['vip'],
  });
  const holds = (condition: Parameters<typeof evaluateCondition>[0]) =>
    evaluateCondition(condition, facts).holds;

  it.each([
    [{ fact: 'dpd', op: 'eq', value: 45 }, true],
    [{ fact: 'dpd', op: 'gte', value: 46 }, false],
    [{ fact: 'dpd', op: 'between', min: 31, max: 60 }, true],
    [{ fact: 'dpd', op: 'in', values: [30, 60] }, false],
    [{ fact: 'bucket', op: 'in', values: ['1-30', '31-60'] }, true],
    [{ fact: 'scoreBand', op: 'eq', value: 'high' }, false],
    [{ fact: 'balanceMinor', op: 'between', min: '50000', max: '100000', currency: 'USD' }, true],
    [{ fact: 'balanceMinor', op: 'lte', value: '99999', currency: 'USD' }, false],
    [{ fact: 'respondsOn', op: 'eq', value: 'sms' }, true],
    [{ fact: 'respondsOn', op: 'in', values: ['voice', 'whatsapp'] }, false],
    [{ fact: 'tags', op: 'in', values: ['vip', 'staff'] }, true],
    [
      {
        any: [
          { fact: 'dpd', op: 'lte', value: 10 },
          { fact: 'tags', op: 'eq', value: 'vip' },
        ],
      },
      true,
    ],
    [
      {
        all: [
          { fact: 'dpd', op: 'lte', value: 10 },
          { fact: 'tags', op: 'eq', value: 'vip' },
        ],
      },
      false,
    ],
    [{ not: { fact: 'product', op: 'eq', value: 'loan' } }, true],
  ] as const)('%j holds: %s', (condition, expected) => expect(holds(condition)).toBe(expected));

  it('explains an `any` by the condition that held', () =>
    expect(
      evaluateCondition(
        {
          any: [
            { fact: 'dpd', op: 'lte', value: 10 },
            { fact: 'tags', op: 'eq', value: 'vip' },
          ],
        },
        facts,
      ).because,
    ).toEqual(['tags [vip] eq vip']));
});
