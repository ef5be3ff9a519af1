import { randomUUID } from 'node:crypto';
import { Body, Controller, Inject, NotFoundException, Param, ParseUUIDPipe, Post, Res } from '@nestjs/common';
import {
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiNotFoundResponse,
  ApiTags,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import type { Settlement, SettlementForm } from '@cartera/negotiation-domain';
import { Actor, Roles } from '@cartera/platform';
import type { Actor as Caller } from '@cartera/platform';
import type { Response } from 'express';
import { CLOCK, todayOf } from '../negotiation.clock';
import { CreditorRules } from '../rules/creditor-rules';
import { ApproveSettlementDto, OfferSettlementDto } from './settlement.dto';
import { settlementView } from './settlement-view';
import { SettlementsCommands } from './settlements.commands';

const formOf = (dto: OfferSettlementDto): SettlementForm =>
  dto.form === 'lump_sum'
    ? { kind: 'lump_sum', dueOn: dto.dueOn }
    : {
        kind: 'short_plan',
        instalments: dto.instalments ?? 0,
        firstDueOn: dto.dueOn,
        frequency: { kind: 'monthly', dayOfMonth: Number(dto.dueOn.slice(8, 10)) },
      };

const viewOf = (state: Settlement, offerId: string) => {
  if (state.status === 'none') throw new NotFoundException(`Settlement offer ${offerId} not found`);
  return settlementView(state);
};

/** HTTP → command. An offer beyond the caller's approval limit answers `awaiting_approval` (an approval task). */
@ApiTags('settlements')
@ApiUnauthorizedResponse({ description: 'No or invalid bearer token.' })
@Controller('settlements')
export class SettlementsController {
  constructor(
    private readonly commands: SettlementsCommands,
    private readonly rules: CreditorRules,
    @Inject(CLOCK) private readonly clock: () => Date,
  ) {}

  @Post()
  @Roles('agent', 'negotiator', 'supervisor')
  @ApiCreatedResponse({ description: 'Offered, or awaiting approval beyond the caller’s limit.' })
  @ApiConflictResponse({ description: 'A different offer has this id, or the terms break a rule.' })
  async offer(
    @Body() dto: OfferSettlementDto,
    @Actor() caller: Caller,
    @Res({ passthrough: true }) res: Response,
  ) {
    const now = this.clock();
    const offerId = dto.offerId ?? randomUUID();
    const limits = await this.rules.inEffect('approval', dto.creditorId, todayOf(now));
    const outcome = await this.commands.handle(
      offerId,
      {
        type: 'OfferSettlement',
        data: {
          offerId,
          accountId: dto.accountId,
          debtorId: dto.debtorId,
          creditorId: dto.creditorId,
          currency: dto.currency,
          balance: {
            principal: BigInt(dto.balance.principalMinor),
            interest: BigInt(dto.balance.interestMinor),
            fees: BigInt(dto.balance.feesMinor),
          },
          settlementAmount: BigInt(dto.settlementAmountMinor),
          form: formOf(dto),
          expiresOn: dto.expiresOn,
          offeredBy: { id: caller.id, roles: caller.roles },
          offeredAt: now.toISOString(),
          limits,
        },
      },
      {
        actor: { kind: 'user', id: caller.id },
        ...(caller.creditors ? { creditors: caller.creditors } : {}),
      },
    );
    res.status(outcome.changed ? 201 : 200);
    return viewOf(outcome.state, offerId);
  }

  @Post(':id/approve')
  @Roles('negotiator', 'supervisor')
  @ApiCreatedResponse({
    description: 'Approved under the approver’s limit and its version; the offer stands.',
  })
  @ApiNotFoundResponse({ description: 'Unknown offer (or not one of the caller’s creditors).' })
  @ApiConflictResponse({ description: '`approval_beyond_limit`, `not_awaiting_approval`, `already_closed`.' })
  async approve(
    @Param('id', ParseUUIDPipe) id: string,
    @Body() _dto: ApproveSettlementDto,
    @Actor() caller: Caller,
    @Res({ passthrough: true }) res: Response,
  ) {
    const now = this.clock();
    const creditorId = await this.commands.creditorOf(id);
    if (!creditorId || (caller.creditors && !caller.creditors.includes(creditorId)))
      throw new NotFoundException(`Settlement offer ${id} not found`);
    const limits = await this.rules.inEffect('approval', creditorId, todayOf(now));
    const outcome = await this.commands.handle(
      id,
      {
        type: 'ApproveSettlement',
        data: { approvedBy: { id: caller.id, roles: caller.roles }, limits, approvedAt: now.toISOString() },
      },
      {
        actor: { kind: 'user', id: caller.id },
        ...(caller.creditors ? { creditors: caller.creditors } : {}),
      },
    );
    res.status(outcome.changed ? 201 : 200);
    return viewOf(outcome.state, id);
  }
}
