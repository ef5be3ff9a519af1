import { lookupsOf, projectPortfolio, type ProjectedMessage } from './portfolio.projection';
import {
  collectionsKey,
  movementKey,
  paymentKey,
  portfolioGroupKey,
  type AccountRow,
  type CollectionsDelta,
  type MovementDelta,
  type PaymentRow,
  type PortfolioChange,
  type PortfolioDelta,
} from './portfolio.rows';
import { ACCOUNT_COLUMNS, PAYMENT_COLUMNS, type PortfolioTables } from './portfolio.tables';
import { isoText, type MessageWrites } from './sql';

type AccountRecord = Record<string, string | number | null>;

// An account row (`a`, as toAccount reads it) and a payment row (`p`, as paymentOf reads it).
const ACCOUNT_AND_PAYMENT = `a.account_id, a.creditor_id, a.debtor_id, a.creditor_account_ref, a.product, a.currency, a.principal::text, a.interest::text,
    a.fees::text, a.balance::text, a.credit_balance::text, a.total_paid::text, a.status, a.days_past_due, a.dpd_as_of::text, a.bucket,
    a.first_unpaid_due_date::text, ${isoText('a.placed_at')} AS placed_at, ${isoText('a.last_payment_at')} AS last_payment_at,
    a.closed_on::text, ${isoText('a.last_event_at')} AS last_event_at,
    p.channel AS p_channel, p.amount::text AS p_amount, p.paid_on::text AS p_paid_on, p.reversed_on::text AS p_reversed_on`;

// The account (locked) and, for a reversal, its payment: one round trip.
const selectAccount = (t: PortfolioTables) => `
  SELECT ${ACCOUNT_AND_PAYMENT}
  FROM ${t.accounts} a LEFT JOIN ${t.payments} p ON p.account_id = a.account_id AND p.payment_id = $2
  WHERE a.account_id = $1 FOR UPDATE OF a`;

const toAccount = (r: AccountRecord): AccountRow => ({
  accountId: r.account_id as string,
  creditorId: r.creditor_id as string,
  debtorId: r.debtor_id as string,
  creditorAccountRef: r.creditor_account_ref as string,
  product: r.product as string,
  currency: r.currency as string,
  principal: BigInt(r.principal as string),
  interest: BigInt(r.interest as string),
  fees: BigInt(r.fees as string),
  balance: BigInt(r.balance as string),
  creditBalance: BigInt(r.credit_balance as string),
  totalPaid: BigInt(r.total_paid as string),
  status: r.status as string,
  daysPastDue: r.days_past_due as number | null,
  dpdAsOf: r.dpd_as_of as string | null,
  bucket: r.bucket as string,
  firstUnpaidDueDate: r.first_unpaid_due_date as string,
  placedAt: r.placed_at as string,
  lastPaymentAt: r.last_payment_at as string | null,
  closedOn: r.closed_on as string | null,
  lastEventAt: r.last_event_at as string,
});

/** Column values of an account row, in ACCOUNT_COLUMNS order. */
export const accountValues = (a: AccountRow): unknown[] => [
  a.accountId,
  a.creditorId,
  a.debtorId,
  a.creditorAccountRef,
  a.product,
  a.currency,
  a.principal,
  a.interest,
  a.fees,
  a.balance,
  a.creditBalance,
  a.totalPaid,
  a.status,
  a.daysPastDue,
  a.dpdAsOf,
  a.bucket,
  a.firstUnpaidDueDate,
  a.placedAt,
  a.lastPaymentAt,
  a.closedOn,
  a.lastEventAt,
];

export const paymentValues = (p: PaymentRow): unknown[] => [
  p.accountId,
  p.paymentId,
  p.creditorId,
  p.currency,
  p.channel,
  p.amount,
  p.paidOn,
  p.reversedOn,
];

const columns = (spec: readonly (readonly [string, string])[]) => spec.map(([n]) => `"${n}"`).join(', ');
const arrays = (spec: readonly (readonly [string, string])[], first: number) =>
  spec.map(([, type], i) => `$${first + i}::${type}[]`).join(', ');
