import {
  Body,
  Controller,
  Get,
  Inject,
  NotFoundException,
  Param,
  ParseUUIDPipe,
  Put,
  Query,
} from '@nestjs/common';
import {
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiOperation,
  ApiTags,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import { decideContactPolicy, type ContactDecision } from '@cartera/communications-domain';
import { Actor, assertCreditorAccess, canAccessCreditor, Roles } from '@cartera/platform';
import type { Actor as Caller } from '@cartera/platform';
import { CLOCK } from '../communications.infrastructure';
import { ContactPolicyQuery, ContactProfileDto } from './contact-policy.dto';
import { defaultAddress, PolicyInputs, type ContactProfile } from './policy-inputs';

/** "Can I contact this debtor now on this channel, and if not, when and why" — and the profile it reads. */
@ApiTags('contact-policy')
@ApiUnauthorizedResponse({ description: 'No or invalid bearer token.' })
@ApiForbiddenResponse({ description: 'The role does not allow this.' })
@Controller('debtors/:id')
export class ContactPolicyController {
  constructor(
    private readonly inputs: PolicyInputs,
    @Inject(CLOCK) private readonly clock: () => Date,
  ) {}

  private async scopedProfile(id: string, caller: Caller): Promise<ContactProfile> {
    const profile = await this.inputs.profile(id);
    if (!profile || !canAccessCreditor(caller, profile.creditorId))
      throw new NotFoundException(`Debtor ${id} not found`);
    return profile;
  }

  @Get('contact-policy')
  @Roles('agent', 'supervisor', 'compliance')
  @ApiOperation({
    summary:
      'The contact policy decision for a contact now: allow, block or reschedule, with rule and pack version.',
  })
  @ApiNotFoundResponse({ description: 'Unknown debtor (or not one of the caller’s creditors).' })
  async decide(
    @Param('id', ParseUUIDPipe) id: string,
    @Query() q: ContactPolicyQuery,
    @Actor() caller: Caller,
  ): Promise<ContactDecision & { evaluatedAt: string }> {
    const profile = await this.scopedProfile(id, caller);
    const now = this.clock();
    const address = q.address ?? defaultAddress(profile, q.channel) ?? '';
    const input = await this.inputs.forContact(
      profile,
      { channel: q.channel, address, debtIds: q.debtIds ?? [] },
      now,
    );
    return { ...decideContactPolicy(input), evaluatedAt: now.toISOString() };
  }

  @Put('contact-profile')
  @Roles('supervisor', 'compliance')
  @ApiOperation({ summary: "Sets the debtor's jurisdiction, contact points and consents (with provenance)." })
  async saveProfile(
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: ContactProfileDto,
    @Actor() caller: Caller,
  ): Promise<ContactProfile> {
    const existing = await this.inputs.profile(id);
    if (existing && !canAccessCreditor(caller, existing.creditorId))
      throw new NotFoundException(`Debtor ${id} not found`);
    assertCreditorAccess(caller, dto.creditorId);
    const profile: ContactProfile = { debtorId: id, ...dto };
    await this.inputs.saveProfile(profile);
    return profile;
  }
}
