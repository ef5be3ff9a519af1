import { Controller, ForbiddenException, Get, Inject, Param, Query } from '@nestjs/common';
import { ApiForbiddenResponse, ApiOperation, ApiTags, ApiUnauthorizedResponse } from '@nestjs/swagger';
import { Actor, hasAnyRole, Roles } from '@cartera/platform';
import type { Actor as Caller } from '@cartera/platform';
import { CLOCK } from '../case-management.infrastructure';
import { CasesByDebtorQuery, WorklistQuery } from './cases.dto';
import { CasesQueries, type ActiveHold, type CaseListItem } from './cases.queries';

/** Worklists ordered by priority, and the hold check other services ask before any contact. */
@ApiTags('worklists')
@ApiUnauthorizedResponse({ description: 'No or invalid bearer token.' })
@ApiForbiddenResponse({ description: 'The role does not allow this.' })
@Controller()
export class WorklistsController {
  constructor(
    private readonly queries: CasesQueries,
    @Inject(CLOCK) private readonly clock: () => Date,
  ) {}

  @Get('worklists/agents/:agentId')
  @Roles('agent', 'supervisor')
  @ApiOperation({
    summary: 'An agent’s open cases, highest priority first, each with why it is there (agents: their own).',
  })
  agent(
    @Param('agentId') agentId: string,
    @Query() q: WorklistQuery,
    @Actor() caller: Caller,
  ): Promise<CaseListItem[]> {
    if (agentId !== caller.id && !hasAnyRole(caller, ['supervisor']))
      throw new ForbiddenException('Agents see their own worklist');
    return this.queries.worklist({
      ...q,
      agentId,
      ...(caller.creditors ? { creditors: caller.creditors } : {}),
    });
  }

  @Get('worklists/teams/:teamId')
  @Roles('agent', 'supervisor')
  @ApiOperation({ summary: 'A team’s open cases, highest priority first.' })
  team(
    @Param('teamId') teamId: string,
    @Query() q: WorklistQuery,
    @Actor() caller: Caller,
  ): Promise<CaseListItem[]> {
    return this.queries.worklist({
      ...q,
      teamId,
      ...(caller.creditors ? { creditors: caller.creditors } : {}),
    });
  }

  @Get('holds')
  @Roles('agent', 'supervisor', 'compliance')
  @ApiOperation({
    summary:
      'The hold check: active holds on a debtor’s accounts (no contact or treatment step while any is active).',
  })
  holds(@Query() q: CasesByDebtorQuery, @Actor() caller: Caller): Promise<ActiveHold[]> {
    return this.queries.activeHolds(q.debtorId, this.clock().toISOString().slice(0, 10), caller.creditors);
  }
}
