import {
  Body,
  ConflictException,
  Controller,
  Get,
  HttpCode,
  NotFoundException,
  Param,
  ParseUUIDPipe,
  Post,
} from '@nestjs/common';
import {
  ApiConflictResponse,
  ApiNotFoundResponse,
  ApiOperation,
  ApiTags,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import { DebtorRuleViolated } from '@cartera/case-management-domain';
import { Actor, problem, PROBLEM_TYPES, Roles } from '@cartera/platform';
import type { Actor as Caller } from '@cartera/platform';
import { DebtorErasure } from './debtor-erasure';
import { DebtorLinks } from './debtor-links';
import type { DebtorView } from './debtor-view';
import { SplitDebtorDto } from './debtors.dto';
import { DebtorsQueries } from './debtors.queries';

const READERS = ['agent', 'supervisor', 'negotiator', 'compliance', 'privacy', 'analyst'] as const;

/** A refused erasure names every hold (problem+json `holds`), not just the code. */
const holdsProblem = (error: unknown): unknown =>
  error instanceof DebtorRuleViolated && error.code === 'retention_hold'
    ? new ConflictException(
        problem(409, {
          type: PROBLEM_TYPES.ruleViolated,
          title: 'Business rule violated',
          code: error.code,
          detail: error.detail,
          holds: error.holds,
        }),
      )
    : error;

/** HTTP → query or command, nothing more. Another creditor's debtor is 404. */
@ApiTags('debtors')
@ApiUnauthorizedResponse({ description: 'No or invalid bearer token.' })
@Controller('debtors')
export class DebtorsController {
  constructor(
    private readonly queries: DebtorsQueries,
    private readonly links: DebtorLinks,
    private readonly erasure: DebtorErasure,
  ) {}

  @Get(':id')
  @Roles(...READERS)
  @ApiOperation({
    summary:
      'One debtor across creditors: identity (clear for working roles), contact points, accounts in scope.',
  })
  @ApiNotFoundResponse({
    description: 'Unknown debtor, or none of its accounts is one of the caller’s creditors.',
  })
  async get(@Param('id', ParseUUIDPipe) id: string, @Actor() caller: Caller): Promise<DebtorView> {
    const view = await this.queries.debtor(id, caller);
    if (!view) throw new NotFoundException(`Debtor ${id} not found`);
    return view;
  }

  @Post(':id/split')
  @HttpCode(200)
  @Roles('supervisor')
  @ApiOperation({ summary: 'Undo a wrong link or merge: the accounts go back to their own debtor.' })
  @ApiConflictResponse({ description: 'Accounts the debtor does not hold, or all of them.' })
  async split(@Param('id', ParseUUIDPipe) id: string, @Body() dto: SplitDebtorDto, @Actor() caller: Caller) {
    await this.visible(id, caller);
    return this.links.split(id, dto.accountIds, caller.id);
  }

  @Post(':id/erasure')
  @HttpCode(200)
  @Roles('privacy')
  @ApiOperation({
    summary: 'Erase the debtor’s personal data (crypto-shredding) unless a retention hold stands.',
  })
  @ApiConflictResponse({
    description:
      'A retention hold stands: open balance, dispute or legal hold, retention period (named in `holds`).',
  })
  async erase(@Param('id', ParseUUIDPipe) id: string, @Actor() caller: Caller) {
    await this.visible(id, caller);
    return this.erasure.erase(id, caller.id).catch((error: unknown) => {
      throw holdsProblem(error);
    });
  }

  private async visible(id: string, caller: Caller): Promise<void> {
    if (!(await this.queries.debtor(id, { ...caller, roles: [] })))
      throw new NotFoundException(`Debtor ${id} not found`);
  }
}
