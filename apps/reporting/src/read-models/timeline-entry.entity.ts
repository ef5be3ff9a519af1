import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** Every contract event about a debtor, from every topic, with personal data left out. */
@Entity({
  name: 'debtor_timeline',
  comment:
    'Every contract event about a debtor from every topic, in business-time order, personal data removed.',
})
@Index('debtor_timeline_debtor_idx', ['debtorId', 'occurredAt', 'topic', 'partition', 'offset'])
export class TimelineEntryEntity {
  @PrimaryColumn('text', { name: 'message_id', comment: 'Message id (the source event id).' })
  messageId!: string;

  @Column('text', { name: 'debtor_id', comment: 'Debtor (the message key).' })
  debtorId!: string;

  @Column('timestamptz', { name: 'occurred_at', comment: 'Business time of the fact.' })
  occurredAt!: Date;

  @Column('text', { comment: 'Service that published it (ledger, case-management, …).' })
  source!: string;

  @Column('text', { comment: 'Topic it was read from.' })
  topic!: string;

  @Column('int', { comment: 'Partition of the topic (tie-break of equal times).' })
  partition!: number;

  @Column('bigint', { comment: 'Offset in the partition (tie-break of equal times).' })
  offset!: string;

  @Column('text', { comment: 'Contract type, e.g. PaymentPosted.' })
  type!: string;

  @Column('int', { name: 'schema_version', comment: 'Contract version.' })
  schemaVersion!: number;

  @Column('text', { name: 'creditor_id', nullable: true, comment: 'Creditor, when the message names one.' })
  creditorId!: string | null;

  @Column('text', { name: 'account_id', nullable: true, comment: 'Account, when the message names one.' })
  accountId!: string | null;

  @Column('jsonb', {
    comment: 'The contract payload without personal data (the debtor block is reduced to its reference).',
  })
  payload!: Record<string, unknown>;
}
