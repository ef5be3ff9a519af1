import {
  Body,
  Controller,
  Get,
  Headers,
  Inject,
  NotFoundException,
  Param,
  ParseUUIDPipe,
  Post,
  Query,
  Res,
} from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import type { CaseCommand, Cause } from '@cartera/case-management-domain';
import { Actor, Roles } from '@cartera/platform';
import type { Actor as Caller } from '@cartera/platform';
import type { Response } from 'express';
import { CLOCK } from '../case-management.infrastructure';
import { CaseLocks, type CaseLock } from './case-locks';
import { viewOf, type CaseView } from './case-view';
import { CasesCommands, type CommandContext } from './cases.commands';
import {
  AssignCaseDto,
  CasesByDebtorQuery,
  ChangeStatusDto,
  CreateTaskDto,
  OpenDisputeDto,
  PlaceHoldDto,
  RecordInteractionDto,
  VerifyDisputeDto,
} from './cases.dto';
import { CasesQueries, type CaseListItem } from './cases.queries';
import { LIMITATION_RULES } from './limitation-rules';

type Data<T extends CaseCommand['type']> = Omit<Extract<CaseCommand, { type: T }>['data'], 'at' | 'cause'>;

/** HTTP → case command or query, nothing more. 201 when the command changed the case, 200 for a repeat. */
@ApiTags('cases')
@ApiUnauthorizedResponse({ description: 'No or invalid bearer token.' })
@ApiForbiddenResponse({ description: 'The role does not allow this.' })
@Controller('cases')
export class CasesController {
  constructor(
    private readonly commands: CasesCommands,
    private readonly queries: CasesQueries,
    private readonly locks: CaseLocks,
    @Inject(CLOCK) private readonly clock: () => Date,
  ) {}

  @Get()
  @Roles('agent', 'supervisor')
  @ApiOperation({ summary: 'The cases of a debtor, within the caller’s creditors.' })
  list(@Query() q: CasesByDebtorQuery, @Actor() caller: Caller): Promise<CaseListItem[]> {
    return this.queries.byDebtor(q.debtorId, caller.creditors);
  }

  @Get(':id')
  @Roles('agent', 'supervisor')
  @ApiOperation({
    summary: 'The whole case: status, accounts, holds, disputes (with their clock), tasks, priority.',
  })
  @ApiNotFoundResponse({ description: 'Unknown case (or not one of the caller’s creditors).' })
  async get(@Param('id', ParseUUIDPipe) id: string, @Actor() caller: Caller): Promise<CaseView> {
    const found = await this.commands.load(id, caller.creditors);
    if (!found) throw new NotFoundException(`Case ${id} not found`);
    return viewOf(found.state, found.version, this.clock());
  }

  @Post(':id/status')
  @Roles('agent', 'supervisor')
  @ApiOperation({
    summary: 'Move the case in its status machine; an illegal move is 409 naming the current status.',
  })
  @ApiOkResponse({ description: '201 when moved, 200 when already there.' })
  @ApiBadRequestResponse()
  @ApiConflictResponse({ description: '`illegal_transition`, `case_closed`…' })
  @ApiNotFoundResponse()
  async status(
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: ChangeStatusDto,
    @Actor() c: Caller,
    @Headers('x-correlation-id') cid: string | undefined,
    @Res({ passthrough: true }) res: Response,
  ) {
    // A legal step is checked against the statute of limitations in force today; a barred case is marked.
    if (dto.to === 'legal') {
      const today = this.clock().toISOString().slice(0, 10);
      await this.run(id, 'EvaluateLimitation', { today, rules: LIMITATION_RULES }, c, cid, res);
    }
    return this.run(id, 'ChangeStatus', { to: dto.to }, c, cid, res, true);
  }

  @Post(':id/lock')
  @Roles('agent', 'supervisor')
  @ApiOperation({
    summary: 'Take (or renew) the work lock: another agent’s work on the case is 409 until it lapses.',
  })
  @ApiConflictResponse({ description: '`case_locked`, naming who works the case.' })
  @ApiNotFoundResponse()
  async lock(@Param('id', ParseUUIDPipe) id: string, @Actor() c: Caller): Promise<CaseLock> {
    if (!(await this.commands.load(id, c.creditors))) throw new NotFoundException(`Case ${id} not found`);
    return this.locks.acquire(id, c.id, this.clock());
  }

  @Post(':id/lock/release')
  @Roles('agent', 'supervisor')
  @ApiOperation({ summary: 'Release the caller’s work lock.' })
  @ApiNotFoundResponse()
  async unlock(@Param('id', ParseUUIDPipe) id: string, @Actor() c: Caller): Promise<{ released: true }> {
    if (!(await this.commands.load(id, c.creditors))) throw new NotFoundException(`Case ${id} not found`);
    await this.locks.release(id, c.id);
    return { released: true };
  }

  @Post(':id/holds')
  @Roles('agent', 'supervisor')
  @ApiOperation({
    summary: 'Place a hold: every contact and treatment step stops until it is lifted or ends.',
  })
  @ApiConflictResponse({ description: '`hold_conflict`, `case_closed`…' })
  @ApiNotFoundResponse()
  placeHold(
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: PlaceHoldDto,
    @Actor() c: Caller,
    @Headers('x-correlation-id') cid: string | undefined,
    @Res({ passthrough: true }) res: Response,
  ) {
    return this.run(
      id,
      'PlaceHold',
      { holdId: dto.holdId, reason: dto.reason, endsOn: dto.endsOn ?? null },
      c,
      cid,
      res,
      true,
    );
  }

