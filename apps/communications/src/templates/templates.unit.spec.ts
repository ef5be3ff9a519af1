import { findTemplate as find, fallbackChain } from './locale-fallback';
import type { MessageTemplate } from './message-template';
import { formatMoney } from './money-format';
import { renderTemplate, sha256Of } from './render-template';
import { TEMPLATE_CATALOG } from './template-catalog';

const findTemplate = (catalog: readonly MessageTemplate[], id: string, locale: string) =>
  find(catalog, id, locale);
const template = (id: string, locale: string): MessageTemplate => {
  const found = find(TEMPLATE_CATALOG, id, locale);
  if (!found) throw new Error(`no template ${id} for ${locale}`);
  return found;
};

const data = {
  firstName: 'Ana',
  creditorName: 'Banco Uno',
  amountDue: { amount: '12345678', currency: 'COP' },
  paymentLink: 'https://pay.example/abc',
  optOut: 'Responda BAJA para no recibir más mensajes.',
};

describe('templates', () => {
  it('falls back from a regional variant to its language', () => {
    expect(fallbackChain('es-MX')).toEqual(['es-MX', 'es']);
    expect(findTemplate(TEMPLATE_CATALOG, 'payment-reminder', 'es-MX')?.locale).toBe('es');
    expect(findTemplate(TEMPLATE_CATALOG, 'payment-reminder', 'es-CO')?.locale).toBe('es-CO');
    expect(findTemplate(TEMPLATE_CATALOG, 'payment-reminder', 'fr')).toBeUndefined();
  });

  it('picks the latest version of a locale', () => {
    const v3: MessageTemplate = { ...TEMPLATE_CATALOG[0], version: 3, body: 'v3 {{optOut}}' };
    expect(findTemplate([...TEMPLATE_CATALOG, v3], 'payment-reminder', 'es-MX')?.version).toBe(3);
    expect(findTemplate(TEMPLATE_CATALOG, 'payment-reminder', 'en-US')?.version).toBe(2);
  });

  it('formats minor units in the currency and locale without rounding', () => {
    expect(formatMoney(12_345_678n, 'COP', 'es-CO')).toBe('$\u00a0123.456,78');
    expect(formatMoney(9_007_199_254_740_993_01n, 'MXN', 'es-MX')).toBe('$9,007,199,254,740,993.01');
    expect(formatMoney(-505n, 'USD', 'en-US')).toBe('-$5.05');
    expect(formatMoney(1500n, 'JPY', 'en-US')).toBe('¥1,500');
  });

  it('renders with the money helper and records id, version and the hash of the text', () => {
    const t = template('payment-reminder', 'es-CO');
    const rendered = renderTemplate(t, data);
    expect(rendered.text).toBe(
      'Hola Ana, tiene un saldo de $\u00a0123.456,78 con Banco Uno. Puede pagar en https://pay.example/abc. Responda BAJA para no recibir más mensajes.',
    );
    expect(rendered).toMatchObject({ templateId: 'payment-reminder', templateVersion: 1, locale: 'es-CO' });
    expect(rendered.sha256).toBe(sha256Of(rendered.text));
    expect(rendered.sha256).toMatch(/^[0-9a-f]{64}$/);
  });

  it('renders an es-MX message from the es template in Mexican number format', () => {
    const t = template('payment-reminder', 'es-MX');
    const rendered = renderTemplate(
      t,
      { ...data, amountDue: { amount: 150_050n, currency: 'MXN' } },
      'es-MX',
    );
    expect(rendered.text).toContain('$1,500.50');
    expect(rendered.locale).toBe('es-MX');
  });

  it('hashes subject and body of an email', () => {
    const t = template('payment-reminder-email', 'en-US');
    const rendered = renderTemplate(t, { ...data, amountDue: { amount: '1000', currency: 'USD' } }, 'en-US');
    expect(rendered.subject).toBe('Payment reminder — Banco Uno');
    expect(rendered.sha256).toBe(sha256Of(`${rendered.subject}\n\n${rendered.text}`));
  });

  it('refuses to render with a missing variable', () => {
    const t = template('payment-reminder', 'en');
    expect(() => renderTemplate(t, { firstName: 'Ann' })).toThrow(/not defined/);
  });
});
