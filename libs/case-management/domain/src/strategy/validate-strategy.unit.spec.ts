import { cardsStrategy } from './strategy.fixtures';
import { validateStrategy } from './validate-strategy';

/** The example strategy as parsed JSON, changed by `change` (documents arrive as untyped JSON). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
const edited = (change: (doc: any) => void): unknown => {
  const doc = JSON.parse(JSON.stringify(cardsStrategy));
  change(doc);
  return doc;
};
const pathsOf = (doc: unknown) => validateStrategy(doc).map((p) => `${p.path} ${p.code}`);

describe('validateStrategy', () => {
  it('accepts the documented example (good payers, soft → firm → legal, two variants)', () =>
    expect(validateStrategy(cardsStrategy)).toEqual([]));

  it('rejects what is not an object', () => expect(pathsOf('strategy')).toEqual([' wrong_type']));

  it('names each missing top-level field', () =>
    expect(pathsOf({})).toEqual([
      'strategyId required',
      'name required',
      'version required',
      'effectiveFrom required',
      'segments required',
    ]));

  it('points at a step offset that is not a whole number', () =>
    expect(pathsOf(edited((d) => (d.segments[1].path.steps[0].offsetDays = 'soon')))).toEqual([
      'segments[1].path.steps[0].offsetDays wrong_type',
    ]));

  it('refuses a step counted from the previous one that goes back in time', () =>
    expect(pathsOf(edited((d) => (d.segments[2].path.steps[1].offsetDays = -1)))).toEqual([
      'segments[2].path.steps[1].offsetDays out_of_order',
    ]));

  it('refuses due-date steps listed out of order', () =>
    expect(pathsOf(edited((d) => (d.segments[1].path.steps[2].offsetDays = 2)))).toEqual([
      'segments[1].path.steps[2].offsetDays out_of_order',
    ]));

  it('checks the fields of each kind of step', () =>
    expect(
      pathsOf(
        edited((d) => {
          d.segments[1].path.steps[1].channel = 'pigeon';
          d.segments[1].path.steps[1].fallbackChannel = 'fax';
          delete d.segments[1].path.steps[3].queue;
          d.segments[1].path.steps[5].to = 'court';
          d.segments[0].path.steps[0].kind = 'dance';
        }),
      ),
    ).toEqual([
      'segments[0].path.steps[0].kind not_allowed',
      'segments[1].path.steps[1].channel not_allowed',
      'segments[1].path.steps[1].fallbackChannel not_allowed',
      'segments[1].path.steps[3].queue required',
      'segments[1].path.steps[5].to not_allowed',
    ]));

  it('refuses duplicate step and segment ids', () =>
    expect(
      pathsOf(
        edited((d) => {
          d.segments[1].path.steps[1].id = 'pre-due';
          d.segments[2].id = 'early';
        }),
      ),
    ).toEqual(['segments[1].path.steps[1].id duplicate_id', 'segments[2].id duplicate_id']));

  it('checks conditions: known facts, operators that suit the fact, values of its kind', () =>
    expect(
      pathsOf(
        edited((d) => {
          d.segments[0].when.all[0] = { fact: 'mood', op: 'eq', value: 'happy' };
          d.segments[0].when.all[1] = { fact: 'product', op: 'gte', value: 'card' };
          d.segments[1].when.all[0] = { fact: 'dpd', op: 'between', min: 30, max: 10 };
          d.segments[1].when.all[1] = { fact: 'balanceMinor', op: 'in', values: ['10.50', '7'] };
          d.segments[1].when.all[2].not = { any: [] };
        }),
      ),
    ).toEqual([
      'segments[0].when.all[0].fact unknown_fact',
      'segments[0].when.all[1].op operator_not_for_fact',
      'segments[1].when.all[0].max out_of_order',
      'segments[1].when.all[1].values[0] wrong_type',
      'segments[1].when.all[1].currency required',
      'segments[1].when.all[2].not.any wrong_type',
    ]));

  it('checks the condition a wait_for step waits on', () =>
    expect(
      pathsOf(edited((d) => (d.segments[1].path.steps[4].condition = { fact: 'dpd', op: 'gte' }))),
    ).toEqual(['segments[1].path.steps[4].condition.value required']));

  it('requires variant shares that sum to 100', () =>
    expect(pathsOf(edited((d) => (d.experiment.variants[1].share = 30)))).toEqual([
      'experiment.variants shares_must_sum_to_100',
    ]));

  it('refuses a variant path for a variant the experiment does not declare', () =>
    expect(
      pathsOf(
        edited((d) => {
          d.segments[1].variantPaths['sms-last'] = d.segments[1].variantPaths['sms-first'];
        }),
      ),
    ).toEqual(['segments[1].variantPaths.sms-last unknown_variant']));

  it('checks the version, dates and send time', () =>
    expect(
      pathsOf(
        edited((d) => {
          d.version = 0;
          d.effectiveFrom = '2026-02-30';
          d.sendTime = '25:00';
        }),
      ),
    ).toEqual(['version wrong_type', 'effectiveFrom wrong_type', 'sendTime wrong_type']));
});
