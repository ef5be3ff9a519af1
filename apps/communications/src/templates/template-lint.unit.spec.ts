import type { MessageTemplate } from './message-template';
import { TEMPLATE_CATALOG } from './template-catalog';
import { lintTemplate } from './template-lint';

const sms = (body: string, overrides: Partial<MessageTemplate> = {}): MessageTemplate => ({
  id: 't',
  version: 1,
  locale: 'es',
  channel: 'sms',
  audience: 'debtor',
  body,
  ...overrides,
});

describe('template lint', () => {
  it('passes every built-in template', () => {
    expect(
      TEMPLATE_CATALOG.flatMap((t) =>
        lintTemplate(t).map((p) => `${t.id}@${t.version}/${t.locale}: ${p.rule}`),
      ),
    ).toEqual([]);
  });

  it('requires an opt-out in electronic messages (12 CFR 1006.6(e))', () => {
    expect(lintTemplate(sms('Su saldo es {{money amountDue}}.'))).toEqual([
      expect.objectContaining({ rule: 'opt_out_missing' }),
    ]);
    expect(lintTemplate(sms('Su saldo es {{money amountDue}}. Responda BAJA'))).toEqual([]);
    expect(lintTemplate(sms('Llámenos hoy.', { channel: 'call' }))).toEqual([]);
  });

  it('forbids asking a Colombian debtor why they have not paid (Ley 2300 de 2023)', () => {
    const asking = sms('¿Por qué no ha pagado su cuota? {{optOut}}', { locale: 'es-CO' });
    expect(lintTemplate(asking)).toEqual([expect.objectContaining({ rule: 'asks_why_unpaid' })]);
    expect(
      lintTemplate(sms('Cuéntenos el motivo de su incumplimiento. {{optOut}}', { locale: 'es-CO' })),
    ).toHaveLength(1);
    expect(lintTemplate({ ...asking, locale: 'es-MX' })).toEqual([]);
  });

  it('keeps debt data out of third-party templates (12 CFR 1006.6(d)(1))', () => {
    const third = (body: string) => sms(body, { channel: 'call', audience: 'third_party' });
    expect(lintTemplate(third('Busco a {{firstName}}; llame al {{callbackNumber}}.'))).toEqual([]);
    expect(lintTemplate(third('{{firstName}} debe {{money amountDue}}.'))).toEqual([
      expect.objectContaining({ rule: 'debt_data_to_third_party', detail: 'reads {{amountDue}}' }),
    ]);
    expect(lintTemplate(third('Es sobre una deuda de {{firstName}}.'))).toEqual([
      expect.objectContaining({ rule: 'debt_data_to_third_party', detail: 'mentions "deuda"' }),
    ]);
  });

  it('reports broken syntax', () => {
    expect(lintTemplate(sms('Hola {{#if x}} {{optOut}}'))).toEqual([
      expect.objectContaining({ rule: 'invalid_syntax' }),
    ]);
  });
});
