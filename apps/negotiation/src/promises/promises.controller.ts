import { randomUUID } from 'node:crypto';
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
  Res,
} from '@nestjs/common';
import {
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiTags,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import { Actor, Roles } from '@cartera/platform';
import type { Actor as Caller } from '@cartera/platform';
import type { Response } from 'express';
import { CLOCK, todayOf } from '../negotiation.clock';
import { CreditorRules } from '../rules/creditor-rules';
import { MakePromiseDto, PromiseViewDto } from './promise.dto';
import { PromiseView, viewFromState } from './promise-view';
import { PromisesCommands } from './promises.commands';
import { PromisesQueries } from './promises.queries';

export const NEGOTIATORS = ['agent', 'negotiator', 'supervisor'] as const;

/** HTTP → command or query, nothing more. 201 when the promise was made, 200 for a repeat. */
@ApiTags('promises')
@ApiUnauthorizedResponse({ description: 'No or invalid bearer token.' })
@ApiForbiddenResponse({ description: 'The role does not allow this.' })
@Controller('promises')
export class PromisesController {
  constructor(
    private readonly commands: PromisesCommands,
    private readonly queries: PromisesQueries,
    private readonly rules: CreditorRules,
    @Inject(CLOCK) private readonly clock: () => Date,
  ) {}

  @Post()
  @Roles(...NEGOTIATORS)
  @ApiCreatedResponse({ type: PromiseViewDto })
  @ApiConflictResponse({ description: 'A different promise has this id, or the terms break a rule.' })
  async make(
    @Body() dto: MakePromiseDto,
    @Actor() caller: Caller,
    @Res({ passthrough: true }) res: Response,
    @Headers('x-correlation-id') correlationId?: string,
  ): Promise<PromiseView> {
    const now = this.clock();
    const promiseId = dto.promiseId ?? randomUUID();
    const { amountMinor, promiseId: _id, ...terms } = dto;
    const rule = await this.rules.inEffect('promise', dto.creditorId, todayOf(now));
    const outcome = await this.commands.handle(
      promiseId,
      {
        type: 'MakePromise',
        data: {
          ...terms,
          promiseId,
          amount: BigInt(amountMinor),
          takenBy: { kind: 'agent', id: caller.id },
          rule,
          madeAt: now.toISOString(),
        },
      },
      {
        actor: { kind: 'user', id: caller.id },
        ...(correlationId ? { correlationId: correlationId.slice(0, 200) } : {}),
        ...(caller.creditors ? { creditors: caller.creditors } : {}),
      },
    );
    if (outcome.state.status === 'none') throw new NotFoundException(`Promise ${promiseId} not found`);
    res.status(outcome.changed ? 201 : 200);
    return viewFromState(outcome.state);
  }

  @Get(':id')
  @Roles(...NEGOTIATORS)
  @ApiOkResponse({ type: PromiseViewDto })
  @ApiNotFoundResponse({ description: 'Unknown promise (or not one of the caller’s creditors).' })
  async get(@Param('id', ParseUUIDPipe) id: string, @Actor() caller: Caller): Promise<PromiseView> {
    const view = await this.queries.get(id, caller.creditors);
    if (!view) throw new NotFoundException(`Promise ${id} not found`);
    return view;
  }
}
