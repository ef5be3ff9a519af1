import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * The portfolio as of the end of `day`, per creditor × currency × bucket × status. A row exists
 * for each day something changed in that group; the portfolio as of D is, per group, the latest
 * row on or before D.
 */
@Entity({
  name: 'portfolio_daily',
  comment:
    'Daily series of the portfolio: count and balance per creditor, currency, bucket and status as of the end of day.',
})
export class PortfolioDailyEntity {
  @PrimaryColumn('text', { name: 'creditor_id', comment: 'Creditor.' })
  creditorId!: string;

  @PrimaryColumn('char', { length: 3, comment: 'ISO 4217 currency.' })
  currency!: string;

  @PrimaryColumn('text', { comment: "Delinquency bucket ('unaged' before the first aging)." })
  bucket!: string;

  @PrimaryColumn('text', { comment: 'active, or the closure reason.' })
  status!: string;

  @PrimaryColumn('date', { comment: 'Business date (UTC) the figures hold at the end of.' })
  day!: string;

  @Column('int', { name: 'account_count', comment: 'Accounts in the group at the end of the day.' })
  accountCount!: number;

  @Column('bigint', { comment: 'Sum of their balances, minor units.' })
  balance!: string;
}
