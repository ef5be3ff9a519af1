import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, ArrayUnique, IsIn, IsOptional, IsUUID } from 'class-validator';

export class ResolveMatchReviewDto {
  @ApiProperty({
    enum: ['link', 'reject'],
    description: 'link: the placement is the candidate’s person (merge); reject: another person.',
  })
  @IsIn(['link', 'reject'])
  decision!: 'link' | 'reject';

  @ApiPropertyOptional({ description: 'The candidate to merge into (needed when the review lists several).' })
  @IsOptional()
  @IsUUID()
  intoDebtorId?: string;
}

export class SplitDebtorDto {
  @ApiProperty({
    type: [String],
    description:
      'Accounts to split off: exactly those a merged record brought restores that record; others go to a new debtor.',
  })
  @ArrayMinSize(1)
  @ArrayMaxSize(1000)
  @ArrayUnique()
  @IsUUID('all', { each: true })
  accountIds!: string[];
}
