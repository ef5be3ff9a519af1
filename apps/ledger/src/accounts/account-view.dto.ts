import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { AccountView, ComponentsView } from './account-view';
import type { AccountEventView, AccountIntegrityView, AccountPage } from './accounts.queries';

// Response shapes for the OpenAPI document; the handlers return the plain views they describe.

export class ComponentsDto implements ComponentsView {
  @ApiProperty({ example: '100000' }) principal!: string;
  @ApiProperty({ example: '2500' }) interest!: string;
  @ApiProperty({ example: '0' }) fees!: string;
}

export class AccountViewDto implements AccountView {
  @ApiProperty({ format: 'uuid' }) accountId!: string;
  @ApiProperty() creditorId!: string;
  @ApiProperty() creditorAccountRef!: string;
  @ApiProperty({ format: 'uuid' }) debtorId!: string;
  @ApiProperty({ example: 'COP' }) currency!: string;
  @ApiProperty({ type: ComponentsDto, description: 'Balance by component, minor units.' })
  balance!: ComponentsDto;
  @ApiProperty({ example: '102500' }) totalMinor!: string;
  @ApiProperty({ description: 'Credit balance (overpayments), minor units.', example: '0' })
  creditMinor!: string;
  @ApiProperty({ enum: ['active', 'closed'] }) status!: 'active' | 'closed';
  @ApiPropertyOptional({ nullable: true, enum: ['paid_in_full', 'settled', 'recalled', 'written_off'] })
  closureReason!: string | null;
  @ApiProperty({ format: 'date' }) firstUnpaidDueDate!: string;
  @ApiProperty({ description: "Days past due today in the debtor's time zone." }) dpd!: number;
  @ApiPropertyOptional({ nullable: true, example: '31-60', description: 'Bucket of the last aging.' })
  bucket!: string | null;
  @ApiProperty({ example: 'America/Bogota' }) timeZone!: string;
  @ApiPropertyOptional({ nullable: true }) interestRateBps!: number | null;
  @ApiProperty({ description: 'Stream version this view reflects.' }) version!: number;
}

export class AccountPageDto implements AccountPage {
  @ApiProperty({ type: [AccountViewDto] }) items!: AccountViewDto[];
  @ApiPropertyOptional({ nullable: true }) nextCursor!: string | null;
}

export class AccountEventDto implements AccountEventView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ example: 'PaymentPosted' }) type!: string;
  @ApiProperty() streamVersion!: number;
  @ApiProperty({ type: Object, description: 'The event data; money as minor-unit strings.' }) data!: unknown;
  @ApiProperty({ type: Object }) metadata!: unknown;
  @ApiProperty({ format: 'date-time' }) occurredAt!: string;
  @ApiProperty({ format: 'date-time' }) recordedAt!: string;
}

export class AccountIntegrityDto implements AccountIntegrityView {
  @ApiProperty({ format: 'uuid' }) accountId!: string;
  @ApiProperty({
    description: 'Every stored event still links to the one before it (sha256 chain) and to the stream head.',
  })
  intact!: boolean;
  @ApiProperty({ description: 'Events checked (up to the broken one when the chain is broken).' })
  eventsChecked!: number;
  @ApiPropertyOptional({
    nullable: true,
    description: 'Version of the first event whose link does not hold.',
  })
  brokenAtVersion!: number | null;
  @ApiPropertyOptional({
    nullable: true,
    example: 'hash mismatch at version 3 (event …): content or order changed',
  })
  reason!: string | null;
  @ApiProperty({ format: 'date-time' }) verifiedAt!: string;
}
