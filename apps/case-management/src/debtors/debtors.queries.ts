import type { ContactPoint } from '@cartera/case-management-domain';
import { hasAnyRole, type Actor, type Role } from '@cartera/platform';
import type { PiiVault } from '@cartera/pii';
import type { Pool } from 'pg';
import { unseal } from './debtor-sealing';
import type { DebtorAccountView, DebtorView, MatchReviewView } from './debtor-view';
import type { DebtorTables } from './debtors.schema';

/** Roles that work the debtor and so read personal data in clear; others get tokens. */
export const PERSONAL_DATA_ROLES: readonly Role[] = [
  'agent',
  'supervisor',
  'negotiator',
  'compliance',
  'privacy',
];
const MASKED = '[masked]';

type DebtorRow = {
  debtor_id: string;
  status: DebtorView['status'];
  merged_into: string | null;
  name: string;
  national_id_type: string | null;
  national_id_country: string | null;
  national_id: string | null;
  date_of_birth: string | null;
  contact_points: (ContactPoint & { sealedFor?: string })[];
  time_zones: string[];
  jurisdiction_country: string;
  jurisdiction_region: string | null;
  preferred_language: string | null;
};

const inScope = (caller: Actor, creditorId: string | undefined): boolean =>
  caller.creditors === undefined || (creditorId !== undefined && caller.creditors.includes(creditorId));

/** The read side of the registry: rows hold ciphertext, opened here (at the edge) for permitted roles. */
export class DebtorsQueries {
  constructor(
    private readonly pool: Pool,
    private readonly t: DebtorTables,
    private readonly vault: PiiVault,
  ) {}

  /** Undefined when unknown, or when none of its accounts belongs to the caller's creditors. */
  async debtor(debtorId: string, caller: Actor): Promise<DebtorView | undefined> {
    const { rows } = await this.pool.query<DebtorRow>(
      `SELECT * FROM ${this.t.debtors} WHERE debtor_id = $1 OR merged_into = $1 ORDER BY registered_at`,
      [debtorId],
    );
    const own = rows.find((r) => r.debtor_id === debtorId);
    if (!own) return undefined;
    const accounts = (await this.accounts(debtorId)).filter((a) => inScope(caller, a.creditorId));
    if (caller.creditors !== undefined && accounts.length === 0) return undefined;
    const clear = hasAnyRole(caller, PERSONAL_DATA_ROLES);
    const open = (id: string, value: string | null) =>
      value === null ? null : clear ? unseal(this.vault, id, value) : MASKED;
    const records = rows.filter((r) => r.debtor_id === debtorId || r.merged_into === debtorId);
    const contactPoints = await Promise.all(
      records.flatMap((r) =>
        r.contact_points
          .filter((c) => inScope(caller, c.source?.creditorId))
          .map(async (c) => ({ ...c, value: await open(r.debtor_id, c.value) })),
      ),
    );
    return {
      debtorId,
      status: own.status,
      mergedInto: own.merged_into,
      identity: {
        name: await open(debtorId, own.name),
        nationalId: own.national_id_type
          ? {
              type: own.national_id_type,
              country: own.national_id_country,
              value: await open(debtorId, own.national_id),
            }
          : null,
        dateOfBirth: await open(debtorId, own.date_of_birth),
      },
      contactPoints,
      timeZones: own.time_zones,
      jurisdiction: { country: own.jurisdiction_country, region: own.jurisdiction_region },
      preferredLanguage: own.preferred_language,
      mergedRecords: rows.filter((r) => r.merged_into === debtorId).map((r) => r.debtor_id),
      accounts,
    };
  }

  private async accounts(debtorId: string): Promise<DebtorAccountView[]> {
    const { rows } = await this.pool.query<{
      account_id: string;
      creditor_id: string;
      rule_id: string;
      rule_version: number;
      balance_minor: string | null;
      currency: string | null;
      status: string | null;
    }>(
      `SELECT a.account_id, a.creditor_id, a.rule_id, a.rule_version, l.balance_minor, l.currency, l.status
         FROM ${this.t.accounts} a LEFT JOIN ${this.t.ledgerAccounts} l USING (account_id)
        WHERE a.debtor_id = $1 ORDER BY a.linked_at, a.account_id`,
      [debtorId],
    );
    return rows.map((r) => ({
      accountId: r.account_id,
      creditorId: r.creditor_id,
      linkedBy: { id: r.rule_id, version: r.rule_version },
      balanceMinor: r.balance_minor,
      currency: r.currency,
      status: r.status,
    }));
  }

  /** Open reviews, oldest first, of the caller's creditors; `reviewId` picks one. */
  async openReviews(caller: Actor, reviewId?: string): Promise<MatchReviewView[]> {
    const { rows } = await this.pool.query<ReviewRow>(
      `SELECT * FROM ${this.t.reviews}
        WHERE status = 'open' AND ($1::text[] IS NULL OR creditor_id = ANY($1)) AND ($2::uuid IS NULL OR review_id = $2)
        ORDER BY requested_at, review_id LIMIT 500`,
      [caller.creditors ?? null, reviewId ?? null],
    );
    return rows.map(reviewView);
  }
}

type ReviewRow = {
  review_id: string;
  debtor_id: string;
  account_id: string;
  creditor_id: string;
  candidate_debtor_ids: string[];
  rule_id: string;
  rule_version: number;
  requested_at: Date;
};

const reviewView = (r: ReviewRow): MatchReviewView => ({
  reviewId: r.review_id,
  debtorId: r.debtor_id,
  accountId: r.account_id,
  creditorId: r.creditor_id,
  candidateDebtorIds: r.candidate_debtor_ids,
  rule: { id: r.rule_id, version: r.rule_version },
  requestedAt: r.requested_at.toISOString(),
});
