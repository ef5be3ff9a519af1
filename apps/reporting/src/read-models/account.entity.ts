import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** One row per placed account: where it stands now (money in minor units of `currency`). */
@Entity({
  name: 'accounts',
  comment: 'One row per placed account: balance by component, payments, status and delinquency.',
})
@Index('accounts_creditor_idx', ['creditorId', 'accountId'])
@Index('accounts_debtor_idx', ['debtorId'])
export class AccountEntity {
  @PrimaryColumn('uuid', { name: 'account_id', comment: 'Ledger account id.' })
  accountId!: string;

  @Column('text', { name: 'creditor_id', comment: 'Creditor that placed the account.' })
  creditorId!: string;

  @Column('uuid', { name: 'debtor_id', comment: "Cartera's debtor id (the bus key)." })
  debtorId!: string;

  @Column('text', { name: 'creditor_account_ref', comment: "The creditor's own reference of the account." })
  creditorAccountRef!: string;

  @Column('text', { comment: 'Product, as placed (credit_card, loan, …).' })
  product!: string;

  @Column('char', { length: 3, comment: 'ISO 4217 currency of every amount in the row.' })
  currency!: string;

  @Column('bigint', { comment: 'Principal owed, minor units.' })
  principal!: string;

  @Column('bigint', { comment: 'Interest owed, minor units.' })
  interest!: string;

  @Column('bigint', { comment: 'Fees owed, minor units.' })
  fees!: string;

  @Column('bigint', { comment: 'principal + interest + fees, minor units.' })
  balance!: string;

  @Column('bigint', {
    name: 'credit_balance',
    comment: 'Money received beyond the balance (overpayment), minor units.',
  })
  creditBalance!: string;

  @Column('bigint', { name: 'total_paid', comment: 'Payments posted minus payments reversed, minor units.' })
  totalPaid!: string;

  @Column('text', {
    comment: 'active, or the closure reason: paid_in_full | settled | recalled | written_off.',
  })
  status!: string;

  @Column('int', {
    name: 'days_past_due',
    nullable: true,
    comment: 'DPD at the last bucket change (null before the first aging).',
  })
  daysPastDue!: number | null;

  @Column('date', {
    name: 'dpd_as_of',
    nullable: true,
    comment: 'Business date days_past_due was computed for.',
  })
  dpdAsOf!: string | null;

  @Column('text', { comment: "Delinquency bucket ('unaged' before the first aging)." })
  bucket!: string;

  @Column('date', { name: 'first_unpaid_due_date', comment: 'First unpaid due date at placement.' })
  firstUnpaidDueDate!: string;

  @Column('timestamptz', { name: 'placed_at', comment: 'When the account was placed (business time).' })
  placedAt!: Date;

  @Column('timestamptz', {
    name: 'last_payment_at',
    nullable: true,
    comment: 'Latest payment posted (business time).',
  })
  lastPaymentAt!: Date | null;

  @Column('date', { name: 'closed_on', nullable: true, comment: 'Business date of closure.' })
  closedOn!: string | null;

  @Column('timestamptz', { name: 'last_event_at', comment: 'Business time of the last event applied.' })
  lastEventAt!: Date;
}
