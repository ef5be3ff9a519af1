import { FactReading, readFact, ScoredFacts } from './case-facts';
import { Comparison, Condition, FACTS, FactValue } from './strategy.document';

/** Whether a condition holds, and the comparisons that decided it (`dpd 12 lte 30`). */
export type ConditionResult = Readonly<{ holds: boolean; because: readonly string[] }>;

export const evaluateCondition = (condition: Condition, facts: ScoredFacts): ConditionResult => {
  if ('all' in condition) return allOf(condition.all, facts);
  if ('any' in condition) return anyOf(condition.any, facts);
  if ('not' in condition) {
    const inner = evaluateCondition(condition.not, facts);
    return { holds: !inner.holds, because: [`not (${inner.because.join(' and ') || 'nothing'})`] };
  }
  return compare(condition, facts);
};

/** Every condition holds; the explanation names the first that failed, or all that held. */
const allOf = (conditions: readonly Condition[], facts: ScoredFacts): ConditionResult => {
  const because: string[] = [];
  for (const condition of conditions) {
    const result = evaluateCondition(condition, facts);
    if (!result.holds) return result;
    because.push(...result.because);
  }
  return { holds: true, because };
};

const anyOf = (conditions: readonly Condition[], facts: ScoredFacts): ConditionResult => {
  const failed: string[] = [];
  for (const condition of conditions) {
    const result = evaluateCondition(condition, facts);
    if (result.holds) return result;
    failed.push(...result.because);
  }
  return { holds: false, because: failed };
};

const compare = (c: Comparison, facts: ScoredFacts): ConditionResult => {
  const actual = readFact(facts, c.fact);
  const kind = FACTS[c.fact];
  const sameCurrency = kind !== 'money' || c.currency === facts.currency;
  const holds = sameCurrency && comparisonHolds(c, actual);
  const shown = kind === 'money' ? `${String(actual)} ${facts.currency}` : show(actual);
  return { holds, because: [`${c.fact} ${shown} ${c.op} ${operandText(c)}`] };
};

const comparisonHolds = (c: Comparison, actual: FactReading): boolean => {
  if (Array.isArray(actual)) {
    const wanted = c.op === 'in' ? c.values : c.op === 'eq' ? [c.value] : [];
    return wanted.some((value) => actual.includes(String(value)));
  }
  switch (c.op) {
    case 'eq':
      return order(actual, c.value) === 0;
    case 'gte':
      return order(actual, c.value) >= 0;
    case 'lte':
      return order(actual, c.value) <= 0;
    case 'in':
      return c.values.some((value) => order(actual, value) === 0);
    case 'between':
      return order(actual, c.min) >= 0 && order(actual, c.max) <= 0;
  }
};

/** Negative, zero or positive as the fact is below, equal to or above the document's value. */
export const order = (actual: FactReading, value: FactValue): number => {
  if (typeof actual === 'bigint') {
    const limit = BigInt(value);
    return actual < limit ? -1 : actual > limit ? 1 : 0;
  }
  if (typeof actual === 'number') return actual - Number(value);
  return actual === String(value) ? 0 : actual < String(value) ? -1 : 1;
};

const show = (value: FactReading): string => (Array.isArray(value) ? `[${value.join(', ')}]` : String(value));

const operandText = (c: Comparison): string =>
  c.op === 'in' ? `[${c.values.join(', ')}]` : c.op === 'between' ? `${c.min}..${c.max}` : String(c.value);
