import { TEMPLATE_LOCALES, type MessageTemplate, type TemplateLocale } from './message-template';

/** The locales to try, most specific first: `es-MX` → `es-MX`, `es`. */
export const fallbackChain = (locale: string): TemplateLocale[] => {
  const language = locale.split('-')[0];
  return [locale, language].filter(
    (l, i, all): l is TemplateLocale =>
      (TEMPLATE_LOCALES as readonly string[]).includes(l) && all.indexOf(l) === i,
  );
};

/** The latest version of a template for a locale, falling back to its language. */
export const findTemplate = (
  catalog: readonly MessageTemplate[],
  id: string,
  locale: string,
): MessageTemplate | undefined => {
  for (const candidate of fallbackChain(locale)) {
    const versions = catalog.filter((t) => t.id === id && t.locale === candidate);
    if (versions.length > 0) return versions.reduce((a, b) => (b.version > a.version ? b : a));
  }
  return undefined;
};
