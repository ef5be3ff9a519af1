import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Max,
  Min,
  ValidateNested,
} from 'class-validator';

export class ReassignDto {
  @ApiPropertyOptional({
    description: 'The cases to move (at most 2,000: the request body limit); or fromAgentId, for any number.',
    type: [String],
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(2_000)
  @IsUUID('all', { each: true })
  caseIds?: string[];

  @ApiPropertyOptional({ description: 'Move every open case of this agent.' })
  @IsOptional()
  @IsString()
  @Length(1, 200)
  fromAgentId?: string;

  @ApiPropertyOptional({ description: 'New agent; absent = unassigned.' })
  @IsOptional()
  @IsString()
  @Length(1, 200)
  toAgentId?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @Length(1, 200)
  toTeamId?: string;
}

export class ScrubHitDto {
  @ApiProperty()
  @IsUUID()
  debtorId!: string;

  @ApiProperty({ enum: ['bankruptcy', 'deceased'] })
  @IsIn(['bankruptcy', 'deceased'])
  flag!: 'bankruptcy' | 'deceased';

  @ApiProperty({ description: 'The scrub vendor’s record reference (case number, death record).' })
  @IsString()
  @Length(1, 200)
  reference!: string;
}

export class ScrubFileDto {
  @ApiProperty({
    description: 'Name of the scrub file: with the record reference it makes each hit’s hold id.',
  })
  @IsString()
  @Length(1, 200)
  source!: string;

  @ApiProperty({ type: [ScrubHitDto] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(10_000)
  @ValidateNested({ each: true })
  @Type(() => ScrubHitDto)
  hits!: ScrubHitDto[];
}

export class SupervisorListQuery {
  @ApiPropertyOptional({ description: 'Stale: no change for at least this many days (default 14).' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(3650)
  inactiveDays?: number;

  @ApiPropertyOptional({ description: '1–500, default 100.' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(500)
  limit?: number;
}
