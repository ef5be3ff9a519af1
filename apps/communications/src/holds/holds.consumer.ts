import type { HoldLiftedV1, HoldPlacedV1 } from '@cartera/contracts';
import { TOPICS, validateContract } from '@cartera/contracts';
import type { Bus, Consumer, HandlerContext, ReceivedMessage } from '@cartera/messaging';
import type { CommunicationsTables } from '../communications.schema';

export const HOLDS_CONSUMER_GROUP = 'communications.holds';

const HOLD_TYPES = new Set(['HoldPlaced', 'HoldLifted']);

// Only the hold contracts are this consumer's to check; other case messages pass through unread.
const validateHolds = (m: ReceivedMessage) => {
  if (!HOLD_TYPES.has(m.type)) return [];
  const result = validateContract(m.type, m.schemaVersion, m.payload);
  return result.ok ? [] : result.errors;
};

const placeHold = (t: CommunicationsTables, h: HoldPlacedV1, ctx: HandlerContext) =>
  ctx.client.query(
    `INSERT INTO ${t.activeHolds} (hold_id, case_id, debtor_id, creditor_id, reason, account_ids, placed_at, ends_on)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8) ON CONFLICT (hold_id) DO NOTHING`,
    [h.holdId, h.caseId, h.debtorId, h.creditorId, h.reason, h.accountIds, h.placedAt, h.endsOn ?? null],
  );

const liftHold = (t: CommunicationsTables, h: HoldLiftedV1, ctx: HandlerContext) =>
  ctx.client.query(`DELETE FROM ${t.activeHolds} WHERE hold_id = $1`, [h.holdId]);

/**
 * Case management's holds → the active-holds table the contact policy reads. Writes run in the
 * inbox transaction, so a redelivered message changes nothing; other case messages are ignored.
 */
export const startHoldsConsumer = (bus: Bus, t: CommunicationsTables): Consumer =>
  bus.subscribe({
    topics: [TOPICS.caseManagement],
    group: HOLDS_CONSUMER_GROUP,
    // `block`: a lift must never be applied before its placement.
    policy: { kind: 'block', maxAttempts: 5, backoff: { initialMs: 50, maxMs: 1_000 } },
    validate: validateHolds,
    handler: async (m: ReceivedMessage, ctx) => {
      if (m.type === 'HoldPlaced') await placeHold(t, m.payload as HoldPlacedV1, ctx);
      if (m.type === 'HoldLifted') await liftHold(t, m.payload as HoldLiftedV1, ctx);
    },
  });
