import { caseFacts } from './case-facts.fixtures';
import { DEFAULT_SCORECARD, scoreCase } from './scorecard';

describe('scoreCase with the default scorecard', () => {
  it('scores a punctual, not-yet-due debtor high and shows the points of each attribute', () =>
    // 50 base + 20 (dpd 0) + 10 (3 kept) + 5 (none broken) + 15 (8 on time) = 100
    expect(scoreCase(DEFAULT_SCORECARD, caseFacts({ dpd: 0, promisesKept: 3, onTimePayments: 8 }))).toEqual({
      score: 100,
      band: 'high',
      scorecardVersion: 'default-scorecard-v1',
      explanation: [
        { fact: 'dpd', value: 0, range: '≤ 0', points: 20 },
        { fact: 'promisesKept', value: 3, range: '≥ 3', points: 10 },
        { fact: 'promisesBroken', value: 0, range: '≤ 0', points: 5 },
        { fact: 'onTimePayments', value: 8, range: '≥ 6', points: 15 },
      ],
    }));

  it('scores a long-delinquent debtor with broken promises low', () => {
    // 50 − 20 (dpd 120) + 0 (none kept) − 15 (2 broken) + 0 (1 on time) = 15
    const score = scoreCase(DEFAULT_SCORECARD, caseFacts({ dpd: 120, promisesBroken: 2, onTimePayments: 1 }));
    expect([score.score, score.band]).toEqual([15, 'low']);
  });

  it('puts a score on a band boundary in that band', () => {
    // 50 + 10 (dpd 12) + 0 − 5 (1 broken) + 0 = 55, the lowest medium score
    const score = scoreCase(DEFAULT_SCORECARD, caseFacts({ dpd: 12, promisesBroken: 1 }));
    expect([score.score, score.band]).toEqual([55, 'medium']);
  });
});
