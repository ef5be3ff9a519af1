import { IsInt, IsNotEmpty } from 'class-validator';
import { Type } from 'class-transformer';
import { BaseConfig, busOptionsOf } from './base.config';
import { DEV_JWT_SECRET } from './dev-defaults';
import { ConfigError, loadConfig, redactedConfig } from './load-config';
import { describeSettings, Setting } from './setting.decorator';

class LedgerLikeConfig extends BaseConfig {
  override PORT = 3001;
  override DB_SCHEMA = 'ledger';

  @Setting({ doc: 'Days between two aging runs.' })
  @Type(() => Number)
  @IsInt()
  AGING_INTERVAL_DAYS = 1;

  @Setting({ doc: 'Webhook signing secret.', secret: true })
  @IsNotEmpty()
  WEBHOOK_SECRET = 'changeme-changeme';
}

const URL = 'postgres://cartera:s3cret@db.internal:5432/cartera';
const problemsOf = (env: NodeJS.ProcessEnv): ConfigError['problems'] => {
  try {
    loadConfig(LedgerLikeConfig, env);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  throw new Error('expected a ConfigError');
};

describe('loadConfig', () => {
  it('applies the defaults of the service schema and converts numbers', () => {
    const config = loadConfig(LedgerLikeConfig, { DATABASE_URL: URL, AGING_INTERVAL_DAYS: '7' });
    expect(config).toBeInstanceOf(LedgerLikeConfig);
    expect(config).toMatchObject({
      PORT: 3001,
      DB_SCHEMA: 'ledger',
      EVENTSTORE: 'postgres',
      BUS: 'postgres',
      AGING_INTERVAL_DAYS: 7,
    });
    expect(config.JWT_SECRET).toBe(DEV_JWT_SECRET);
  });

  it('lets the environment override a default and ignores variables outside the schema', () => {
    const config = loadConfig(LedgerLikeConfig, { DATABASE_URL: URL, PORT: '4001', HOME: '/root' });
    expect(config.PORT).toBe(4001);
    expect(config).not.toHaveProperty('HOME');
  });

  it('treats an empty variable as unset', () => {
    expect(loadConfig(LedgerLikeConfig, { DATABASE_URL: URL, PORT: '' }).PORT).toBe(3001);
  });

  it('names a missing required variable, with its doc', () => {
    expect(() => loadConfig(LedgerLikeConfig, {})).toThrow(
      /DATABASE_URL: DATABASE_URL is required; PostgreSQL connection string/,
    );
  });

  it('names every malformed variable with the value it got (secrets excepted)', () => {
    const problems = problemsOf({
      DATABASE_URL: 'mysql://x',
      PORT: '70000',
      BUS: 'rabbit',
      JWT_SECRET: 'short',
    });
    expect(problems.map((p) => p.env)).toEqual(['PORT', 'DATABASE_URL', 'BUS', 'JWT_SECRET']);
    expect(problems.find((p) => p.env === 'PORT')?.messages).toContain('got "70000"');
    expect(JSON.stringify(problems.find((p) => p.env === 'JWT_SECRET'))).not.toContain('short"');
  });

  it('requires the backend URLs of the scale path only when it is chosen', () => {
    expect(
      problemsOf({ DATABASE_URL: URL, BUS: 'kafka', EVENTSTORE: 'kurrentdb' }).map((p) => p.messages[0]),
    ).toEqual([
      'KURRENTDB_URL is required when EVENTSTORE=kurrentdb',
      'KAFKA_BROKERS is required when BUS=kafka',
    ]);
    expect(
      loadConfig(LedgerLikeConfig, { DATABASE_URL: URL, BUS: 'kafka', KAFKA_BROKERS: 'k1:9092,k2:9092' })
        .KAFKA_BROKERS,
    ).toBe('k1:9092,k2:9092');
  });

  it('takes BUS_PARTITIONS as a positive integer, unset meaning the bus default', () => {
    expect(busOptionsOf(loadConfig(LedgerLikeConfig, { DATABASE_URL: URL }))).toEqual({});
    expect(busOptionsOf(loadConfig(LedgerLikeConfig, { DATABASE_URL: URL, BUS_PARTITIONS: '4' }))).toEqual({
      defaultPartitions: 4,
    });
    expect(problemsOf({ DATABASE_URL: URL, BUS_PARTITIONS: '0' }).map((p) => p.env)).toEqual([
      'BUS_PARTITIONS',
    ]);
    expect(problemsOf({ DATABASE_URL: URL, BUS_PARTITIONS: 'two' }).map((p) => p.env)).toEqual([
      'BUS_PARTITIONS',
    ]);
  });

  it('refuses the dev signing key in production unless a JWKS URL replaces it', () => {
    expect(problemsOf({ DATABASE_URL: URL, NODE_ENV: 'production' })[0]?.messages[0]).toMatch(
      /must not be the dev-only key/,
    );
    expect(() =>
      loadConfig(LedgerLikeConfig, { DATABASE_URL: URL, NODE_ENV: 'production', JWT_SECRET: 'p'.repeat(40) }),
    ).not.toThrow();
    expect(() =>
      loadConfig(LedgerLikeConfig, {
        DATABASE_URL: URL,
        NODE_ENV: 'production',
        JWT_JWKS_URL: 'https://idp/jwks',
      }),
    ).not.toThrow();
  });

  it('refuses a schema name that is not a plain SQL identifier', () => {
    expect(problemsOf({ DATABASE_URL: URL, DB_SCHEMA: 'ledger; drop table x' })[0]?.env).toBe('DB_SCHEMA');
  });
});

describe('redactedConfig (printed at start)', () => {
  it('masks secrets and passwords in URLs, keeps the rest readable', () => {
    const config = loadConfig(LedgerLikeConfig, { DATABASE_URL: URL, WEBHOOK_SECRET: 'whsec_123456' });
    const printed = redactedConfig(LedgerLikeConfig, config);
    expect(printed).toMatchObject({
      DATABASE_URL: 'postgres://cartera:****@db.internal:5432/cartera',
      JWT_SECRET: '**** (dev-only key)',
      WEBHOOK_SECRET: '****',
      PORT: 3001,
      DB_SCHEMA: 'ledger',
    });
    expect(JSON.stringify(printed)).not.toMatch(/s3cret|whsec_123456|cartera-dev-only/);
  });
});

describe('describeSettings', () => {
  it('lists every key with its env name, doc and default, inherited keys first', () => {
    const settings = describeSettings(LedgerLikeConfig);
    expect(settings[0]).toMatchObject({ env: 'NODE_ENV', default: 'development' });
    expect(settings.find((s) => s.env === 'PORT')).toMatchObject({
      default: 3001,
      doc: 'HTTP port of the service.',
    });
    expect(settings.at(-1)).toMatchObject({ env: 'WEBHOOK_SECRET', secret: true });
    expect(describeSettings(BaseConfig).some((s) => s.env === 'AGING_INTERVAL_DAYS')).toBe(false);
  });
});