const updates = (spec: readonly (readonly [string, string])[], keys: string[]) =>
  spec
    .filter(([n]) => !keys.includes(n))
    .map(([n]) => `"${n}" = excluded."${n}"`)
    .join(', ');

const PORTFOLIO_DELTA = [
  ['creditor_id', 'text'],
  ['currency', 'text'],
  ['bucket', 'text'],
  ['status', 'text'],
  ['day', 'date'],
  ['cnt', 'int'],
  ['bal', 'bigint'],
] as const;
const COLLECTIONS_DELTA = [
  ['day', 'date'],
  ['creditor_id', 'text'],
  ['currency', 'text'],
  ['channel', 'text'],
  ['payment_count', 'int'],
  ['gross', 'bigint'],
  ['reversal_count', 'int'],
  ['reversed', 'bigint'],
] as const;
const MOVEMENT_DELTA = [
  ['day', 'date'],
  ['creditor_id', 'text'],
  ['currency', 'text'],
  ['from_bucket', 'text'],
  ['to_bucket', 'text'],
  ['account_count', 'int'],
  ['balance', 'bigint'],
] as const;

/**
 * Every write of one message in one statement (data-modifying CTEs over unnest arrays; an empty
 * array writes nothing). Portfolio rows: with the group's advisory lock held, the rows from the
 * event's day on move by the delta, and a day without a row yet gets the latest earlier row + delta.
 * `into` is plpgsql's destination of the result (the function below).
 */
const writeStatement = (t: PortfolioTables, into = ''): string => {
  let n = 1;
  const next = (spec: readonly (readonly [string, string])[]) => {
    const sql = arrays(spec, n);
    n += spec.length;
    return sql;
  };
  const acc = next(ACCOUNT_COLUMNS);
  const pay = next(PAYMENT_COLUMNS);
  const col = next(COLLECTIONS_DELTA);
  const mov = next(MOVEMENT_DELTA);
  const pd = next(PORTFOLIO_DELTA);
  const group = (a: string, b: string) =>
    ['creditor_id', 'currency', 'bucket', 'status'].map((c) => `${a}.${c} = ${b}.${c}`).join(' AND ');
  return `WITH
    acc AS (INSERT INTO ${t.accounts} (${columns(ACCOUNT_COLUMNS)}) SELECT * FROM unnest(${acc})
      ON CONFLICT (account_id) DO UPDATE SET ${updates(ACCOUNT_COLUMNS, ['account_id'])} RETURNING 1),
    pay AS (INSERT INTO ${t.payments} (${columns(PAYMENT_COLUMNS)}) SELECT * FROM unnest(${pay})
      ON CONFLICT (account_id, payment_id) DO UPDATE SET ${updates(PAYMENT_COLUMNS, ['account_id', 'payment_id'])} RETURNING 1),
    col AS (INSERT INTO ${t.collectionsDaily} AS c (day, creditor_id, currency, channel, payment_count, gross, reversal_count, reversed, net)
      SELECT d.*, d.gross - d.reversed FROM unnest(${col}) AS d(day, creditor_id, currency, channel, payment_count, gross, reversal_count, reversed)
      ON CONFLICT (day, creditor_id, currency, channel) DO UPDATE SET payment_count = c.payment_count + excluded.payment_count,
        gross = c.gross + excluded.gross, reversal_count = c.reversal_count + excluded.reversal_count,
        reversed = c.reversed + excluded.reversed, net = c.net + excluded.net RETURNING 1),
    mov AS (INSERT INTO ${t.bucketMovements} AS m (${columns(MOVEMENT_DELTA)}) SELECT * FROM unnest(${mov})
      ON CONFLICT (day, creditor_id, currency, from_bucket, to_bucket) DO UPDATE SET
        account_count = m.account_count + excluded.account_count, balance = m.balance + excluded.balance RETURNING 1),
    d AS (SELECT * FROM unnest(${pd}) AS d(creditor_id, currency, bucket, status, day, cnt, bal)),
    up AS (UPDATE ${t.portfolioDaily} p SET account_count = p.account_count + d.cnt, balance = p.balance + d.bal
      FROM d WHERE ${group('p', 'd')} AND p.day >= d.day RETURNING 1),
    ins AS (INSERT INTO ${t.portfolioDaily} (creditor_id, currency, bucket, status, day, account_count, balance)
      SELECT d.creditor_id, d.currency, d.bucket, d.status, d.day, coalesce(prev.account_count, 0) + d.cnt, coalesce(prev.balance, 0) + d.bal
      FROM d LEFT JOIN LATERAL (SELECT account_count, balance FROM ${t.portfolioDaily} p WHERE ${group('p', 'd')} AND p.day < d.day
        ORDER BY p.day DESC LIMIT 1) prev ON true
      WHERE NOT EXISTS (SELECT 1 FROM ${t.portfolioDaily} p WHERE ${group('p', 'd')} AND p.day = d.day) RETURNING 1)
  SELECT 1 ${into}`;
};

