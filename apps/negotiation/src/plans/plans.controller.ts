import { randomUUID } from 'node:crypto';
import { Body, Controller, HttpCode, Inject, NotFoundException, Post, Res } from '@nestjs/common';
import { ApiConflictResponse, ApiOkResponse, ApiTags, ApiUnauthorizedResponse } from '@nestjs/swagger';
import { paymentSchedule } from '@cartera/negotiation-domain';
import { Actor, canAccessCreditor, Roles } from '@cartera/platform';
import type { Actor as Caller } from '@cartera/platform';
import { NEGOTIATORS } from '../promises/promises.controller';
import type { Response } from 'express';
import { CLOCK, todayOf } from '../negotiation.clock';
import { CreditorRules } from '../rules/creditor-rules';
import { PlansCommands } from './plans.commands';
import { AgreePlanDto, ScheduleTermsDto } from './schedule.dto';
import { scheduleView, termsFrom } from './schedule-terms';

@ApiTags('plans')
@ApiUnauthorizedResponse({ description: 'No or invalid bearer token.' })
@Controller('plans')
export class PlansController {
  constructor(
    private readonly commands: PlansCommands,
    private readonly rules: CreditorRules,
    @Inject(CLOCK) private readonly clock: () => Date,
  ) {}

  @Post('preview')
  @HttpCode(200)
  @Roles(...NEGOTIATORS)
  @ApiOkResponse({ description: 'The schedule the terms would give; nothing is stored.' })
  @ApiConflictResponse({ description: '`invalid_terms`: the detail names the failing fields.' })
  preview(@Body() dto: ScheduleTermsDto, @Actor() caller: Caller): ReturnType<typeof scheduleView> {
    if (!canAccessCreditor(caller, dto.creditorId))
      throw new NotFoundException(`Creditor ${dto.creditorId} not found`);
    return scheduleView(paymentSchedule(termsFrom(dto)));
  }

  @Post()
  @Roles(...NEGOTIATORS)
  @ApiOkResponse({
    description: '201 with the agreed schedule and the missed-instalment policy version; 200 for a repeat.',
  })
  @ApiConflictResponse({ description: '`invalid_terms` or `already_exists`.' })
  async agree(@Body() dto: AgreePlanDto, @Actor() caller: Caller, @Res({ passthrough: true }) res: Response) {
    const now = this.clock();
    const planId = dto.planId ?? randomUUID();
    const policy = await this.rules.inEffect('missed_instalment', dto.creditorId, todayOf(now));
    const outcome = await this.commands.handle(
      planId,
      {
        type: 'AgreePlan',
        data: {
          planId,
          accountId: dto.accountId,
          debtorId: dto.debtorId,
          creditorId: dto.creditorId,
          terms: termsFrom(dto),
          policy,
          replaces: null,
          agreedBy: { kind: 'agent', id: caller.id },
          agreedAt: now.toISOString(),
        },
      },
      {
        actor: { kind: 'user', id: caller.id },
        ...(caller.creditors ? { creditors: caller.creditors } : {}),
      },
    );
    if (outcome.state.status === 'none') throw new NotFoundException(`Plan ${planId} not found`);
    res.status(outcome.changed ? 201 : 200);
    const { agreement } = outcome.state;
    return {
      planId,
      status: outcome.state.status,
      policyVersion: agreement.policy.version,
      totalMinor: agreement.total.toString(),
      instalments: agreement.instalments.map((i) => ({
        number: i.number,
        dueOn: i.dueOn,
        amountMinor: i.amount.toString(),
      })),
    };
  }
}