  @Post(':id/holds/:holdId/lift')
  @Roles('supervisor')
  @ApiOperation({ summary: 'Lift a hold (supervisor); a dispute hold is lifted by verifying the dispute.' })
  @ApiConflictResponse({ description: '`unknown_hold`, `dispute_unverified`' })
  @ApiNotFoundResponse()
  liftHold(
    @Param('id', ParseUUIDPipe) id: string,
    @Param('holdId') holdId: string,
    @Actor() c: Caller,
    @Headers('x-correlation-id') cid: string | undefined,
    @Res({ passthrough: true }) res: Response,
  ) {
    return this.run(id, 'LiftHold', { holdId }, c, cid, res);
  }

  @Post(':id/disputes')
  @Roles('agent', 'supervisor')
  @ApiOperation({ summary: 'Open a dispute (reason and documents): it places a dispute hold.' })
  @ApiNotFoundResponse()
  openDispute(
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: OpenDisputeDto,
    @Actor() c: Caller,
    @Headers('x-correlation-id') cid: string | undefined,
    @Res({ passthrough: true }) res: Response,
  ) {
    return this.run(id, 'OpenDispute', { ...dto }, c, cid, res, true);
  }

  @Post(':id/disputes/:disputeId/verification')
  @Roles('supervisor')
  @ApiOperation({ summary: 'Answer a dispute with its verification (supervisor): collection resumes.' })
  @ApiConflictResponse({ description: '`unknown_dispute`' })
  @ApiNotFoundResponse()
  verifyDispute(
    @Param('id', ParseUUIDPipe) id: string,
    @Param('disputeId') disputeId: string,
    @Body() dto: VerifyDisputeDto,
    @Actor() c: Caller,
    @Headers('x-correlation-id') cid: string | undefined,
    @Res({ passthrough: true }) res: Response,
  ) {
    return this.run(id, 'VerifyDispute', { disputeId, verificationRef: dto.verificationRef }, c, cid, res);
  }

  @Post(':id/interactions')
  @Roles('agent', 'supervisor')
  @ApiOperation({
    summary: 'Record a call outcome, note or inbound message (append-only); calls are refused on hold.',
  })
  @ApiConflictResponse({ description: '`case_on_hold`, `case_closed`…' })
  @ApiNotFoundResponse()
  interaction(
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: RecordInteractionDto,
    @Actor() c: Caller,
    @Headers('x-correlation-id') cid: string | undefined,
    @Res({ passthrough: true }) res: Response,
  ) {
    const data: Data<'RecordInteraction'> = {
      interactionId: dto.interactionId,
      kind: dto.kind,
      outcome: dto.outcome ?? null,
      channel: dto.channel,
      agentId: c.id,
      occurredAt: dto.occurredAt,
      note: dto.note ?? null,
      promisedOn: dto.promisedOn ?? null,
    };
    return this.run(id, 'RecordInteraction', data, c, cid, res, true);
  }

  @Post(':id/tasks')
  @Roles('agent', 'supervisor')
  @ApiOperation({ summary: 'Create a task with its due date (an alert is raised once it passes).' })
  @ApiNotFoundResponse()
  task(
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: CreateTaskDto,
    @Actor() c: Caller,
    @Headers('x-correlation-id') cid: string | undefined,
    @Res({ passthrough: true }) res: Response,
  ) {
    return this.run(
      id,
      'CreateTask',
      { taskId: dto.taskId, kind: dto.kind, dueAt: dto.dueAt, assignee: dto.assignee ?? null },
      c,
      cid,
      res,
      true,
    );
  }

  @Post(':id/assignment')
  @Roles('supervisor')
  @ApiOperation({ summary: 'Assign the case to an agent and/or team (supervisor).' })
  @ApiNotFoundResponse()
  assign(
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: AssignCaseDto,
    @Actor() c: Caller,
    @Headers('x-correlation-id') cid: string | undefined,
    @Res({ passthrough: true }) res: Response,
  ) {
    return this.run(
      id,
      'AssignCase',
      { agentId: dto.agentId ?? null, teamId: dto.teamId ?? null },
      c,
      cid,
      res,
    );
  }

  private async run<T extends CaseCommand['type']>(
    id: string,
    type: T,
    data: Data<T>,
    caller: Caller,
    correlationId: string | undefined,
    res: Response,
    worked = false,
  ): Promise<CaseView> {
    const now = this.clock();
    // Agents' work on the case waits for whoever holds its lock; supervisors' actions do not.
    if (worked) await this.locks.assertFree(id, caller.id, now);
    const cause: Cause = { kind: 'user', id: caller.id };
    const command = { type, data: { ...data, at: now.toISOString(), cause } } as unknown as CaseCommand;
    const ctx: CommandContext = {
      actor: { kind: 'user', id: caller.id },
      ...(correlationId ? { correlationId: correlationId.slice(0, 200) } : {}),
      ...(caller.creditors ? { creditors: caller.creditors } : {}),
    };
    const outcome = await this.commands.handle(id, command, ctx);
    res.status(outcome.changed ? 201 : 200);
    return viewOf(outcome.state, outcome.version, now);
  }
}
