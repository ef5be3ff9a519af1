import { plainToInstance } from 'class-transformer';
import { validateSync, type ValidationError } from 'class-validator';
import { DEV_JWT_SECRET } from './dev-defaults';
import { describeSettings } from './setting.decorator';

export type ConfigSchema<T extends object> = new () => T;

/** Start-up stops with this: every missing or malformed variable, by name. */
export class ConfigError extends Error {
  override readonly name = 'ConfigError';
  constructor(readonly problems: { env: string; messages: string[] }[]) {
    super(
      `Invalid configuration:\n${problems.map((p) => `  - ${p.env}: ${p.messages.join('; ')}`).join('\n')}`,
    );
  }
}

/**
 * Reads the schema's keys from `env` (empty strings count as unset), applies the defaults,
 * converts and validates. Throws a ConfigError naming each bad variable.
 */
export const loadConfig = <T extends object>(
  schema: ConfigSchema<T>,
  env: NodeJS.ProcessEnv = process.env,
): T => {
  const settings = describeSettings(schema);
  const plain: Record<string, string> = {};
  for (const { env: key } of settings) {
    const value = env[key]?.trim();
    if (value) plain[key] = value;
  }
  const config = plainToInstance(schema, plain);
  const errors = validateSync(config, { forbidUnknownValues: true });
  if (errors.length > 0) throw new ConfigError(errors.map((e) => problemOf(e, settings, plain[e.property])));
  return config;
};

const problemOf = (
  error: ValidationError,
  settings: ReturnType<typeof describeSettings>,
  raw: string | undefined,
) => {
  const messages = Object.values(error.constraints ?? {});
  if (raw === undefined && error.value === undefined) {
    const doc = settings.find((s) => s.env === error.property)?.doc;
    const required = messages.filter((m) => m.includes('required'));
    return {
      env: error.property,
      messages: [...(required.length ? required : [`${error.property} is required`]), ...(doc ? [doc] : [])],
    };
  }
  const secret = settings.find((s) => s.env === error.property)?.secret;
  return {
    env: error.property,
    messages: secret
      ? messages
      : [...messages, raw === undefined ? 'the default is not valid here' : `got ${JSON.stringify(raw)}`],
  };
};

/** The configuration as printed at start: secrets masked, passwords in URLs masked. */
export const redactedConfig = <T extends object>(
  schema: ConfigSchema<T>,
  config: T,
): Record<string, string | number | undefined> => {
  const values = config as Record<string, unknown>;
  return Object.fromEntries(
    describeSettings(schema).map(({ env, secret }) => {
      const value = values[env];
      if (value === undefined || value === null) return [env, undefined];
      if (secret) return [env, value === DEV_JWT_SECRET ? '**** (dev-only key)' : '****'];
      return [env, typeof value === 'number' ? value : maskUrlPassword(String(value))];
    }),
  );
};

const maskUrlPassword = (value: string): string => {
  if (!/^[a-z][a-z0-9+.-]*:\/\//i.test(value)) return value;
  try {
    const url = new URL(value);
    if (!url.password) return value;
    url.password = '****';
    return url.toString();
  } catch {
    return value;
  }
};
