import { createHash } from 'node:crypto';
import Handlebars from 'handlebars';
import { parseCurrency } from '@cartera/money';
import { formatMoney } from './money-format';
import type { MessageTemplate } from './message-template';

/** Money as a template receives it: minor units (string or bigint) and the account's currency. */
export type TemplateMoney = Readonly<{ amount: string | bigint; currency: string }>;

/** What a sent message keeps of its text: the template id + version and the SHA-256 of the rendered text. */
export type RenderedMessage = Readonly<{
  templateId: string;
  templateVersion: number;
  locale: string;
  subject?: string;
  text: string;
  sha256: string;
}>;

const moneyHelper = (locale: string) => (value: TemplateMoney) =>
  formatMoney(BigInt(value.amount), parseCurrency(value.currency), locale);

// Plain text (SMS, email text part, letters): no HTML escaping; a missing variable is an error.
const compiled = new Map<string, Handlebars.TemplateDelegate>();
const compile = (key: string, source: string): Handlebars.TemplateDelegate => {
  let template = compiled.get(key);
  if (!template) compiled.set(key, (template = Handlebars.compile(source, { noEscape: true, strict: true })));
  return template;
};

export const sha256Of = (text: string): string => createHash('sha256').update(text, 'utf8').digest('hex');

/** Renders a template with case and ledger data; money is formatted in the template's locale. */
export const renderTemplate = (
  template: MessageTemplate,
  data: Readonly<Record<string, unknown>>,
  locale: string = template.locale,
): RenderedMessage => {
  const key = `${template.id}@${template.version}/${template.locale}`;
  const options = { helpers: { money: moneyHelper(locale) } };
  const text = compile(`${key}:body`, template.body)(data, options);
  const subject = template.subject ? compile(`${key}:subject`, template.subject)(data, options) : undefined;
  const hashed = subject === undefined ? text : `${subject}\n\n${text}`;
  return {
    templateId: template.id,
    templateVersion: template.version,
    locale,
    ...(subject === undefined ? {} : { subject }),
    text,
    sha256: sha256Of(hashed),
  };
};