const ALL_ARRAYS = [
  ...ACCOUNT_COLUMNS,
  ...PAYMENT_COLUMNS,
  ...COLLECTIONS_DELTA,
  ...MOVEMENT_DELTA,
  ...PORTFOLIO_DELTA,
  ['lock', 'text'],
] as const;

/**
 * The live path's aggregate writes as one function: it takes the lock, then runs the write
 * statement, which (a new statement in a volatile function) sees everything the previous holder
 * committed — in one statement with the lock it would not: a statement sees what committed
 * before it started. One round trip with the lock held before COMMIT instead of two (lock, then
 * write): every live transaction queues on this lock, so its hold time bounds the projection's
 * latency. The statement's parameters plus the lock's name; created for the live tables (suffix
 * '') at start-up.
 */
export const deltasFunctionSql = (t: PortfolioTables): string => `
  CREATE OR REPLACE FUNCTION ${t.deltasFunction}(${ALL_ARRAYS.map(([name, type], i) => `a${i + 1}_${name} ${type}[]`).join(', ')})
  RETURNS void LANGUAGE plpgsql AS $fn$
  DECLARE done int;
  BEGIN
    PERFORM pg_advisory_xact_lock(hashtextextended(k, 0)) FROM unnest($${ALL_ARRAYS.length}) k;
    ${writeStatement(t, 'INTO done')};
  END $fn$`;

const callDeltasFunction = (t: PortfolioTables) =>
  `SELECT ${t.deltasFunction}(${ALL_ARRAYS.map((_, i) => `$${i + 1}`).join(', ')})`;

const statements = new Map<string, string>();
const statementFor = (t: PortfolioTables): string => {
  const known = statements.get(t.accounts);
  if (known) return known;
  const sql = writeStatement(t);
  statements.set(t.accounts, sql);
  return sql;
};
const column = (rows: readonly (readonly unknown[])[], i: number) =>
  rows.map((r) => (typeof r[i] === 'bigint' ? (r[i] as bigint).toString() : r[i]));
const params = (spec: readonly unknown[], rows: readonly (readonly unknown[])[]) =>
  spec.map((_, i) => column(rows, i));

/**
 * Applies one ledger message to the portfolio tables through `client` (the inbox transaction in
 * the live consumer, a rebuild's transaction for shadow tables): read, decide in TypeScript
 * (`projectPortfolio`), lock the touched portfolio groups, write — three round trips at most.
 */
export const applyPortfolioSql = async (
  db: MessageWrites,
  t: PortfolioTables,
  m: ProjectedMessage,
): Promise<void> => {
  const look = lookupsOf(m);
  if (!look) return;
  if (db.spansMessages) return applyWithinTransaction(db, t, m, look);
  const found = (
    await db.read<AccountRecord>({
      name: `reporting-portfolio-read:${t.accounts}`,
      text: selectAccount(t),
      values: [look.accountId, look.paymentId ?? null],
    })
  )[0];
  const account = found ? toAccount(found) : undefined;
  writePortfolioChange(db, t, projectPortfolio(m, account, paymentOf(found, look, account)));
};

