import type { MigrationInterface, QueryRunner } from 'typeorm';
import { schemaOf } from './read-model-schema';

const COMMENT =
  'Messages a projection could not apply, or held back behind one, with the reason, until replayed.';

// Version 2: the parked messages of the projections (see ParkedMessageEntity).
export class ParkedMessages1764892800000 implements MigrationInterface {
  name = 'ParkedMessages1764892800000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const s = schemaOf(queryRunner);
    await queryRunner.query(`CREATE TABLE IF NOT EXISTS ${s}.parked_messages (
      projection text NOT NULL, message_id text NOT NULL, account_id text NOT NULL, partition integer NOT NULL,
      "offset" bigint NOT NULL, reason text NOT NULL, message jsonb NOT NULL, parked_at timestamptz NOT NULL,
      PRIMARY KEY (projection, message_id))`);
    await queryRunner.query(
      `CREATE INDEX IF NOT EXISTS parked_messages_account_idx ON ${s}.parked_messages (projection, account_id)`,
    );
    await queryRunner.query(`COMMENT ON TABLE ${s}.parked_messages IS '${COMMENT}'`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE ${schemaOf(queryRunner)}.parked_messages`);
  }
}
