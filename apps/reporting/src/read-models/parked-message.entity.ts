import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A message one projection could not apply (or held back behind one of its account), kept until replayed. */
@Entity({
  name: 'parked_messages',
  comment: 'Messages a projection could not apply, or held back behind one, with the reason, until replayed.',
})
export class ParkedMessageEntity {
  @PrimaryColumn('text', { comment: 'Projection that parked it.' })
  projection!: string;

  @PrimaryColumn('text', { name: 'message_id', comment: 'Bus message id.' })
  messageId!: string;

  @Column('text', { name: 'account_id', comment: 'Account the message is about (held back as a whole).' })
  accountId!: string;

  @Column('integer', { comment: 'Bus partition of the message.' })
  partition!: number;

  @Column('bigint', { comment: 'Offset of the message in its partition (replay order).' })
  offset!: string;

  @Column('text', { comment: 'Why the projection could not apply it.' })
  reason!: string;

  @Column('jsonb', { comment: 'The message as delivered, for replay.' })
  message!: unknown;

  @Column('timestamptz', { name: 'parked_at', comment: 'When it was parked.' })
  parkedAt!: Date;
}
