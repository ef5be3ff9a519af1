import { BadRequestException, Body, Controller, Get, Inject, Post, Query } from '@nestjs/common';
import { ApiForbiddenResponse, ApiOperation, ApiTags, ApiUnauthorizedResponse } from '@nestjs/swagger';
import { Actor, Roles } from '@cartera/platform';
import type { Actor as Caller } from '@cartera/platform';
import { CLOCK } from '../case-management.infrastructure';
import { CasesBulk, type BulkOutcome } from './cases.bulk';
import type { CommandContext } from './cases.commands';
import type { CaseListItem } from './cases.queries';
import { ReassignDto, ScrubFileDto, SupervisorListQuery } from './supervisor.dto';
import { SupervisorQueries, type QueueSize } from './supervisor.queries';

const contextOf = (caller: Caller): CommandContext => ({
  actor: { kind: 'user', id: caller.id },
  ...(caller.creditors ? { creditors: caller.creditors } : {}),
});

/** Supervisor views and bulk work, within the caller’s creditors. */
@ApiTags('supervisor')
@ApiUnauthorizedResponse({ description: 'No or invalid bearer token.' })
@ApiForbiddenResponse({ description: 'The role does not allow this.' })
@Controller()
export class SupervisorController {
  constructor(
    private readonly queries: SupervisorQueries,
    private readonly bulk: CasesBulk,
    @Inject(CLOCK) private readonly clock: () => Date,
  ) {}

  @Get('supervisor/queues')
  @Roles('supervisor')
  @ApiOperation({ summary: 'Open cases per team and status.' })
  queues(@Actor() caller: Caller): Promise<QueueSize[]> {
    return this.queries.queues(caller.creditors);
  }

  @Get('supervisor/unassigned')
  @Roles('supervisor')
  @ApiOperation({ summary: 'Open cases no agent works, highest priority first.' })
  unassigned(@Query() q: SupervisorListQuery, @Actor() caller: Caller): Promise<CaseListItem[]> {
    return this.queries.unassigned(q.limit ?? 100, caller.creditors);
  }

  @Get('supervisor/stale')
  @Roles('supervisor')
  @ApiOperation({
    summary: 'Open cases with no change for `inactiveDays` days, the longest untouched first.',
  })
  stale(@Query() q: SupervisorListQuery, @Actor() caller: Caller): Promise<CaseListItem[]> {
    const before = new Date(this.clock().getTime() - (q.inactiveDays ?? 14) * 86_400_000);
    return this.queries.stale(before, q.limit ?? 100, caller.creditors);
  }

  @Post('supervisor/reassignments')
  @Roles('supervisor')
  @ApiOperation({ summary: 'Reassign many cases at once (listed, or every open case of an agent).' })
  async reassign(@Body() dto: ReassignDto, @Actor() caller: Caller): Promise<BulkOutcome> {
    if ((dto.caseIds === undefined) === (dto.fromAgentId === undefined))
      throw new BadRequestException('Give either caseIds or fromAgentId');
    const ids = dto.caseIds ?? (await this.queries.openCasesOf(dto.fromAgentId as string, caller.creditors));
    const at = this.clock().toISOString();
    return this.bulk.reassign(ids, dto.toAgentId ?? null, dto.toTeamId ?? null, at, contextOf(caller));
  }

  @Post('scrubs')
  @Roles('supervisor', 'compliance')
  @ApiOperation({
    summary: 'A scrub file’s bankruptcy and deceased hits: each holds the debtor’s cases automatically.',
  })
  scrubs(@Body() dto: ScrubFileDto, @Actor() caller: Caller): Promise<BulkOutcome> {
    return this.bulk.scrub(dto.hits, dto.source, this.clock().toISOString(), contextOf(caller));
  }
}
