import { Writable } from 'node:stream';
import pino from 'pino';
import { isSensitiveKey, REDACTED, redactionPaths, redactPersonalData } from './personal-data';

describe('redactPersonalData', () => {
  it('masks personal data and credentials at any depth, keeps the rest', () => {
    const input = {
      debtorId: 'd-1',
      firstName: 'Jane',
      contact: { Email: 'jane@example.com', phones: [{ phone: '+33 6 12 34 56 78', kind: 'mobile' }] },
      address: { line1: '1 rue de la Paix' },
      headers: { authorization: 'Bearer abc' },
      amountMinor: '1500',
    };
    expect(redactPersonalData(input)).toEqual({
      debtorId: 'd-1',
      firstName: REDACTED,
      contact: { Email: REDACTED, phones: [{ phone: REDACTED, kind: 'mobile' }] },
      address: REDACTED,
      headers: { authorization: REDACTED },
      amountMinor: '1500',
    });
    expect(input.firstName).toBe('Jane');
  });

  it('survives cycles and leaves primitives alone', () => {
    const a: Record<string, unknown> = { name: 'x' };
    a.self = a;
    expect(redactPersonalData(a)).toEqual({ name: REDACTED, self: '[circular]' });
    expect(redactPersonalData('Jane')).toBe('Jane');
  });

  it('knows the keys case-insensitively', () => {
    expect(['dateOfBirth', 'DATEOFBIRTH', 'nationalId', 'lastName'].every(isSensitiveKey)).toBe(true);
    expect(isSensitiveKey('creditorId')).toBe(false);
  });
});

describe('redactionPaths with pino', () => {
  const logLine = (object: object): Record<string, unknown> => {
    let line = '';
    const sink = new Writable({
      write(chunk, _encoding, done) {
        line += String(chunk);
        done();
      },
    });
    pino({ redact: { paths: redactionPaths(), censor: REDACTED } }, sink).info(object, 'msg');
    return JSON.parse(line) as Record<string, unknown>;
  };

  it('redacts personal data in log objects down to three levels, and auth headers', () => {
    const line = logLine({
      email: 'top@example.com',
      debtor: { lastName: 'Doe', contact: { phone: '123', channel: 'sms' } },
      req: { headers: { authorization: 'Bearer t', 'user-agent': 'curl' } },
    });
    expect(line).toMatchObject({
      email: REDACTED,
      debtor: { lastName: REDACTED, contact: { phone: REDACTED, channel: 'sms' } },
      req: { headers: { authorization: REDACTED, 'user-agent': 'curl' } },
    });
    expect(JSON.stringify(line)).not.toMatch(/Doe|top@example|Bearer t/);
  });
});
