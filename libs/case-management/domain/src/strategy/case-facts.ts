import { MessageChannel, FactName } from './strategy.document';

/**
 * What segmentation knows of a case at one moment, gathered by the service from the case, the
 * account and the promise history (the domain reads nothing itself).
 * - `dpd`, `bucket` — days past due and delinquency bucket, as the ledger last aged the account.
 * - `balanceMinor` — what is owed, minor units of `currency`.
 * - `promisesKept` / `promisesBroken` — the debtor's promise-to-pay history.
 * - `onTimePayments` — installments paid on or before their due date (the good-payer record).
 * - `respondsOn` — channels the debtor answered on recently (channel responsiveness).
 */
export type CaseFacts = Readonly<{
  caseId: string;
  dpd: number;
  bucket: string;
  balanceMinor: bigint;
  currency: string;
  product: string;
  creditorId: string;
  jurisdiction: string;
  promisesKept: number;
  promisesBroken: number;
  onTimePayments: number;
  respondsOn: readonly MessageChannel[];
  tags: readonly string[];
}>;

/** The facts with the propensity score the scorecard gave them: what segment conditions test. */
export type ScoredFacts = CaseFacts & Readonly<{ score: number; scoreBand: string }>;

export type FactReading = number | bigint | string | readonly string[];

export const readFact = (facts: ScoredFacts, fact: FactName): FactReading => facts[fact];
