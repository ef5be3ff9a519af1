import { CaseFacts, ScoredFacts } from './case-facts';

/**
 * A transparent scorecard, as data: each attribute's value falls in one band (inclusive `min` /
 * `max`, open when absent) worth some points; the score is `base` plus those points, and its band
 * the first of `bands` (highest first) whose `minScore` it reaches. A model adapter may replace
 * it later behind the same shape of result.
 */
export type Scorecard = Readonly<{
  version: string;
  effectiveFrom: string;
  base: number;
  attributes: readonly ScoredAttribute[];
  bands: readonly Readonly<{ band: string; minScore: number }>[];
}>;

export type ScoredAttribute = Readonly<{ fact: ScoredFact; bands: readonly PointsBand[] }>;
export type ScoredFact = 'dpd' | 'promisesKept' | 'promisesBroken' | 'onTimePayments';
export type PointsBand = Readonly<{ min?: number; max?: number; points: number }>;

/** The propensity-to-pay score, with the points each attribute gave and the card's version. */
export type Score = Readonly<{
  score: number;
  band: string;
  scorecardVersion: string;
  explanation: readonly ScoreReason[];
}>;
export type ScoreReason = Readonly<{ fact: ScoredFact; value: number; range: string; points: number }>;

export const scoreCase = (card: Scorecard, facts: CaseFacts): Score => {
  const explanation = card.attributes.map((attribute) => reasonFor(attribute, facts[attribute.fact]));
  const score = explanation.reduce((sum, reason) => sum + reason.points, card.base);
  const band = card.bands.find((b) => score >= b.minScore)?.band ?? card.bands[card.bands.length - 1].band;
  return { score, band, scorecardVersion: card.version, explanation };
};

/** A value outside every band scores nothing, and says so. */
const reasonFor = (attribute: ScoredAttribute, value: number): ScoreReason => {
  const hit = attribute.bands.find(
    (b) => (b.min === undefined || value >= b.min) && (b.max === undefined || value <= b.max),
  );
  return { fact: attribute.fact, value, range: hit ? rangeText(hit) : 'no band', points: hit?.points ?? 0 };
};

const rangeText = ({ min, max }: PointsBand): string =>
  min === undefined ? `≤ ${max}` : max === undefined ? `≥ ${min}` : min === max ? `${min}` : `${min}–${max}`;

/**
 * The default card: recent, punctual debtors with kept promises score high. Balance is left out on
 * purpose: minor units are not comparable across currencies, and a card per portfolio can add it.
 */
export const DEFAULT_SCORECARD: Scorecard = {
  version: 'default-scorecard-v1',
  effectiveFrom: '2026-01-01',
  base: 50,
  attributes: [
    {
      fact: 'dpd',
      bands: [
        { max: 0, points: 20 },
        { min: 1, max: 30, points: 10 },
        { min: 31, max: 90, points: 0 },
        { min: 91, points: -20 },
      ],
    },
    {
      fact: 'promisesKept',
      bands: [
        { max: 0, points: 0 },
        { min: 1, max: 2, points: 5 },
        { min: 3, points: 10 },
      ],
    },
    {
      fact: 'promisesBroken',
      bands: [
        { max: 0, points: 5 },
        { min: 1, max: 1, points: -5 },
        { min: 2, points: -15 },
      ],
    },
    {
      fact: 'onTimePayments',
      bands: [
        { max: 2, points: 0 },
        { min: 3, max: 5, points: 5 },
        { min: 6, points: 15 },
      ],
    },
  ],
  bands: [
    { band: 'high', minScore: 80 },
    { band: 'medium', minScore: 55 },
    { band: 'low', minScore: Number.MIN_SAFE_INTEGER },
  ],
};

/** The scored facts segment conditions test. */
export const withScore = (facts: CaseFacts, score: Score): ScoredFacts => ({
  ...facts,
  score: score.score,
  scoreBand: score.band,
});
