import { AccountEntity } from './account.entity';
import { BucketMovementEntity } from './bucket-movement.entity';
import { CollectionsDailyEntity } from './collections-daily.entity';
import { ParkedMessageEntity } from './parked-message.entity';
import { PaymentEntity } from './payment.entity';
import { PortfolioDailyEntity } from './portfolio-daily.entity';
import { TimelineEntryEntity } from './timeline-entry.entity';

export {
  AccountEntity,
  BucketMovementEntity,
  CollectionsDailyEntity,
  ParkedMessageEntity,
  PaymentEntity,
  PortfolioDailyEntity,
  TimelineEntryEntity,
};

/** Every read-model table of the service (TypeORM entities: schema source and data dictionary). */
export const READ_MODEL_ENTITIES = [
  AccountEntity,
  PaymentEntity,
  PortfolioDailyEntity,
  CollectionsDailyEntity,
  BucketMovementEntity,
  TimelineEntryEntity,
  ParkedMessageEntity,
] as const;
