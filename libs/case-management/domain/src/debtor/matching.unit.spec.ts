import { matchKeysOf, normaliseName, normalisePhone } from './match-keys';
import { DEFAULT_MATCH_RULE_SETS, matchDebtor, matchRuleSetOn, type MatchCandidate } from './match-rules';

const rules = matchRuleSetOn('2026-12-04', DEFAULT_MATCH_RULE_SETS);
const ana = matchKeysOf({
  fullName: 'Ana María Pérez',
  dateOfBirth: '1985-03-14',
  nationalId: { country: 'CO', value: '1.032.456.789' },
  postalCode: '110111',
  phones: ['+57 300 111 2233'],
  emails: ['Ana.Perez@Example.com'],
});
const candidate = (debtorId: string, keys = ana): MatchCandidate => ({ debtorId, keys });

describe('normalised match keys', () => {
  it('ignores case, accents, punctuation and name order', () => {
    expect(normaliseName('PÉREZ, Ana  María')).toBe(normaliseName('ana maria perez'));
    expect(normalisePhone('+57 (300) 111-2233')).toBe('+573001112233');
  });

  it('builds each key the data allows, and none from missing parts', () => {
    expect(ana.map((k) => k.kind)).toEqual(['national_id', 'name_dob_postal', 'phone', 'email']);
    expect(ana[0].value).toBe('CO|1032456789');
    expect(matchKeysOf({ fullName: 'Ana', phones: [], emails: [] })).toEqual([]);
  });
});

describe('matchDebtor', () => {
  it('links on an exact national id and country (strong), naming rule and version', () =>
    expect(
      matchDebtor(
        ana,
        [
          candidate(
            'd-1',
            ana.filter((k) => k.kind === 'national_id'),
          ),
        ],
        rules,
      ),
    ).toEqual({
      outcome: 'link',
      debtorId: 'd-1',
      rule: { id: 'national-id-country', version: 1 },
    }));

  it('links on name, date of birth and postal code when the national id is unknown', () =>
    expect(matchDebtor(ana.slice(1), [candidate('d-1', ana.slice(1, 2))], rules)).toMatchObject({
      outcome: 'link',
      rule: { id: 'name-dob-postal-code' },
    }));

  it('sends a phone or email match to review (weak)', () =>
    expect(
      matchDebtor(
        ana,
        [
          candidate(
            'd-2',
            ana.filter((k) => k.kind === 'email'),
          ),
        ],
        rules,
      ),
    ).toEqual({
      outcome: 'review',
      candidateDebtorIds: ['d-2'],
      rule: { id: 'email', version: 1 },
    }));

  it('sends an ambiguous strong match (two debtors) to review', () =>
    expect(matchDebtor(ana, [candidate('d-1'), candidate('d-2')], rules)).toMatchObject({
      outcome: 'review',
      candidateDebtorIds: ['d-1', 'd-2'],
    }));

  it('prefers a strong match over weak ones with others', () =>
    expect(
      matchDebtor(
        ana,
        [
          candidate(
            'd-2',
            ana.filter((k) => k.kind === 'phone'),
          ),
          candidate('d-1', ana.slice(0, 1)),
        ],
        rules,
      ),
    ).toMatchObject({ outcome: 'link', debtorId: 'd-1' }));

  it('creates a debtor when nobody matches, under the rule set’s version', () =>
    expect(matchDebtor(ana, [], rules)).toEqual({
      outcome: 'create',
      rule: { id: 'debtor-matching', version: 1 },
    }));

  it('uses the rule set in force on the day', () => {
    const v2 = { ...rules, version: 2, effectiveFrom: '2027-01-01', rules: rules.rules.slice(0, 1) };
    expect(matchRuleSetOn('2026-12-31', [...DEFAULT_MATCH_RULE_SETS, v2]).version).toBe(1);
    expect(matchRuleSetOn('2027-01-01', [...DEFAULT_MATCH_RULE_SETS, v2]).version).toBe(2);
  });
});
