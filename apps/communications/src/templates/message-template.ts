import type { ContactChannel } from '@cartera/communications-domain';

/** The languages and regional variants templates are written in. */
export const TEMPLATE_LOCALES = ['es', 'es-CO', 'es-MX', 'en', 'en-US'] as const;
export type TemplateLocale = (typeof TEMPLATE_LOCALES)[number];

/**
 * One version of a message template in one locale. A change is a new version, never an edit:
 * every sent message records the id and version it was rendered from.
 */
export type MessageTemplate = Readonly<{
  id: string;
  version: number;
  locale: TemplateLocale;
  channel: ContactChannel;
  /** Third-party templates (location requests) may carry no debt data. */
  audience: 'debtor' | 'third_party';
  subject?: string;
  /** Handlebars source; `{{money amountDue}}` formats money in the account's currency and locale. */
  body: string;
}>;
