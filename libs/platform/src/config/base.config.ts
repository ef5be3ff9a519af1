import { Type } from 'class-transformer';
import {
  IsIn,
  IsInt,
  IsNotEmpty,
  IsOptional,
  IsString,
  IsUrl,
  Matches,
  Max,
  Min,
  MinLength,
  ValidateBy,
  ValidateIf,
  type ValidationArguments,
} from 'class-validator';
import { DEFAULT_JWT_AUDIENCE, DEFAULT_JWT_ISSUER, DEV_JWT_SECRET } from './dev-defaults';
import { Setting } from './setting.decorator';

const required = { message: (a: ValidationArguments) => `${a.property} is required` };
const urlOptions = { require_tld: false, require_protocol: true, allow_underscores: true };

/**
 * Keys every service reads. A service schema extends it, overrides the defaults that differ
 * (PORT, DB_SCHEMA) and adds its own keys:
 * `export class LedgerConfig extends BaseConfig { override PORT = 3001; override DB_SCHEMA = 'ledger'; }`
 */
export class BaseConfig {
  @Setting({
    doc: 'development | test | production. Production refuses the dev signing key.',
  })
  @IsIn(['development', 'test', 'production'])
  NODE_ENV: 'development' | 'test' | 'production' = 'development';

  @Setting({ doc: 'HTTP port of the service.' })
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(65535)
  PORT = 3000;

  @Setting({ doc: 'PostgreSQL connection string (postgres://user:password@host:5432/db). Required.' })
  @IsNotEmpty(required)
  @IsUrl(
    { ...urlOptions, protocols: ['postgres', 'postgresql'] },
    { message: 'DATABASE_URL must be a postgres:// URL' },
  )
  DATABASE_URL!: string;

  @Setting({
    doc: "The service's own PostgreSQL schema (created if missing; every table of the service lives there).",
  })
  @Matches(/^[a-z_][a-z0-9_]{0,62}$/, { message: 'DB_SCHEMA must be a lower-case SQL identifier' })
  DB_SCHEMA = 'public';

  @Setting({ doc: 'Event store: postgres (embedded default) or kurrentdb (scale path).' })
  @IsIn(['postgres', 'kurrentdb'])
  EVENTSTORE: 'postgres' | 'kurrentdb' = 'postgres';

  @Setting({
    doc: 'KurrentDB connection string (kurrentdb://host:2113?tls=false). Required when EVENTSTORE=kurrentdb.',
  })
  @ValidateIf((c: BaseConfig) => c.EVENTSTORE === 'kurrentdb' || c.KURRENTDB_URL !== undefined)
  @IsNotEmpty({ message: 'KURRENTDB_URL is required when EVENTSTORE=kurrentdb' })
  @IsString()
  KURRENTDB_URL?: string;

  @Setting({ doc: 'Message bus: postgres (embedded default) or kafka (scale path).' })
  @IsIn(['postgres', 'kafka'])
  BUS: 'postgres' | 'kafka' = 'postgres';

  @Setting({
    doc: 'Partitions of a topic the bus creates (an existing topic keeps its own). Default 2 on the PostgreSQL bus, 8 on Kafka. At most this many instances of a service share a topic.',
  })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(1024)
  BUS_PARTITIONS?: number;

  @Setting({ doc: 'Comma-separated Kafka brokers (host:9092,…). Required when BUS=kafka.' })
  @ValidateIf((c: BaseConfig) => c.BUS === 'kafka' || c.KAFKA_BROKERS !== undefined)
  @IsNotEmpty({ message: 'KAFKA_BROKERS is required when BUS=kafka' })
  @Matches(/^[^\s,]+(,[^\s,]+)*$/, { message: 'KAFKA_BROKERS must be a comma-separated host:port list' })
  KAFKA_BROKERS?: string;

  @Setting({ doc: 'Expected `iss` of bearer tokens.' })
  @IsNotEmpty()
  JWT_ISSUER = DEFAULT_JWT_ISSUER;

  @Setting({ doc: 'Expected `aud` of bearer tokens.' })
  @IsNotEmpty()
  JWT_AUDIENCE = DEFAULT_JWT_AUDIENCE;

  @Setting({
    doc: 'HS256 secret (≥ 32 chars). Defaults to a public DEV-ONLY key, refused in production. Ignored when JWT_JWKS_URL is set.',
    secret: true,
  })
  @ValidateIf((c: BaseConfig) => !c.JWT_JWKS_URL)
  @MinLength(32, { message: 'JWT_SECRET must be at least 32 characters' })
  @ValidateBy({
    name: 'notDevKeyInProduction',
    validator: {
      validate: (value: unknown, a: ValidationArguments) =>
        (a.object as BaseConfig).NODE_ENV !== 'production' || value !== DEV_JWT_SECRET,
      defaultMessage: () =>
        'JWT_SECRET must not be the dev-only key when NODE_ENV=production (set JWT_SECRET or JWT_JWKS_URL)',
    },
  })
  JWT_SECRET = DEV_JWT_SECRET;

  @Setting({ doc: 'JWKS URL of the identity provider (RS256/ES256 tokens); replaces JWT_SECRET when set.' })
  @IsOptional()
  @IsUrl({ ...urlOptions, protocols: ['http', 'https'] }, { message: 'JWT_JWKS_URL must be an http(s) URL' })
  JWT_JWKS_URL?: string;

  @Setting({ doc: 'fatal | error | warn | info | debug | trace | silent.' })
  @IsIn(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
  LOG_LEVEL: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent' = 'info';

  @Setting({ doc: 'OTLP collector (http://collector:4318). Unset: no telemetry leaves the process.' })
  @IsOptional()
  @IsUrl(
    { ...urlOptions, protocols: ['http', 'https'] },
    { message: 'OTEL_EXPORTER_OTLP_ENDPOINT must be an http(s) URL' },
  )
  OTEL_EXPORTER_OTLP_ENDPOINT?: string;

  @Setting({
    doc: 'How long SIGTERM waits for in-flight requests and shutdown hooks before forcing exit (ms).',
  })
  @Type(() => Number)
  @IsInt()
  @Min(0)
  SHUTDOWN_TIMEOUT_MS = 10_000;
}

/** The bus options BaseConfig sets for every service's bus (spread into createPostgresBus / createKafkaBus). */
export const busOptionsOf = (config: BaseConfig): { defaultPartitions?: number } =>
  config.BUS_PARTITIONS === undefined ? {} : { defaultPartitions: config.BUS_PARTITIONS };
