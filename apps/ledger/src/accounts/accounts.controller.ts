import {
  BadRequestException,
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
  ApiHeader,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import { Actor, PLATFORM_CONFIG, Roles } from '@cartera/platform';
import type { Actor as Caller } from '@cartera/platform';
import { AccountInputRejected } from '@cartera/ledger-domain';
import type { AccountCommand } from '@cartera/ledger-domain';
import type { Response } from 'express';
import { validate as isUuid } from 'uuid';
import {
  ApplyAdjustmentDto,
  CloseAccountDto,
  ListAccountsQuery,
  PostPaymentDto,
  ReversePaymentDto,
} from './account-commands.dto';
import { AccountEventDto, AccountIntegrityDto, AccountPageDto, AccountViewDto } from './account-view.dto';
import type { AccountView } from './account-view';
import type { LedgerConfig } from '../ledger.config';
import { CLOCK } from '../ledger.infrastructure';
import { AccountsCommands, CommandContext } from './accounts.commands';
import { refuseFutureTimes } from './business-time';
import { seesPersonalData, withoutPersonalData } from './personal-data';
import { AccountEventView, AccountIntegrityView, AccountPage, AccountsQueries } from './accounts.queries';

const READERS = ['agent', 'supervisor', 'analyst', 'compliance'] as const;

const BAD_TIME =
  'A business time later than now plus BUSINESS_TIME_SKEW_SECONDS or before the account’s origination, or money beyond 999999999999999 minor units: 400 naming the field.';

const contextOf = (caller: Caller, correlationId: string | undefined): CommandContext => ({
  actor: { kind: 'user', id: caller.id },
  ...(correlationId ? { correlationId: correlationId.slice(0, 200) } : {}),
  ...(caller.creditors ? { creditors: caller.creditors } : {}),
});

/** Domain field names as the request names them, so a 400 points at what the caller sent. */
const REQUEST_FIELDS: Readonly<Record<string, string>> = {
  amount: 'amountMinor',
  writtenOffAt: 'at',
  recalledAt: 'at',
};

const asRequestField = (error: unknown): unknown =>
  error instanceof AccountInputRejected && REQUEST_FIELDS[error.field]
    ? new AccountInputRejected(REQUEST_FIELDS[error.field], error.reason)
    : error;

/** HTTP → command or query, nothing more. 201 when the command changed the account, 200 for a repeat. */
@ApiTags('accounts')
@ApiUnauthorizedResponse({ description: 'No or invalid bearer token.' })
@ApiForbiddenResponse({ description: 'The role does not allow this.' })
@ApiHeader({
  name: 'x-correlation-id',
  required: false,
  description: 'Carried onto the events this request appends.',
})
@Controller('accounts')
export class AccountsController {
  constructor(
    private readonly commands: AccountsCommands,
    private readonly queries: AccountsQueries,
    @Inject(PLATFORM_CONFIG) private readonly config: LedgerConfig,
    @Inject(CLOCK) private readonly clock: () => Date,
  ) {}

  /** Refuses business times in the future (the skew is configuration). */
  private notLater(fields: Record<string, string | undefined>): void {
    refuseFutureTimes(fields, this.clock(), this.config.BUSINESS_TIME_SKEW_SECONDS);
  }

  @Get()
  @Roles(...READERS)
  @ApiOperation({ summary: 'List accounts (filters, cursor pagination), within the caller’s creditors.' })
  @ApiOkResponse({ type: AccountPageDto })
  list(@Query() q: ListAccountsQuery, @Actor() caller: Caller): Promise<AccountPage> {
    if (q.debtorId && !isUuid(q.debtorId)) throw new BadRequestException('debtorId must be a UUID');
    if (q.cursor && !isUuid(Buffer.from(q.cursor, 'base64url').toString()))
      throw new BadRequestException('cursor is not one this API gave');
    return this.queries.list({ ...q, ...(caller.creditors ? { creditors: caller.creditors } : {}) });
  }

  @Get(':id')
  @Roles(...READERS)
  @ApiOperation({ summary: 'Balance by component, status, DPD and bucket of one account.' })
  @ApiOkResponse({ type: AccountViewDto })
  @ApiNotFoundResponse({ description: 'Unknown account (or not one of the caller’s creditors).' })
  async get(@Param('id', ParseUUIDPipe) id: string, @Actor() caller: Caller): Promise<AccountView> {
    const view = await this.queries.get(id, caller.creditors);
    if (!view) throw new NotFoundException(`Account ${id} not found`);
    return view;
  }

  @Get(':id/events')
  @Roles('compliance', 'analyst')
  @ApiOperation({
    summary: 'The account’s full event history (compliance, analyst, admin).',
    description:
      'Without a role that works with personal data (analyst), names, contact data and notes are masked (***).',
  })
  @ApiOkResponse({ type: [AccountEventDto] })
  @ApiNotFoundResponse()
  async events(@Param('id', ParseUUIDPipe) id: string, @Actor() caller: Caller): Promise<AccountEventView[]> {
    const events = await this.queries.events(id, caller.creditors);
    if (!events) throw new NotFoundException(`Account ${id} not found`);
    return seesPersonalData(caller.roles) ? events : events.map(withoutPersonalData);
  }

  @Get(':id/integrity')
  @Roles('compliance')
  @ApiOperation({
    summary: 'Recomputes the account’s hash chain from the stored events (compliance, admin).',
    description:
      'intact: false names the first event that was changed, removed or reordered after it was appended.',
  })
  @ApiOkResponse({ type: AccountIntegrityDto })
  @ApiNotFoundResponse()
  async integrity(
    @Param('id', ParseUUIDPipe) id: string,
    @Actor() caller: Caller,
  ): Promise<AccountIntegrityView> {
    const result = await this.queries.integrity(id, caller.creditors);
    if (!result) throw new NotFoundException(`Account ${id} not found`);
    return result;
  }

  @Post(':id/payments')
  @Roles('agent', 'supervisor')
  @ApiOperation({
    summary: 'Post a payment; allocated by the creditor’s waterfall. Repeating a paymentId is a no-op (200).',
  })
  @ApiOkResponse({
    type: AccountViewDto,
    description: '201 when posted, 200 when this paymentId was posted before.',
  })
  @ApiBadRequestResponse({ description: `Invalid fields (problem+json naming them). ${BAD_TIME}` })
  @ApiConflictResponse({ description: 'Business rule violated (problem+json with `code`).' })
  @ApiNotFoundResponse()
  payment(
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: PostPaymentDto,
    @Actor() caller: Caller,
    @Headers('x-correlation-id') cid: string | undefined,
    @Res({ passthrough: true }) res: Response,
  ) {
    const { paymentId, currency, paidAt, channel } = dto;
    this.notLater({ paidAt });
    const command: AccountCommand = {
      type: 'PostPayment',
      data: { paymentId, amount: BigInt(dto.amountMinor), currency, paidAt, channel },
    };
    return this.run(id, command, contextOf(caller, cid), res);
  }

  @Post(':id/payments/:paymentId/reversal')
  @Roles('agent', 'supervisor')
  @ApiOperation({
    summary: 'Reverse a posted payment (insufficient funds, chargeback): exactly its allocation comes back.',
  })
  @ApiOkResponse({ type: AccountViewDto })
  @ApiBadRequestResponse({ description: BAD_TIME })
  @ApiConflictResponse({ description: '`unknown_payment`, `payment_already_reversed`, …' })
  @ApiNotFoundResponse()
  reversal(
    @Param('id', ParseUUIDPipe) id: string,
    @Param('paymentId') paymentId: string,
    @Body() dto: ReversePaymentDto,
    @Actor() caller: Caller,
    @Headers('x-correlation-id') cid: string | undefined,
    @Res({ passthrough: true }) res: Response,
  ) {
    this.notLater({ reversedAt: dto.reversedAt });
    const command: AccountCommand = {
      type: 'ReversePayment',
      data: { paymentId, reason: dto.reason, reversedAt: dto.reversedAt ?? new Date().toISOString() },
    };
    return this.run(id, command, contextOf(caller, cid), res);
  }

  @Post(':id/adjustments')
  @Roles('supervisor')
  @ApiOperation({
    summary:
      'Signed adjustment per component (waiver, correction, settlement discount); supervisor or admin.',
  })
  @ApiOkResponse({ type: AccountViewDto })
  @ApiBadRequestResponse({ description: BAD_TIME })
  @ApiConflictResponse({ description: '`adjustment_below_zero`, `currency_mismatch`, …' })
  @ApiNotFoundResponse()
  adjustment(
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: ApplyAdjustmentDto,
    @Actor() caller: Caller,
    @Headers('x-correlation-id') cid: string | undefined,
    @Res({ passthrough: true }) res: Response,
  ) {
    this.notLater({ appliedAt: dto.appliedAt });
    const delta = Object.fromEntries(
      Object.entries(dto.delta)
        .filter(([, v]) => v !== undefined)
        .map(([k, v]) => [k, BigInt(v as string)]),
    );
    const command: AccountCommand = {
      type: 'ApplyAdjustment',
      data: {
        adjustmentId: dto.adjustmentId,
        delta,
        currency: dto.currency,
        reason: dto.reason,
        note: dto.note,
        appliedAt: dto.appliedAt ?? new Date().toISOString(),
      },
    };
    return this.run(id, command, contextOf(caller, cid), res);
  }

  @Post(':id/write-off')
  @Roles('supervisor')
  @ApiOperation({ summary: 'Write the account off as uncollectable (closes it); supervisor or admin.' })
  @ApiOkResponse({ type: AccountViewDto })
  @ApiBadRequestResponse({ description: BAD_TIME })
  @ApiConflictResponse()
  @ApiNotFoundResponse()
  writeOff(
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: CloseAccountDto,
    @Actor() caller: Caller,
    @Headers('x-correlation-id') cid: string | undefined,
    @Res({ passthrough: true }) res: Response,
  ) {
    this.notLater({ at: dto.at });
    const command: AccountCommand = {
      type: 'WriteOff',
      data: { writtenOffAt: dto.at ?? new Date().toISOString(), reason: dto.reason },
    };
    return this.run(id, command, contextOf(caller, cid), res);
  }

  @Post(':id/recall')
  @Roles('supervisor')
  @ApiOperation({
    summary: 'The creditor takes the account back: it closes and work stops; supervisor or admin.',
  })
  @ApiOkResponse({ type: AccountViewDto })
  @ApiBadRequestResponse({ description: BAD_TIME })
  @ApiConflictResponse()
  @ApiNotFoundResponse()
  recall(
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: CloseAccountDto,
    @Actor() caller: Caller,
    @Headers('x-correlation-id') cid: string | undefined,
    @Res({ passthrough: true }) res: Response,
  ) {
    this.notLater({ at: dto.at });
    const command: AccountCommand = {
      type: 'Recall',
      data: { recalledAt: dto.at ?? new Date().toISOString(), reason: dto.reason },
    };
    return this.run(id, command, contextOf(caller, cid), res);
  }

  private async run(
    id: string,
    command: AccountCommand,
    ctx: CommandContext,
    res: Response,
  ): Promise<AccountView> {
    const outcome = await this.commands.handle(id, command, ctx).catch((error: unknown) => {
      throw asRequestField(error);
    });
    res.status(outcome.changed ? 201 : 200);
    return outcome.account;
  }
}
