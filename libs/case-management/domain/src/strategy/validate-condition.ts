import { isCurrency } from '@cartera/money';
import { ComparisonOp, FactKind, FACTS, FactName, OPS_BY_KIND } from './strategy.document';
import { at, isMinorUnits, isRecord, isText, isWholeNumber, problem, Problems } from './validation';

const COMBINATORS = ['all', 'any', 'not'] as const;

/** Checks a condition tree: known facts, operators that suit the fact, values of the fact's kind. */
export const validateCondition = (value: unknown, path: string, out: Problems): void => {
  if (!isRecord(value)) {
    out.push(problem(path, 'wrong_type', 'a condition must be an object'));
    return;
  }
  const combinator = COMBINATORS.find((key) => key in value);
  if (combinator === 'not') return validateCondition(value['not'], at(path, 'not'), out);
  if (combinator) return validateList(value[combinator], at(path, combinator), out);
  validateComparison(value, path, out);
};

const validateList = (value: unknown, path: string, out: Problems): void => {
  if (!Array.isArray(value) || value.length === 0) {
    out.push(problem(path, 'wrong_type', 'must be a non-empty list of conditions'));
    return;
  }
  value.forEach((condition, i) => validateCondition(condition, at(path, i), out));
};

const validateComparison = (value: Record<string, unknown>, path: string, out: Problems): void => {
  const fact = value['fact'];
  if (!(typeof fact === 'string' && fact in FACTS)) {
    const known = Object.keys(FACTS).join(', ');
    out.push(
      fact === undefined
        ? problem(at(path, 'fact'), 'required', 'a condition needs a fact, or all / any / not')
        : problem(at(path, 'fact'), 'unknown_fact', `fact must be one of ${known}`),
    );
    return;
  }
  const kind = FACTS[fact as FactName];
  const op = value['op'] as ComparisonOp;
  if (!OPS_BY_KIND[kind].includes(op)) {
    out.push(
      problem(at(path, 'op'), 'operator_not_for_fact', `${fact} accepts ${OPS_BY_KIND[kind].join(', ')}`),
    );
    return;
  }
  operandsOf(op).forEach((key) => validateOperand(value[key], kind, at(path, key), out));
  if (kind === 'money' && !isCurrency(value['currency']))
    out.push(
      problem(
        at(path, 'currency'),
        value['currency'] === undefined ? 'required' : 'not_allowed',
        'a money condition needs an ISO 4217 currency',
      ),
    );
  if (op === 'between') betweenInOrder(value, kind, path, out);
};

const operandsOf = (op: ComparisonOp): readonly string[] =>
  op === 'in' ? ['values'] : op === 'between' ? ['min', 'max'] : ['value'];

const validateOperand = (value: unknown, kind: FactKind, path: string, out: Problems): void => {
  if (!path.endsWith('.values')) return validateValue(value, kind, path, out);
  if (!Array.isArray(value) || value.length === 0) {
    out.push(problem(path, 'wrong_type', 'values must be a non-empty list'));
    return;
  }
  value.forEach((item, i) => validateValue(item, kind, at(path, i), out));
};

const validateValue = (value: unknown, kind: FactKind, path: string, out: Problems): void => {
  if (value === undefined) out.push(problem(path, 'required', 'a value is required'));
  else if (kind === 'integer' && !isWholeNumber(value))
    out.push(problem(path, 'wrong_type', 'must be a whole number'));
  else if (kind === 'money' && !isMinorUnits(value))
    out.push(problem(path, 'wrong_type', 'must be minor units as a decimal string, e.g. "150000"'));
  else if ((kind === 'text' || kind === 'set') && !isText(value))
    out.push(problem(path, 'wrong_type', 'must be a non-empty string'));
};

const betweenInOrder = (value: Record<string, unknown>, kind: FactKind, path: string, out: Problems) => {
  const { min, max } = value;
  const ordered =
    kind === 'money' && isMinorUnits(min) && isMinorUnits(max)
      ? BigInt(min) <= BigInt(max)
      : !(isWholeNumber(min) && isWholeNumber(max)) || min <= max;
  if (!ordered) out.push(problem(at(path, 'max'), 'out_of_order', 'max must not be below min'));
};
