import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  IsArray,
  IsIn,
  IsISO8601,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import type { ConsentProvenance, ContactChannel, Jurisdiction } from '@cartera/communications-domain';
import { CHANNELS } from '../messages/message.dto';
import { TEMPLATE_LOCALES } from '../templates/message-template';

const PROVENANCES: readonly ConsentProvenance[] = [
  'debtor_provided',
  'debtor_used_to_communicate',
  'creditor_provided',
  'creditor_provided_with_notice',
  'skip_trace',
  'agent_entry',
];

export class ContactPolicyQuery {
  @ApiProperty({ enum: CHANNELS }) @IsIn(CHANNELS) channel!: ContactChannel;
  @ApiPropertyOptional() @IsOptional() @IsString() @Length(3, 320) address?: string;

  @ApiPropertyOptional({ description: 'Comma-separated account ids the contact would be about.' })
  @IsOptional()
  @Transform(({ value }) => (typeof value === 'string' ? value.split(',') : value))
  @IsUUID('all', { each: true })
  debtIds?: string[];
}

export class ContactPointDto {
  @ApiProperty({ enum: ['phone', 'email', 'address'] }) @IsIn(['phone', 'email', 'address']) kind!:
    'phone' | 'email' | 'address';
  @ApiPropertyOptional({ description: 'E.164, for phones.' })
  @ValidateIf((p: ContactPointDto) => p.kind === 'phone')
  @IsString()
  @Length(4, 20)
  number!: string;
  @ApiPropertyOptional()
  @ValidateIf((p: ContactPointDto) => p.kind === 'email')
  @IsString()
  @Length(3, 320)
  address!: string;
  @ApiPropertyOptional()
  @ValidateIf((p: ContactPointDto) => p.kind === 'address')
  @IsString()
  @Length(2, 2)
  country!: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @Length(1, 10) region?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @Length(1, 64) timeZone?: string;
}

export class ConsentDto {
  @ApiProperty({ enum: CHANNELS }) @IsIn(CHANNELS) channel!: ContactChannel;
  @ApiProperty({ description: "The number, email or postal id; '*' for the whole channel." })
  @IsString()
  @Length(1, 320)
  address!: string;
  @ApiProperty({ enum: ['granted', 'revoked'] }) @IsIn(['granted', 'revoked']) status!: 'granted' | 'revoked';
  @ApiProperty({ enum: PROVENANCES }) @IsIn(PROVENANCES) provenance!: ConsentProvenance;
  @ApiProperty() @IsISO8601({ strict: true }) at!: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @Length(1, 200) source?: string;
}

export class ContactProfileDto {
  @ApiProperty() @IsString() @Length(1, 100) creditorId!: string;
  @ApiProperty({ enum: ['US', 'CO', 'MX'] }) @IsIn(['US', 'CO', 'MX']) jurisdiction!: Jurisdiction;
  @ApiProperty({ enum: TEMPLATE_LOCALES }) @IsIn(TEMPLATE_LOCALES) locale!: string;
  @ApiProperty({ type: [ContactPointDto] })
  @IsArray()
  @ValidateNested({ each: true })
  @Type(() => ContactPointDto)
  contactPoints!: ContactPointDto[];
  @ApiProperty({ type: [ConsentDto] })
  @IsArray()
  @ValidateNested({ each: true })
  @Type(() => ConsentDto)
  consents!: ConsentDto[];
}
