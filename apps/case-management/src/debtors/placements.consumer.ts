import {
  DEFAULT_MATCH_RULE_SETS,
  matchDebtor,
  matchKeysOf,
  matchRuleSetOn,
  type DebtorCommand,
  type MatchKey,
} from '@cartera/case-management-domain';
import type { AccountPlacedV1 } from '@cartera/contracts';
import { deterministicEventId, eventIdsFromMessage } from '@cartera/eventstore';
import type { HandlerContext, ReceivedMessage } from '@cartera/messaging';
import type { BlindIndexer, PiiVault } from '@cartera/pii';
import { Temporal } from 'temporal-polyfill';
import { personOf, profileOf, sealPlacement } from './debtor-sealing';
import type { DebtorsCommands } from './debtors.commands';
import type { MatchKeysTable } from './match-keys.table';

/** The placement day in the debtor's zone (UTC when the zone is unusable). */
const placedOn = (placedAt: string, timeZone: string): string => {
  try {
    return Temporal.Instant.from(placedAt).toZonedDateTimeISO(timeZone).toPlainDate().toString();
  } catch {
    return placedAt.slice(0, 10);
  }
};

/**
 * AccountPlaced → match → link the account to a debtor, or register one (with a review when the
 * match was weak). Ids derive from the message id, so a redelivery decides nothing new.
 */
export class PlacementMatcher {
  constructor(
    private readonly commands: DebtorsCommands,
    private readonly vault: PiiVault,
    private readonly index: BlindIndexer,
    private readonly keys: MatchKeysTable,
  ) {}

  blindKeys(p: AccountPlacedV1): MatchKey[] {
    return matchKeysOf(personOf(p.debtor)).map((k) => ({ kind: k.kind, value: this.index(k.kind, k.value) }));
  }

  async place(p: AccountPlacedV1, m: ReceivedMessage, ctx: HandlerContext): Promise<void> {
    const keys = this.blindKeys(p);
    await this.keys.lock(ctx.client, keys);
    const day = placedOn(p.placedAt, p.debtor.timeZone);
    const ruleSet = matchRuleSetOn(day, DEFAULT_MATCH_RULE_SETS);
    const decision = matchDebtor(keys, await this.keys.candidates(ctx.client, keys), ruleSet);
    const account = { accountId: p.accountId, creditorId: p.creditorId };
    const context = {
      metadata: {
        ...ctx.eventMetadata,
        creditorId: p.creditorId,
        actor: { kind: 'service' as const, id: 'case-management' },
      },
      eventIds: eventIdsFromMessage(m.messageId),
    };
    const debtorId =
      decision.outcome === 'link' ? decision.debtorId : deterministicEventId(`debtor:${m.messageId}`, 0);
    const sealed = await sealPlacement(this.vault, debtorId, p.debtor, account, day);
    const command: DebtorCommand =
      decision.outcome === 'link'
        ? {
            type: 'LinkAccount',
            data: {
              ...account,
              rule: decision.rule,
              placedIdentity: sealed.identity,
              contactPoints: sealed.contactPoints,
              at: p.placedAt,
            },
          }
        : {
            type: 'RegisterDebtor',
            data: {
              debtorId,
              profile: profileOf(sealed, p.debtor),
              account,
              rule: { id: ruleSet.id, version: ruleSet.version },
              at: p.placedAt,
              ...(decision.outcome === 'review'
                ? {
                    review: {
                      reviewId: deterministicEventId(`review:${m.messageId}`, 0),
                      candidateDebtorIds: decision.candidateDebtorIds,
                      rule: decision.rule,
                    },
                  }
                : {}),
            },
          };
    await this.commands.handle(debtorId, command, context);
    await this.keys.add(ctx.client, p.accountId, debtorId, keys);
  }
}
