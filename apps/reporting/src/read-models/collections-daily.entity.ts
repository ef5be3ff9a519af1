import { Column, Entity, PrimaryColumn } from 'typeorm';

/** Money collected per business day × creditor × currency × channel. */
@Entity({
  name: 'collections_daily',
  comment: 'Payments and reversals per business day, creditor, currency and channel.',
})
export class CollectionsDailyEntity {
  @PrimaryColumn('date', { comment: 'Business date: paid_on for payments, reversed_on for reversals.' })
  day!: string;

  @PrimaryColumn('text', { name: 'creditor_id', comment: 'Creditor.' })
  creditorId!: string;

  @PrimaryColumn('char', { length: 3, comment: 'ISO 4217 currency.' })
  currency!: string;

  @PrimaryColumn('text', { comment: 'Payment channel (a reversal counts on the channel of its payment).' })
  channel!: string;

  @Column('int', { name: 'payment_count', comment: 'Payments posted.' })
  paymentCount!: number;

  @Column('bigint', { comment: 'Sum of payments posted, minor units.' })
  gross!: string;

  @Column('int', { name: 'reversal_count', comment: 'Payments reversed.' })
  reversalCount!: number;

  @Column('bigint', { comment: 'Sum of payments reversed, minor units.' })
  reversed!: string;

  @Column('bigint', { comment: 'gross - reversed, minor units.' })
  net!: string;
}
