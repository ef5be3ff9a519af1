import { NotFoundException } from '@nestjs/common';
import type { CaseCommand, Cause } from '@cartera/case-management-domain';
import type { CasesCommands, CommandContext } from './cases.commands';
import type { CasesQueries } from './cases.queries';

export type BulkOutcome = { requested: number; changed: number; unchanged: number; notFound: number };

export type ScrubHit = Readonly<{ debtorId: string; flag: 'bankruptcy' | 'deceased'; reference: string }>;

/** Runs `work` over `items`, `concurrency` at a time (each case is its own stream: no two touch the same one). */
const eachLimited = async <T>(items: readonly T[], concurrency: number, work: (item: T) => Promise<void>) => {
  let next = 0;
  const lane = async () => {
    while (next < items.length) await work(items[next++]);
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, items.length) }, lane));
};

/** Commands over many cases at once: reassignment and scrub hits. Each case is still one command. */
export class CasesBulk {
  constructor(
    private readonly commands: CasesCommands,
    private readonly queries: CasesQueries,
    private readonly concurrency = 8,
  ) {}

  async run(
    items: readonly { caseId: string; command: CaseCommand }[],
    ctx: CommandContext,
  ): Promise<BulkOutcome> {
    const outcome: BulkOutcome = { requested: items.length, changed: 0, unchanged: 0, notFound: 0 };
    await eachLimited(items, this.concurrency, async ({ caseId, command }) => {
      try {
        const { changed } = await this.commands.handle(caseId, command, ctx);
        outcome[changed ? 'changed' : 'unchanged'] += 1;
      } catch (error) {
        if (!(error instanceof NotFoundException)) throw error;
        outcome.notFound += 1;
      }
    });
    return outcome;
  }

  reassign(
    caseIds: readonly string[],
    agentId: string | null,
    teamId: string | null,
    at: string,
    ctx: CommandContext,
  ) {
    const cause: Cause = { kind: 'user', id: ctx.actor.id };
    const command: CaseCommand = { type: 'AssignCase', data: { agentId, teamId, at, cause } };
    return this.run(
      [...new Set(caseIds)].map((caseId) => ({ caseId, command })),
      ctx,
    );
  }

  /** A hit holds every case of the debtor the caller may see. */
  async scrub(
    hits: readonly ScrubHit[],
    source: string,
    at: string,
    ctx: CommandContext,
  ): Promise<BulkOutcome> {
    const cause: Cause = { kind: 'user', id: ctx.actor.id };
    const items: { caseId: string; command: CaseCommand }[] = [];
    for (const hit of hits)
      for (const c of await this.queries.byDebtor(hit.debtorId, ctx.creditors)) {
        const data = {
          flag: hit.flag,
          source: 'scrub_file' as const,
          reference: `${source}:${hit.reference}`,
          at,
          cause,
        };
        items.push({ caseId: c.caseId, command: { type: 'RecordScrubHit', data } });
      }
    return this.run(items, ctx);
  }
}
