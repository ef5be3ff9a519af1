/** One reason a strategy document is unusable, at the JSON path of the failing value. */
export type StrategyProblem = Readonly<{ path: string; code: StrategyProblemCode; message: string }>;

export type StrategyProblemCode =
  | 'required'
  | 'wrong_type'
  | 'not_allowed'
  | 'duplicate_id'
  | 'unknown_fact'
  | 'unknown_variant'
  | 'operator_not_for_fact'
  | 'out_of_order'
  | 'shares_must_sum_to_100';

export type Problems = StrategyProblem[];

/** `segments` + 1 → `segments[1]`; `segments[1]` + `path` → `segments[1].path`. */
export const at = (base: string, key: string | number): string =>
  typeof key === 'number' ? `${base}[${key}]` : base === '' ? key : `${base}.${key}`;

export const problem = (path: string, code: StrategyProblemCode, message: string): StrategyProblem => ({
  path,
  code,
  message,
});

export const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

export const isText = (value: unknown): value is string => typeof value === 'string' && value.trim() !== '';

export const isWholeNumber = (value: unknown): value is number => Number.isSafeInteger(value);

/** Minor units as a decimal string, optionally negative (a credit): `"150000"`, `"-500"`. */
export const isMinorUnits = (value: unknown): value is string =>
  typeof value === 'string' && /^-?(0|[1-9]\d*)$/.test(value);

/** A required non-empty string field; pushes a problem and returns false when it is not one. */
export const requireText = (record: Record<string, unknown>, key: string, base: string, out: Problems) => {
  const value = record[key];
  if (isText(value)) return true;
  out.push(
    value === undefined
      ? problem(at(base, key), 'required', `${key} is required`)
      : problem(at(base, key), 'wrong_type', `${key} must be a non-empty string`),
  );
  return false;
};

/** One of a fixed list of values. */
export const requireOneOf = <T extends string>(
  record: Record<string, unknown>,
  key: string,
  allowed: readonly T[],
  base: string,
  out: Problems,
): boolean => {
  const value = record[key];
  if (allowed.includes(value as T)) return true;
  out.push(
    value === undefined
      ? problem(at(base, key), 'required', `${key} is required`)
      : problem(at(base, key), 'not_allowed', `${key} must be one of ${allowed.join(', ')}`),
  );
  return false;
};

/** Reports every id seen twice in a list, at the later occurrence. */
export const uniqueIds = (items: readonly unknown[], base: string, out: Problems): void => {
  const seen = new Set<string>();
  items.forEach((item, i) => {
    const id = isRecord(item) ? item['id'] : undefined;
    if (typeof id !== 'string') return;
    if (seen.has(id)) out.push(problem(at(at(base, i), 'id'), 'duplicate_id', `id "${id}" is used twice`));
    seen.add(id);
  });
};
