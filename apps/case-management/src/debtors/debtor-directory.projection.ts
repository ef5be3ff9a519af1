import type { DebtorEvent } from '@cartera/case-management-domain';
import { debtorStreamId } from '@cartera/case-management-domain';
import type { RecordedEvent } from '@cartera/eventstore';
import type { ClientBase } from 'pg';
import { ERASED_FIELD } from './debtor-sealing';
import type { DebtorTables } from './debtors.schema';

/**
 * The debtor read model from the debtor streams: ciphertext and the erased marker only. Events
 * written on both streams of a merge or split are applied from one side (the survivor's / the
 * source's), so each fact lands once.
 */
export const applyDebtorEvent = async (
  db: ClientBase,
  t: DebtorTables,
  recorded: RecordedEvent,
): Promise<void> => {
  const e = recorded as unknown as DebtorEvent & { streamId: string };
  switch (e.type) {
    case 'DebtorRegistered': {
      const { debtorId, profile: p } = e.data;
      await db.query(
        `INSERT INTO ${t.debtors} (debtor_id, status, name, national_id_type, national_id_country, national_id,
           date_of_birth, contact_points, time_zones, jurisdiction_country, jurisdiction_region, preferred_language,
           split_from, registered_at)
         VALUES ($1, 'registered', $2, $3, $4, $5, $6, '[]', $7, $8, $9, $10, $11, $12) ON CONFLICT (debtor_id) DO NOTHING`,
        [
          debtorId,
          p.identity.name,
          p.identity.nationalId?.type ?? null,
          p.identity.nationalId?.country ?? null,
          p.identity.nationalId?.value ?? null,
          p.identity.dateOfBirth ?? null,
          p.timeZones,
          p.jurisdiction.country,
          p.jurisdiction.region ?? null,
          p.preferredLanguage ?? null,
          e.data.splitFrom ?? null,
          e.data.registeredAt,
        ],
      );
      return;
    }
    case 'AccountLinked':
      await db.query(
        `INSERT INTO ${t.accounts} (account_id, debtor_id, creditor_id, rule_id, rule_version, linked_at)
         VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (account_id) DO UPDATE SET debtor_id = EXCLUDED.debtor_id, rule_id = EXCLUDED.rule_id,
           rule_version = EXCLUDED.rule_version, linked_at = EXCLUDED.linked_at`,
        [
          e.data.accountId,
          e.data.debtorId,
          e.data.creditorId,
          e.data.rule.id,
          e.data.rule.version,
          e.data.linkedAt,
        ],
      );
      await db.query(
        `UPDATE ${t.debtors} SET contact_points = contact_points || $2::jsonb WHERE debtor_id = $1`,
        [e.data.debtorId, JSON.stringify(e.data.contactPoints)],
      );
      return;
    case 'MatchReviewRequested':
      await db.query(
        `INSERT INTO ${t.reviews} (review_id, debtor_id, account_id, creditor_id, candidate_debtor_ids, rule_id,
           rule_version, status, requested_at)
         SELECT $1, $2, $3, a.creditor_id, $4, $5, $6, 'open', $7 FROM ${t.accounts} a WHERE a.account_id = $3
         ON CONFLICT (review_id) DO NOTHING`,
        [
          e.data.reviewId,
          e.data.debtorId,
          e.data.accountId,
          e.data.candidateDebtorIds,
          e.data.rule.id,
          e.data.rule.version,
          e.data.requestedAt,
        ],
      );
      return;
    case 'MatchReviewResolved':
      await db.query(
        `UPDATE ${t.reviews} SET status = 'resolved', decision = $2, resolved_by = $3, resolved_at = $4 WHERE review_id = $1`,
        [e.data.reviewId, e.data.decision, e.data.resolvedBy, e.data.resolvedAt],
      );
      return;
    case 'DebtorsMerged':
      if (e.streamId !== debtorStreamId(e.data.survivorId)) return;
      await moveAccounts(db, t, e.data.accounts, e.data.survivorId);
      await db.query(`UPDATE ${t.debtors} SET status = 'merged', merged_into = $2 WHERE debtor_id = $1`, [
        e.data.absorbedId,
        e.data.survivorId,
      ]);
      return;
    case 'DebtorSplit':
      if (e.streamId !== debtorStreamId(e.data.fromDebtorId)) return;
      await moveAccounts(db, t, e.data.accounts, e.data.toDebtorId);
      await db.query(
        `UPDATE ${t.debtors} SET status = 'registered', merged_into = NULL WHERE debtor_id = $1 AND status = 'merged'`,
        [e.data.toDebtorId],
      );
      return;
    case 'DebtorErased':
      // The records merged into it are the same person: their fields go too.
      await db.query(
        `UPDATE ${t.debtors} SET status = CASE WHEN debtor_id = $1 THEN 'erased' ELSE status END, erased_at = $2,
           name = $3, national_id = CASE WHEN national_id IS NULL THEN NULL ELSE $3 END,
           date_of_birth = CASE WHEN date_of_birth IS NULL THEN NULL ELSE $3 END, contact_points = '[]'
         WHERE debtor_id = $1 OR merged_into = $1`,
        [e.data.debtorId, e.data.erasedAt, ERASED_FIELD],
      );
      return;
    default: {
      const unknown: never = e;
      return unknown;
    }
  }
};

const moveAccounts = (
  db: ClientBase,
  t: DebtorTables,
  accounts: readonly { accountId: string }[],
  to: string,
) =>
  db.query(`UPDATE ${t.accounts} SET debtor_id = $2 WHERE account_id = ANY($1::uuid[])`, [
    accounts.map((a) => a.accountId),
    to,
  ]);
