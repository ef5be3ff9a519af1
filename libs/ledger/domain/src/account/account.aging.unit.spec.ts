import { BucketScheme } from './aging';
import { AgeAccount } from './account.commands';
import { violates } from './account.errors';
import { DelinquencyBucketChanged } from './account.events';
import { accountClosed, accountPlaced, given, run } from './account.fixtures';
import { addDays, localDateIn } from './calendar';

const DUE = '2023-11-01';
const ageAccount = (asOf: string, buckets?: BucketScheme): AgeAccount => ({
  type: 'AgeAccount',
  data: { asOf, ...(buckets ? { buckets } : {}) },
});
const changed = (from: string | null, to: string, dpd: number): DelinquencyBucketChanged => ({
  type: 'DelinquencyBucketChanged',
  data: { from, to, dpd, asOf: addDays(DUE, dpd) },
});

describe('AgeAccount: default buckets and their edges', () => {
  it.each([
    [0, 'current'],
    [1, '1-30'],
    [30, '1-30'],
    [31, '31-60'],
    [60, '31-60'],
    [61, '61-90'],
    [90, '61-90'],
    [91, '91-120'],
    [120, '91-120'],
    [121, '121-180'],
    [180, '121-180'],
    [181, '181-365'],
    [365, '181-365'],
    [366, '365+'],
    [2000, '365+'],
  ])('%i DPD is %s', (dpd, bucket) =>
    given([accountPlaced()])
      .when(ageAccount(addDays(DUE, dpd)))
      .then([changed(null, bucket, dpd)]),
  );

  it('counts a due date not yet reached as current with 0 DPD', () =>
    given([accountPlaced()])
      .when(ageAccount('2023-10-15'))
      .then([
        { type: 'DelinquencyBucketChanged', data: { from: null, to: 'current', dpd: 0, asOf: '2023-10-15' } },
      ]));

  it('emits the move from one bucket to the next on the day it happens', () =>
    given([accountPlaced(), changed(null, '1-30', 30)])
      .when(ageAccount(addDays(DUE, 31)))
      .then([changed('1-30', '31-60', 31)]));

  it('decides nothing while the bucket stays the same', () =>
    given([accountPlaced(), changed('1-30', '31-60', 31)])
      .when(ageAccount(addDays(DUE, 60)))
      .thenNothingHappened());

  it('decides nothing for a rerun of an older day (a bucket never moves back by a late job)', () =>
    given([accountPlaced(), changed('1-30', '31-60', 31)])
      .when(ageAccount(addDays(DUE, 20)))
      .thenNothingHappened());

  it('does not age a closed account', () =>
    given([accountPlaced(), accountClosed()]).when(ageAccount('2024-06-01')).thenNothingHappened());

  it('goes back to current when the first unpaid due date moves forward', () => {
    const events = run(
      [
        ageAccount('2024-01-15'),
        {
          type: 'UpdateDueDate',
          data: { firstUnpaidDueDate: '2024-02-01', reason: 'cured', updatedAt: '2024-01-20T12:00:00Z' },
        },
      ],
      [accountPlaced()],
    );
    given(events)
      .when(ageAccount('2024-01-21'))
      .then([
        {
          type: 'DelinquencyBucketChanged',
          data: { from: '61-90', to: 'current', dpd: 0, asOf: '2024-01-21' },
        },
      ]);
  });
});

describe('AgeAccount: creditor bucket schemes', () => {
  const monthly: BucketScheme = [
    { id: 'M0', fromDpd: 0 },
    { id: 'M1', fromDpd: 1 },
    { id: 'M2', fromDpd: 30 },
    { id: 'M3+', fromDpd: 60 },
  ];
  it('uses the scheme given with the command', () => {
    given([accountPlaced()])
      .when(ageAccount(addDays(DUE, 29), monthly))
      .then([{ ...changed(null, 'M1', 29) }]);
    given([accountPlaced()])
      .when(ageAccount(addDays(DUE, 30), monthly))
      .then([{ ...changed(null, 'M2', 30) }]);
    given([accountPlaced()])
      .when(ageAccount(addDays(DUE, 60), monthly))
      .then([{ ...changed(null, 'M3+', 60) }]);
  });

  it.each([
    ['empty', []],
    ['not starting at 0', [{ id: 'a', fromDpd: 1 }]],
    [
      'not increasing',
      [
        { id: 'a', fromDpd: 0 },
        { id: 'b', fromDpd: 30 },
        { id: 'c', fromDpd: 30 },
      ],
    ],
    [
      'with duplicate ids',
      [
        { id: 'a', fromDpd: 0 },
        { id: 'a', fromDpd: 30 },
      ],
    ],
    [
      'with a fractional start',
      [
        { id: 'a', fromDpd: 0 },
        { id: 'b', fromDpd: 1.5 },
      ],
    ],
  ])('refuses a scheme %s', (_, scheme) =>
    given([accountPlaced()])
      .when(ageAccount('2024-01-01', scheme as BucketScheme))
      .thenThrows(violates('invalid_command')),
  );

  it('refuses a malformed asOf', () =>
    given([accountPlaced()]).when(ageAccount('2024-13-01')).thenThrows(violates('invalid_command')));
});

describe('AgeAccount across time zones', () => {
  // The same instant is 22:00 on 29 Feb in Bogotá (UTC−5) and 12:00 on 1 March in Tokyo (UTC+9).
  const instant = '2024-03-01T03:00:00Z';
  const due = '2024-01-30';

  it('the app computes asOf in the debtor zone, and the bucket follows the debtor calendar', () => {
    const inBogota = localDateIn('America/Bogota', instant);
    const inTokyo = localDateIn('Asia/Tokyo', instant);
    expect([inBogota, inTokyo]).toEqual(['2024-02-29', '2024-03-01']);

    given([accountPlaced({ firstUnpaidDueDate: due })])
      .when(ageAccount(inBogota))
      .then([
        { type: 'DelinquencyBucketChanged', data: { from: null, to: '1-30', dpd: 30, asOf: '2024-02-29' } },
      ]);
    given([accountPlaced({ firstUnpaidDueDate: due, timeZone: 'Asia/Tokyo' })])
      .when(ageAccount(inTokyo))
      .then([
        { type: 'DelinquencyBucketChanged', data: { from: null, to: '31-60', dpd: 31, asOf: '2024-03-01' } },
      ]);
  });
});
