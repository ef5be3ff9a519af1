import { inEffect } from './versioned';

const versions = [
  { version: 'v2', effectiveFrom: '2025-06-01' },
  { version: 'v1', effectiveFrom: '2025-01-01' },
  { version: 'v3', effectiveFrom: '2026-01-01' },
];

describe('versioned rules', () => {
  it('picks the latest version in effect on the date', () =>
    expect(inEffect(versions, '2025-12-31')?.version).toBe('v2'));
  it('takes a version from its first day', () =>
    expect(inEffect(versions, '2026-01-01')?.version).toBe('v3'));
  it('has none before the first version', () => expect(inEffect(versions, '2024-12-31')).toBeNull());
});
