import { Column, Entity, PrimaryColumn } from 'typeorm';

/** Accounts moving between delinquency buckets per day: the input of roll rates. */
@Entity({
  name: 'bucket_movements',
  comment: 'Per business day, accounts and balances moving from one delinquency bucket to another.',
})
export class BucketMovementEntity {
  @PrimaryColumn('date', { comment: 'Business date of the aging (asOf of the bucket change).' })
  day!: string;

  @PrimaryColumn('text', { name: 'creditor_id', comment: 'Creditor.' })
  creditorId!: string;

  @PrimaryColumn('char', { length: 3, comment: 'ISO 4217 currency.' })
  currency!: string;

  @PrimaryColumn('text', { name: 'from_bucket', comment: "Bucket left ('unaged' on the first aging)." })
  fromBucket!: string;

  @PrimaryColumn('text', { name: 'to_bucket', comment: 'Bucket entered.' })
  toBucket!: string;

  @Column('int', { name: 'account_count', comment: 'Accounts that moved.' })
  accountCount!: number;

  @Column('bigint', { comment: 'Their balances when they moved, minor units.' })
  balance!: string;
}