const paymentOf = (
  found: AccountRecord | undefined,
  look: { accountId: string; paymentId?: string },
  account: AccountRow | undefined,
): PaymentRow | undefined =>
  found?.p_channel && look.paymentId
    ? {
        accountId: look.accountId,
        paymentId: look.paymentId,
        creditorId: account?.creditorId ?? '',
        currency: account?.currency ?? '',
        channel: found.p_channel as string,
        amount: BigInt(found.p_amount as string),
        paidOn: found.p_paid_on as string,
        reversedOn: found.p_reversed_on as string | null,
      }
    : undefined;

/**
 * The rows one transaction has read (locked) or changed: later messages about the same account
 * read them here, and `finish` writes each changed row once, in its final state.
 */
class TransactionRows {
  readonly accounts = new Map<string, AccountRow | undefined>();
  readonly payments = new Map<string, PaymentRow | undefined>();
  readonly changedAccounts = new Set<string>();
  readonly changedPayments = new Set<string>();

  /** The changed rows in one statement. */
  write(db: MessageWrites, t: PortfolioTables): void {
    const accounts = [...this.changedAccounts]
      .sort()
      .map((id) => this.accounts.get(id))
      .filter((a): a is AccountRow => a !== undefined);
    const payments = [...this.changedPayments]
      .sort()
      .map((k) => this.payments.get(k))
      .filter((p): p is PaymentRow => p !== undefined);
    if (accounts.length === 0 && payments.length === 0) return;
    db.write(statementFor(t), [
      ...params(ACCOUNT_COLUMNS, accounts.map(accountValues)),
      ...params(PAYMENT_COLUMNS, payments.map(paymentValues)),
      ...params(COLLECTIONS_DELTA, []),
      ...params(MOVEMENT_DELTA, []),
      ...params(PORTFOLIO_DELTA, []),
    ]);
  }
}

/** One transaction's portfolio writes on the live path: its rows, then its merged aggregate deltas. */
class TransactionWrites {
  readonly rows = new TransactionRows();
  readonly deltas = new AggregateDeltas();

  /**
   * The rows, then the deltas through the function that takes the aggregate lock: emitted after
   * every other projection's writes (`last`), the offset commit coming before them too, so the lock
   * is held for the function's run and COMMIT only.
   */
  write(db: MessageWrites, t: PortfolioTables): void {
    this.rows.write(db, t);
    this.deltas.write(db, t);
  }
}

const selectPayment = (t: PortfolioTables) =>
  `SELECT channel AS p_channel, amount::text AS p_amount, paid_on::text AS p_paid_on, reversed_on::text AS p_reversed_on FROM ${t.payments} WHERE account_id = $1 AND payment_id = $2`;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

// Every account a transaction's messages are about (locked, in account order: concurrent
// transactions cannot deadlock on them) and the payments its reversals name: one round trip.
const selectAccounts = (t: PortfolioTables) => `
  SELECT ${ACCOUNT_AND_PAYMENT}, p.payment_id AS p_payment_id
  FROM ${t.accounts} a
  LEFT JOIN unnest($2::uuid[], $3::text[]) AS u(account_id, payment_id) ON u.account_id = a.account_id
  LEFT JOIN ${t.payments} p ON p.account_id = u.account_id AND p.payment_id = u.payment_id
  WHERE a.account_id = ANY($1::uuid[])
  ORDER BY a.account_id FOR UPDATE OF a`;

/**
 * Reads ahead, for the whole transaction, what its messages will look up and is not read yet: an
 * account missing from the table is remembered as absent (a placement in the batch creates it).
 * Ids that are not uuids are left to the one-account read, which fails on its own message only.
 */
