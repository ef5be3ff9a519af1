/** What a configuration key means; the env variable has the property's name. */
export type SettingInfo = {
  doc: string;
  /** Masked when the configuration is printed or an error names it. */
  secret?: boolean;
};

export type SettingDescription = SettingInfo & { env: string; default?: unknown };

const SETTINGS = Symbol('cartera:settings');

type WithSettings = { [SETTINGS]?: Map<string, SettingInfo> };

/**
 * Declares a configuration key: `@Setting({ doc: '…' }) PORT = 3000;` — the env variable is the
 * property name, the default its initializer; class-validator decorators say what is valid.
 */
export const Setting =
  (info: SettingInfo): PropertyDecorator =>
  (prototype, property) => {
    const target = prototype as WithSettings;
    // Own map per class, seeded from the parent's, so subclasses add keys without touching the base.
    let own = Object.prototype.hasOwnProperty.call(target, SETTINGS) ? target[SETTINGS] : undefined;
    if (!own) {
      own = new Map(target[SETTINGS] ?? []);
      Object.defineProperty(target, SETTINGS, { value: own, enumerable: false });
    }
    own.set(String(property), info);
  };

/** Every setting of a schema (inherited ones first) with its env name and default. */
export const describeSettings = (schema: new () => object): SettingDescription[] => {
  const settings = (schema.prototype as WithSettings)[SETTINGS] ?? new Map<string, SettingInfo>();
  const defaults = new schema() as Record<string, unknown>;
  return [...settings].map(([env, info]) => ({ env, ...info, default: defaults[env] }));
};
