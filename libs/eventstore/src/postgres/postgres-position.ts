import { GlobalPosition, InvalidEventStoreInput } from '../event-store.port';

/** Generation, transaction id and seq, zero-padded so string order is position order. */
export type PgPosition = Readonly<{ generation: number; transactionId: string; seq: string }>;

const FORMAT = /^(\d{4})\/(\d{20})\/(\d{19})$/;

export const formatPosition = (
  generation: number,
  transactionId: string,
  seq: string | number,
): GlobalPosition =>
  `${String(generation).padStart(4, '0')}/${transactionId.padStart(20, '0')}/${String(seq).padStart(19, '0')}` as GlobalPosition;

export const parsePosition = (position: string): PgPosition => {
  const match = FORMAT.exec(position);
  if (!match) throw new InvalidEventStoreInput(`Not a PostgreSQL event store position: ${position}`);
  return {
    generation: Number(match[1]),
    transactionId: BigInt(match[2]).toString(),
    seq: BigInt(match[3]).toString(),
  };
};

/** Below every real position (generation 0 is never used). */
export const BEFORE_START: PgPosition = { generation: 0, transactionId: '0', seq: '0' };