const readAhead = async (
  db: MessageWrites,
  t: PortfolioTables,
  rows: TransactionRows,
  messages: readonly ProjectedMessage[],
): Promise<void> => {
  const accounts = new Set<string>();
  const payments: { accountId: string; paymentId: string }[] = [];
  for (const message of messages) {
    const look = lookupsOf(message);
    if (!look || rows.accounts.has(look.accountId) || !UUID.test(look.accountId)) continue;
    accounts.add(look.accountId);
    if (look.paymentId !== undefined) payments.push({ accountId: look.accountId, paymentId: look.paymentId });
  }
  if (accounts.size === 0) return;
  const found = await db.read<AccountRecord>({
    name: `reporting-portfolio-read-ahead:${t.accounts}`,
    text: selectAccounts(t),
    values: [[...accounts], payments.map((p) => p.accountId), payments.map((p) => p.paymentId)],
  });
  for (const id of accounts) rows.accounts.set(id, undefined);
  for (const p of payments) rows.payments.set(paymentKey(p.accountId, p.paymentId), undefined);
  for (const r of found) {
    const accountId = r.account_id as string;
    const account = rows.accounts.get(accountId) ?? toAccount(r);
    rows.accounts.set(accountId, account);
    if (r.p_payment_id !== null)
      rows.payments.set(
        paymentKey(accountId, r.p_payment_id as string),
        paymentOf(r, { accountId, paymentId: r.p_payment_id as string }, account),
      );
  }
};

/**
 * Live consumer path (one MessageWrites per inbox transaction of many messages): an account is
 * read and locked once per transaction, later messages see its state in memory, and the rows and
 * aggregate deltas are written once each before COMMIT — about one round trip per account
 * instead of three per message.
 */
const applyWithinTransaction = async (
  db: MessageWrites,
  t: PortfolioTables,
  m: ProjectedMessage,
  look: { accountId: string; paymentId?: string },
): Promise<void> => {
  const writes = db.deferred(
    `portfolio:${t.accounts}`,
    () => new TransactionWrites(),
    (w) => w.write(db, t),
    { last: true },
  );
  const rows = writes.rows;
  const pKey = look.paymentId === undefined ? undefined : paymentKey(look.accountId, look.paymentId);
  if (!rows.accounts.has(look.accountId))
    await readAhead(db, t, rows, db.messages.length > 0 ? db.messages : [m]);
  if (!rows.accounts.has(look.accountId)) {
    const found = (
      await db.read<AccountRecord>({
        name: `reporting-portfolio-read:${t.accounts}`,
        text: selectAccount(t),
        values: [look.accountId, look.paymentId ?? null],
      })
    )[0];
    const account = found ? toAccount(found) : undefined;
    rows.accounts.set(look.accountId, account);
    if (pKey) rows.payments.set(pKey, paymentOf(found, look, account));
  } else if (pKey && !rows.payments.has(pKey)) {
    const found = (
      await db.read<AccountRecord>({
        name: `reporting-portfolio-payment:${t.payments}`,
        text: selectPayment(t),
        values: [look.accountId, look.paymentId],
      })
    )[0];
    rows.payments.set(pKey, paymentOf(found, look, rows.accounts.get(look.accountId)));
  }
  const account = rows.accounts.get(look.accountId);
  const change = projectPortfolio(m, account, pKey ? rows.payments.get(pKey) : undefined);
  if (change.account) {
    rows.accounts.set(change.account.accountId, change.account);
    rows.changedAccounts.add(change.account.accountId);
  }
  if (change.payment) {
    const key = paymentKey(change.payment.accountId, change.payment.paymentId);
    rows.payments.set(key, change.payment);
    rows.changedPayments.add(key);
  }
  writes.deltas.add(change);
};

/** Holds the change's statements in `db` (sent after the message's reads, with its other writes). */
export const writePortfolioChange = (db: MessageWrites, t: PortfolioTables, c: PortfolioChange): void => {
  if (!c.account && !c.payment && !c.collections.length && !c.movements.length && !c.portfolio.length) return;
  if (c.portfolio.length) {
    // One writer per group at a time, taken in one order: a day's row copies the earlier row, and a
    // backdated delta must reach rows other partitions are creating, which READ COMMITTED alone does not see.
    db.write(
      `SELECT pg_advisory_xact_lock(h) FROM (SELECT hashtextextended(k, 0) AS h FROM unnest($1::text[]) k ORDER BY 1) s`,
      [c.portfolio.map((d) => `${t.portfolioDaily}:${portfolioGroupKey(d)}`)],
    );
  }
  writeRows(db, t, c);
};

