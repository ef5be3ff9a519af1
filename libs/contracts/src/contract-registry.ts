import { plainToInstance } from 'class-transformer';
import { validateSync, type ValidationError } from 'class-validator';

/** A versioned contract: its type, schema version and the class-validator class of its payload. */
export type ContractDefinition<Type extends string = string, Payload extends object = object> = Readonly<{
  type: Type;
  version: number;
  schema: new () => Payload;
}>;

/** One failing field: its dotted path in the payload and the broken constraints. */
export type ContractViolation = Readonly<{ property: string; constraints: readonly string[] }>;

export type ContractValidation<Payload = unknown> =
  Readonly<{ ok: true; value: Payload }> | Readonly<{ ok: false; errors: readonly ContractViolation[] }>;

const registry = new Map<string, ContractDefinition>();
const keyOf = (type: string, version: number): string => `${type}@v${version}`;

/**
 * Registers a contract; the file that declares it calls this once at load
 * (`export const PaymentPostedV1Contract = defineContract('PaymentPosted', 1, PaymentPostedV1)`).
 */
export const defineContract = <Type extends string, Payload extends object>(
  type: Type,
  version: number,
  schema: new () => Payload,
): ContractDefinition<Type, Payload> => {
  if (!Number.isInteger(version) || version < 1)
    throw new Error(`Contract ${type}: version must be a positive integer`);
  const key = keyOf(type, version);
  const existing = registry.get(key);
  if (existing && existing.schema !== schema)
    throw new Error(`Contract ${key} is defined twice with different schemas`);
  const definition: ContractDefinition<Type, Payload> = Object.freeze({ type, version, schema });
  registry.set(key, definition as ContractDefinition);
  return definition;
};

export const findContract = (type: string, version: number): ContractDefinition | undefined =>
  registry.get(keyOf(type, version));

/** Every registered contract, for a catalog or docs page. */
export const listContracts = (): readonly ContractDefinition[] => [...registry.values()];

const flatten = (errors: readonly ValidationError[], prefix = ''): ContractViolation[] =>
  errors.flatMap((e) => {
    const property = prefix ? `${prefix}.${e.property}` : e.property;
    const own = e.constraints ? [{ property, constraints: Object.values(e.constraints) }] : [];
    return [...own, ...flatten(e.children ?? [], property)];
  });

/**
 * Validates an incoming payload against its registered contract. An unknown type or version is a
 * failure too: a consumer must not guess the shape of a message it was not built for.
 */
export const validateContract = <Payload = unknown>(
  type: string,
  version: number,
  payload: unknown,
): ContractValidation<Payload> => {
  const contract = registry.get(keyOf(type, version));
  if (!contract) {
    return {
      ok: false,
      errors: [{ property: '', constraints: [`unknown contract ${keyOf(type, version)}`] }],
    };
  }
  if (payload === null || typeof payload !== 'object' || Array.isArray(payload)) {
    return { ok: false, errors: [{ property: '', constraints: ['payload must be a JSON object'] }] };
  }
  const instance = plainToInstance(contract.schema, payload) as object;
  const errors = flatten(validateSync(instance, { forbidUnknownValues: true }));
  return errors.length === 0 ? { ok: true, value: payload as Payload } : { ok: false, errors };
};

/** One line per failing field, for logs and dead-letter reasons. */
export const describeViolations = (errors: readonly ContractViolation[]): string =>
  errors.map((e) => `${e.property || '(payload)'}: ${e.constraints.join('; ')}`).join(' | ');
