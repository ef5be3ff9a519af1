import {
  DebtorRuleViolated,
  type AccountLinkedToDebtor,
  type AccountRef,
  type ContactPoint,
  type DebtorEvent,
  type DebtorsMerged,
  type Identity,
  type RuleRef,
} from '@cartera/case-management-domain';
import { deterministicEventId } from '@cartera/eventstore';
import { withTransaction } from '@cartera/pg';
import type { PiiVault } from '@cartera/pii';
import type { Pool } from 'pg';
import { reseal } from './debtor-sealing';
import type { MatchReviewView } from './debtor-view';
import type { DebtorsCommands } from './debtors.commands';
import type { MatchKeysTable } from './match-keys.table';

/** The rule a person applies by hand when splitting a wrong link. */
export const MANUAL_SPLIT: RuleRef = { id: 'manual-split', version: 1 };

const sameSet = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && a.every((x) => b.includes(x));

/** Reviews, merges and splits: commands on two streams, then the blind indexes follow the accounts. */
export class DebtorLinks {
  constructor(
    private readonly commands: DebtorsCommands,
    private readonly vault: PiiVault,
    private readonly keys: MatchKeysTable,
    private readonly pool: Pool,
    private readonly clock: () => Date,
  ) {}

  async resolveReview(
    review: MatchReviewView,
    decision: 'link' | 'reject',
    intoDebtorId: string | undefined,
    by: string,
  ) {
    const at = this.clock().toISOString();
    const into =
      decision === 'link'
        ? (intoDebtorId ??
          (review.candidateDebtorIds.length === 1 ? review.candidateDebtorIds[0] : undefined))
        : undefined;
    const context = { metadata: { actor: { kind: 'user' as const, id: by } } };
    if (into && (await this.commands.state(into)).status !== 'registered')
      throw new DebtorRuleViolated(
        'debtor_not_registered',
        `candidate ${into} is no longer a debtor of its own`,
      );
    await this.commands.handle(
      review.debtorId,
      {
        type: 'ResolveMatchReview',
        data: {
          reviewId: review.reviewId,
          decision,
          ...(into ? { intoDebtorId: into } : {}),
          resolvedBy: by,
          at,
        },
      },
      context,
    );
    if (!into) return { reviewId: review.reviewId, decision, debtorId: review.debtorId };
    // From the stream, not the decision: a retry after a partial failure finds the merge recorded.
    const merge = (await this.commands.history(review.debtorId))
      .filter((e): e is DebtorsMerged => e.type === 'DebtorsMerged')
      .at(-1);
    if (merge) {
      const { accounts, rule } = merge.data;
      await this.commands.handle(
        into,
        { type: 'AbsorbDebtor', data: { absorbedId: review.debtorId, accounts, rule, at } },
        context,
      );
      await this.moveKeys(accounts, into);
    }
    return { reviewId: review.reviewId, decision, debtorId: into };
  }

  /** Gives accounts back: to the record they were merged from, or to a new debtor with the data their placements brought. */
  async split(debtorId: string, accountIds: readonly string[], by: string): Promise<{ debtorId: string }> {
    const state = await this.commands.state(debtorId);
    const at = this.clock().toISOString();
    const context = { metadata: { actor: { kind: 'user' as const, id: by } } };
    const restored =
      state.status === 'registered'
        ? Object.entries(state.absorbed).find(([, ids]) => sameSet(ids, accountIds))
        : undefined;
    const toDebtorId =
      restored?.[0] ?? deterministicEventId(`split:${debtorId}:${[...accountIds].sort().join(',')}`, 0);
    const links = restored ? [] : await this.linksOf(debtorId, accountIds);
    const profile = restored ? undefined : await this.resealed(debtorId, toDebtorId, links, state);
    await this.commands.handle(
      debtorId,
      { type: 'SplitDebtor', data: { toDebtorId, accountIds, splitBy: by, at } },
      context,
    );
    const accounts: AccountRef[] = accountIds.map((id) => ({
      accountId: id,
      creditorId: this.creditorOf(state, id),
    }));
    if (restored) {
      await this.commands.handle(
        toDebtorId,
        { type: 'RestoreDebtor', data: { fromDebtorId: debtorId, accounts, splitBy: by, at } },
        context,
      );
    } else if (profile) {
      const [first, ...rest] = profile.links;
      await this.commands.handle(
        toDebtorId,
        {
          type: 'RegisterDebtor',
          data: {
            debtorId: toDebtorId,
            profile: profile.profile,
            account: first.account,
            rule: MANUAL_SPLIT,
            splitFrom: debtorId,
            at,
          },
        },
        context,
      );
      for (const l of rest)
        await this.commands.handle(
          toDebtorId,
          {
            type: 'LinkAccount',
            data: {
              ...l.account,
              rule: MANUAL_SPLIT,
              placedIdentity: l.identity,
              contactPoints: l.contactPoints,
              at,
            },
          },
          context,
        );
    }
    await this.moveKeys(accounts, toDebtorId);
    return { debtorId: toDebtorId };
  }

  private creditorOf(state: Awaited<ReturnType<DebtorsCommands['state']>>, accountId: string): string {
    return state.status === 'registered' ? (state.accounts[accountId]?.creditorId ?? '') : '';
  }

  /** The placements that linked these accounts here; an account a merged record brought is split with that record. */
  private async linksOf(debtorId: string, accountIds: readonly string[]): Promise<AccountLinkedToDebtor[]> {
    const history: DebtorEvent[] = await this.commands.history(debtorId);
    const links = accountIds.map((id) =>
      history.find((e): e is AccountLinkedToDebtor => e.type === 'AccountLinked' && e.data.accountId === id),
    );
    if (links.some((l) => !l))
      throw new DebtorRuleViolated(
        'unknown_account',
        'an account brought by a merged record is split off with that whole record',
      );
    return links as AccountLinkedToDebtor[];
  }

  private async resealed(
    from: string,
    to: string,
    links: readonly AccountLinkedToDebtor[],
    state: Awaited<ReturnType<DebtorsCommands['state']>>,
  ) {
    if (state.status !== 'registered' || links.length === 0) return undefined;
    const identityOf = async (i: Identity): Promise<Identity> => ({
      name: await reseal(this.vault, from, to, i.name),
      ...(i.nationalId
        ? { nationalId: { ...i.nationalId, value: await reseal(this.vault, from, to, i.nationalId.value) } }
        : {}),
      ...(i.dateOfBirth ? { dateOfBirth: await reseal(this.vault, from, to, i.dateOfBirth) } : {}),
    });
    const pointsOf = (points: readonly ContactPoint[]) =>
      Promise.all(points.map(async (c) => ({ ...c, value: await reseal(this.vault, from, to, c.value) })));
    const resealedLinks = await Promise.all(
      links.map(async (l) => ({
        account: { accountId: l.data.accountId, creditorId: l.data.creditorId },
        identity: await identityOf(l.data.placedIdentity),
        contactPoints: await pointsOf(l.data.contactPoints),
      })),
    );
    const [first] = resealedLinks;
    const { timeZones, jurisdiction, preferredLanguage } = state.profile;
    return {
      links: resealedLinks,
      profile: {
        identity: first.identity,
        contactPoints: first.contactPoints,
        timeZones,
        jurisdiction,
        ...(preferredLanguage ? { preferredLanguage } : {}),
      },
    };
  }

  private moveKeys(accounts: readonly AccountRef[], debtorId: string): Promise<void> {
    return withTransaction(this.pool, (c) =>
      this.keys.move(
        c,
        accounts.map((a) => a.accountId),
        debtorId,
      ),
    );
  }
}
