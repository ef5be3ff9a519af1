import type { ClientBase } from 'pg';
import type { BusMessage } from './projection-definitions';
import { qualified } from './sql';

/** The largest amount a read model's bigint column holds. */
const MAX_MINOR = 2n ** 63n - 1n;
const MONEY_PARTS = new Set(['balance', 'allocation', 'delta']);

const moneyValues = (value: unknown, inMoney = false): string[] => {
  if (typeof value === 'string') return inMoney ? [value] : [];
  if (typeof value !== 'object' || value === null) return [];
  return Object.entries(value).flatMap(([k, v]) =>
    moneyValues(v, inMoney || k.endsWith('Minor') || MONEY_PARTS.has(k)),
  );
};

/** Why a projection cannot apply `m`, or undefined: an amount its tables cannot hold. */
export const cannotApply = (m: BusMessage): string | undefined => {
  const tooLarge = moneyValues(m.payload).find((v) => /^-?\d+$/.test(v) && BigInt(v) > MAX_MINOR);
  return tooLarge === undefined
    ? undefined
    : `amount ${tooLarge} exceeds the read model's maximum ${MAX_MINOR}`;
};

/** The account a message is about (its ordering unit), else its bus key. */
export const accountOf = (m: BusMessage): string => {
  const id = (m.payload as { accountId?: unknown } | null)?.accountId;
  return typeof id === 'string' ? id : m.key;
};

const table = (schema: string) => qualified(schema, 'parked_messages');

export const isHeldBack = async (
  client: Pick<ClientBase, 'query'>,
  schema: string,
  projection: string,
  accountId: string,
): Promise<boolean> => {
  const { rows } = await client.query({
    name: `reporting-parked-held:${schema}`,
    text: `SELECT 1 FROM ${table(schema)} WHERE projection = $1 AND account_id = $2 LIMIT 1`,
    values: [projection, accountId],
  });
  return rows.length > 0;
};

export const park = async (
  client: Pick<ClientBase, 'query'>,
  schema: string,
  projection: string,
  m: BusMessage,
  reason: string,
): Promise<void> => {
  const { replayed: _replayed, ...message } = m;
  await client.query(
    `INSERT INTO ${table(schema)} (projection, message_id, account_id, partition, "offset", reason, message, parked_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, now()) ON CONFLICT DO NOTHING`,
    [projection, m.messageId, accountOf(m), m.partition, m.offset, reason, JSON.stringify(message)],
  );
};

export type ParkedSummary = Readonly<{ count: number; reasons: { reason: string; count: number }[] }>;

export const parkedSummary = async (
  client: Pick<ClientBase, 'query'>,
  schema: string,
  projection: string,
): Promise<ParkedSummary> => {
  const { rows } = await client.query<{ reason: string; count: number }>(
    `SELECT reason, count(*)::int AS count FROM ${table(schema)} WHERE projection = $1 GROUP BY reason ORDER BY count DESC, reason`,
    [projection],
  );
  return { count: rows.reduce((n, r) => n + r.count, 0), reasons: rows };
};

/** Parked messages of one projection, locked, in bus order per account (the order they were delivered). */
export const takeParked = async (
  client: Pick<ClientBase, 'query'>,
  schema: string,
  projection: string,
): Promise<{ accountId: string; message: BusMessage }[]> => {
  const { rows } = await client.query<{ account_id: string; message: BusMessage }>(
    `SELECT account_id, message FROM ${table(schema)} WHERE projection = $1
     ORDER BY account_id, partition, "offset" FOR UPDATE`,
    [projection],
  );
  return rows.map((r) => ({ accountId: r.account_id, message: r.message }));
};

export const unpark = async (
  client: Pick<ClientBase, 'query'>,
  schema: string,
  projection: string,
  messageId: string,
): Promise<void> => {
  await client.query(`DELETE FROM ${table(schema)} WHERE projection = $1 AND message_id = $2`, [
    projection,
    messageId,
  ]);
};
