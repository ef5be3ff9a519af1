import { IsUUID } from 'class-validator';
import {
  defineContract,
  describeViolations,
  dlqTopicOf,
  findContract,
  IsCurrency,
  IsMinorUnits,
  TOPICS,
  validateContract,
} from './index';

// Example contract, local to this spec: the real ones live in <context>/<message>.v<N>.ts.
class ExamplePaymentPostedV1 {
  @IsUUID() accountId!: string;
  @IsMinorUnits() amountMinor!: string;
  @IsCurrency() currency!: string;
}
defineContract('ExamplePaymentPosted', 1, ExamplePaymentPostedV1);

const valid = {
  accountId: '0190d5a4-7e2b-7c3d-8e4f-123456789abc',
  amountMinor: '123456789012345678901',
  currency: 'EUR',
};

describe('contract registry', () => {
  it('accepts a payload that matches its contract, keeping money exact as a string', () => {
    const result = validateContract('ExamplePaymentPosted', 1, valid);
    expect(result).toEqual({ ok: true, value: valid });
  });

  it('reports every failing field', () => {
    const result = validateContract('ExamplePaymentPosted', 1, {
      accountId: 'nope',
      amountMinor: 12.5,
      currency: 'EURO',
    });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors.map((e) => e.property).sort()).toEqual(['accountId', 'amountMinor', 'currency']);
    expect(describeViolations(result.errors)).toMatch(/amountMinor: .*minor units/);
  });

  it('treats an unknown type or version as a validation failure', () => {
    expect(validateContract('ExamplePaymentPosted', 2, valid)).toEqual({
      ok: false,
      errors: [{ property: '', constraints: ['unknown contract ExamplePaymentPosted@v2'] }],
    });
    expect(validateContract('Nope', 1, valid).ok).toBe(false);
  });

  it('rejects a payload that is not an object', () => {
    expect(validateContract('ExamplePaymentPosted', 1, 'x').ok).toBe(false);
    expect(validateContract('ExamplePaymentPosted', 1, null).ok).toBe(false);
  });

  it('refuses a second, different schema for the same type and version', () => {
    class Other {}
    expect(() => defineContract('ExamplePaymentPosted', 1, Other)).toThrow(/defined twice/);
    expect(defineContract('ExamplePaymentPosted', 1, ExamplePaymentPostedV1)).toBe(
      findContract('ExamplePaymentPosted', 1),
    );
  });

  it('names topics by context and dead-letter topics by suffix', () => {
    expect(TOPICS.ledger).toBe('ledger.events');
    expect(dlqTopicOf(TOPICS.negotiation)).toBe('negotiation.events.dlq');
  });
});
