import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsIn,
  IsObject,
  IsOptional,
  IsString,
  IsUUID,
  Length,
} from 'class-validator';
import type { ContactChannel, RecipientRole } from '@cartera/communications-domain';
import { TEMPLATE_LOCALES } from '../templates/message-template';

export const CHANNELS: readonly ContactChannel[] = ['call', 'sms', 'email', 'whatsapp', 'letter', 'visit'];
export const RECIPIENTS: readonly RecipientRole[] = [
  'debtor',
  'co_obligor',
  'guarantor',
  'personal_reference',
  'third_party',
];

export class RequestMessageDto {
  @ApiProperty({ description: 'Chosen by the caller (a strategy step, an agent): the idempotency key.' })
  @IsUUID()
  messageId!: string;

  @ApiProperty() @IsUUID() debtorId!: string;
  @ApiProperty({ enum: CHANNELS }) @IsIn(CHANNELS) channel!: ContactChannel;
  @ApiProperty({ example: 'payment-reminder' }) @IsString() @Length(1, 100) templateId!: string;

  @ApiPropertyOptional({ enum: TEMPLATE_LOCALES, description: "Default: the debtor's locale." })
  @IsOptional()
  @IsIn(TEMPLATE_LOCALES)
  locale?: string;

  @ApiProperty({ description: 'The accounts the message is about.' })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(50)
  @IsUUID('all', { each: true })
  debtIds!: string[];

  @ApiPropertyOptional({ description: "Default: the debtor's first address for the channel." })
  @IsOptional()
  @IsString()
  @Length(3, 320)
  address?: string;

  @ApiPropertyOptional({ enum: RECIPIENTS }) @IsOptional() @IsIn(RECIPIENTS) recipient?: RecipientRole;

  @ApiProperty({ description: 'Template variables; money as { amount: minor units string, currency }.' })
  @IsObject()
  data!: Record<string, unknown>;
}