const deltaParams = (c: Pick<PortfolioChange, 'collections' | 'movements' | 'portfolio'>): unknown[][] => [
  ...params(
    COLLECTIONS_DELTA,
    c.collections.map((d) => [
      d.day,
      d.creditorId,
      d.currency,
      d.channel,
      d.paymentCount,
      d.gross,
      d.reversalCount,
      d.reversed,
    ]),
  ),
  ...params(
    MOVEMENT_DELTA,
    c.movements.map((d) => [d.day, d.creditorId, d.currency, d.fromBucket, d.toBucket, d.count, d.balance]),
  ),
  ...params(
    PORTFOLIO_DELTA,
    c.portfolio.map((d) => [d.creditorId, d.currency, d.bucket, d.status, d.day, d.count, d.balance]),
  ),
];

const writeRows = (db: MessageWrites, t: PortfolioTables, c: PortfolioChange): void => {
  db.write(statementFor(t), [
    ...params(ACCOUNT_COLUMNS, c.account ? [accountValues(c.account)] : []),
    ...params(PAYMENT_COLUMNS, c.payment ? [paymentValues(c.payment)] : []),
    ...deltaParams(c),
  ]);
};

const byKey = <T>(map: Map<string, T>): T[] =>
  [...map.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, v]) => v);

/**
 * The aggregate deltas of every message in one transaction, summed per row. Deltas commute (each
 * adds to the rows from its day on), so one write of the sums equals the writes one by one — the
 * same rows, a zero sum included, come out. Written under one lock per portfolio table: with
 * multi-message transactions on several partitions, per-group locks taken message by message
 * would be taken in opposite orders and deadlock; this lock is held only from the aggregate write
 * to COMMIT, and account rows (the rest of the transaction) belong to one partition's debtors.
 */
class AggregateDeltas {
  private readonly portfolio = new Map<string, Map<string, PortfolioDelta>>();
  private readonly collections = new Map<string, CollectionsDelta>();
  private readonly movements = new Map<string, MovementDelta>();

  add(c: PortfolioChange): void {
    for (const d of c.portfolio) {
      const days = this.portfolio.get(portfolioGroupKey(d)) ?? new Map<string, PortfolioDelta>();
      this.portfolio.set(portfolioGroupKey(d), days);
      const known = days.get(d.day);
      days.set(
        d.day,
        known ? { ...known, count: known.count + d.count, balance: known.balance + d.balance } : d,
      );
    }
    for (const d of c.collections) {
      const known = this.collections.get(collectionsKey(d));
      this.collections.set(
        collectionsKey(d),
        known
          ? {
              ...known,
              paymentCount: known.paymentCount + d.paymentCount,
              gross: known.gross + d.gross,
              reversalCount: known.reversalCount + d.reversalCount,
              reversed: known.reversed + d.reversed,
            }
          : d,
      );
    }
    for (const d of c.movements) {
      const known = this.movements.get(movementKey(d));
      this.movements.set(
        movementKey(d),
        known ? { ...known, count: known.count + d.count, balance: known.balance + d.balance } : d,
      );
    }
  }

  get empty(): boolean {
    return this.portfolio.size === 0 && this.collections.size === 0 && this.movements.size === 0;
  }

  /** The merged deltas, through the function that takes the `<portfolio table>:aggregates` lock first. */
  write(db: MessageWrites, t: PortfolioTables): void {
    const groups = byKey(this.portfolio).map((days) => byKey(days)); // each group's days, earliest first
    const rounds = Math.max(1, ...groups.map((g) => g.length));
    if (this.empty) return;
    // One call per round, each group at most once in it (an UPDATE … FROM changes a row once).
    for (let round = 0; round < rounds; round++) {
      db.write(callDeltasFunction(t), [
        ...params(ACCOUNT_COLUMNS, []),
        ...params(PAYMENT_COLUMNS, []),
        ...deltaParams({
          collections: round === 0 ? byKey(this.collections) : [],
          movements: round === 0 ? byKey(this.movements) : [],
          portfolio: groups.flatMap((days) => (days[round] ? [days[round]] : [])),
        }),
        [`${t.portfolioDaily}:aggregates`],
      ]);
    }
  }
}
