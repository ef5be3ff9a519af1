/** An account as the `accounts` table holds it (money as bigint minor units, times as ISO strings). */
export type AccountRow = {
  accountId: string;
  creditorId: string;
  debtorId: string;
  creditorAccountRef: string;
  product: string;
  currency: string;
  principal: bigint;
  interest: bigint;
  fees: bigint;
  balance: bigint;
  creditBalance: bigint;
  totalPaid: bigint;
  status: string;
  daysPastDue: number | null;
  dpdAsOf: string | null;
  bucket: string;
  firstUnpaidDueDate: string;
  placedAt: string;
  lastPaymentAt: string | null;
  closedOn: string | null;
  lastEventAt: string;
};

export type PaymentRow = {
  accountId: string;
  paymentId: string;
  creditorId: string;
  currency: string;
  channel: string;
  amount: bigint;
  paidOn: string;
  reversedOn: string | null;
};

/** The portfolio group an account counts in. */
export type PortfolioGroup = { creditorId: string; currency: string; bucket: string; status: string };
export type PortfolioDelta = PortfolioGroup & { day: string; count: number; balance: bigint };

export type CollectionsKey = { day: string; creditorId: string; currency: string; channel: string };
export type CollectionsDelta = CollectionsKey & {
  paymentCount: number;
  gross: bigint;
  reversalCount: number;
  reversed: bigint;
};

export type MovementKey = {
  day: string;
  creditorId: string;
  currency: string;
  fromBucket: string;
  toBucket: string;
};
export type MovementDelta = MovementKey & { count: number; balance: bigint };

/** What one ledger message does to the portfolio read models. */
export type PortfolioChange = {
  account?: AccountRow;
  payment?: PaymentRow;
  portfolio: PortfolioDelta[];
  collections: CollectionsDelta[];
  movements: MovementDelta[];
};

export const portfolioGroupKey = (g: PortfolioGroup): string =>
  `${g.creditorId}\u001f${g.currency}\u001f${g.bucket}\u001f${g.status}`;
export const collectionsKey = (k: CollectionsKey): string =>
  `${k.day}\u001f${k.creditorId}\u001f${k.currency}\u001f${k.channel}`;
export const movementKey = (k: MovementKey): string =>
  `${k.day}\u001f${k.creditorId}\u001f${k.currency}\u001f${k.fromBucket}\u001f${k.toBucket}`;
export const paymentKey = (accountId: string, paymentId: string): string => `${accountId}\u001f${paymentId}`;

/** Bucket of an account the ledger has not aged yet. */
export const UNAGED = 'unaged';
