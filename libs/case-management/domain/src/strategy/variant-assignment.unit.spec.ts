import { Experiment } from './strategy.document';
import { assignmentPoint, assignVariant, fnv1a } from './variant-assignment';

const experiment: Experiment = {
  id: 'cards-2026',
  variants: [
    { id: 'champion', share: 80 },
    { id: 'challenger', share: 20 },
  ],
};
const caseIds = Array.from({ length: 10_000 }, (_, i) => `case-${i}`);
const firstCase = (wanted: (point: number) => boolean): string => {
  const id = caseIds.find((c) => wanted(assignmentPoint(c, experiment.id)));
  if (id === undefined) throw new Error('no such case among the sample');
  return id;
};

describe('variant assignment', () => {
  it('hashes the same text to the same number, and different texts apart', () => {
    expect(fnv1a('case-1')).toBe(fnv1a('case-1'));
    expect(fnv1a('case-1')).not.toBe(fnv1a('case-2'));
    expect(fnv1a('')).toBe(fnv1a(''));
  });

  it('gives a case the same variant every time', () =>
    expect(assignVariant('case-42', experiment, null)).toEqual(assignVariant('case-42', experiment, null)));

  it('maps points onto share ranges: 0–79 champion, 80–99 challenger', () => {
    for (const id of caseIds.slice(0, 500)) {
      const { variantId, point } = assignVariant(id, experiment, null);
      expect(variantId).toBe(point < 80 ? 'champion' : 'challenger');
    }
  });

  it('splits traffic close to the shares', () => {
    const challengers = caseIds.filter(
      (id) => assignVariant(id, experiment, null).variantId === 'challenger',
    );
    expect(challengers.length).toBeGreaterThan(1_800);
    expect(challengers.length).toBeLessThan(2_200);
  });

  it('places a case independently in each experiment', () => {
    const same = caseIds.filter((id) => assignmentPoint(id, 'a') === assignmentPoint(id, 'b')).length;
    expect(same).toBeLessThan(300);
  });

  it('keeps the recorded variant when shares change, so only new cases follow the new shares', () => {
    const shifted: Experiment = {
      ...experiment,
      variants: [
        { id: 'champion', share: 50 },
        { id: 'challenger', share: 50 },
      ],
    };
    const moved = firstCase((point) => point >= 50 && point < 80);
    expect(assignVariant(moved, shifted, 'champion')).toMatchObject({ variantId: 'champion', how: 'kept' });
    expect(assignVariant(moved, shifted, null)).toMatchObject({ variantId: 'challenger', how: 'hashed' });
  });

  it('places the case by the hash again when a reshuffle is asked for', () => {
    const id = firstCase((point) => point < 80);
    expect(assignVariant(id, experiment, 'challenger', true)).toMatchObject({
      variantId: 'champion',
      how: 'hashed',
    });
  });

  it('re-hashes a case whose recorded variant is no longer in the experiment', () =>
    expect(assignVariant('case-7', experiment, 'retired')).toMatchObject({ how: 'hashed' }));
});
