import { Column, Entity, PrimaryColumn } from 'typeorm';

/** Every payment posted, so a reversal is counted on the channel of the payment it reverses. */
@Entity({ name: 'payments', comment: 'Payments posted per account, with their channel and reversal.' })
export class PaymentEntity {
  @PrimaryColumn('uuid', { name: 'account_id', comment: 'Ledger account id.' })
  accountId!: string;

  @PrimaryColumn('text', { name: 'payment_id', comment: 'Payment id given by the payment source.' })
  paymentId!: string;

  @Column('text', { name: 'creditor_id', comment: 'Creditor of the account.' })
  creditorId!: string;

  @Column('char', { length: 3, comment: 'ISO 4217 currency.' })
  currency!: string;

  @Column('text', { comment: 'card | bank_transfer | cash | check | direct_debit | portal.' })
  channel!: string;

  @Column('bigint', { comment: 'Amount paid, minor units.' })
  amount!: string;

  @Column('date', { name: 'paid_on', comment: 'Business date of the payment.' })
  paidOn!: string;

  @Column('date', {
    name: 'reversed_on',
    nullable: true,
    comment: 'Business date of its reversal, if reversed.',
  })
  reversedOn!: string | null;
}
