import { randomBytes } from 'node:crypto';
import { createBlindIndexer, deriveKey } from './blind-index';

describe('blind index', () => {
  const master = randomBytes(32);
  const index = createBlindIndexer(deriveKey(master, 'blind-index'));

  it('is equal for equal values and purposes, and hides the value', () => {
    expect(index('phone', '+573001112233')).toBe(index('phone', '+573001112233'));
    expect(index('phone', '+573001112233')).not.toContain('3001112233');
  });

  it('differs between purposes and between keys', () => {
    expect(index('phone', '123')).not.toBe(index('national_id', '123'));
    expect(createBlindIndexer(deriveKey(randomBytes(32), 'blind-index'))('phone', '123')).not.toBe(
      index('phone', '123'),
    );
  });
});
