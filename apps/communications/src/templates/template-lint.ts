import Handlebars from 'handlebars';
import { ELECTRONIC_CHANNELS } from '@cartera/communications-domain';
import type { MessageTemplate } from './message-template';

/** One broken template rule, named so the author knows what to change. */
export type TemplateProblem = Readonly<{
  rule: 'opt_out_missing' | 'asks_why_unpaid' | 'debt_data_to_third_party' | 'invalid_syntax';
  detail: string;
}>;

/** Template variables that reveal a debt; a third party must never see them. */
const DEBT_FIELDS = [
  'amountDue',
  'balance',
  'debt',
  'account',
  'accountNumber',
  'creditor',
  'dueDate',
  'payment',
];
const DEBT_WORDS = /\b(deuda|adeudo|saldo|cobranza|cobro|mora|debt|balance|collection|overdue|owe)\b/i;
const OPT_OUT = /\{\{\s*optOut\s*\}\}|\b(STOP|BAJA|unsubscribe|darse de baja|cancelar suscripci[oó]n)\b/i;
// Ley 2300 de 2023 forbids asking the debtor why they have not paid.
const WHY_UNPAID =
  /por\s*qu[eé]\s+no\s+(ha|has|han)\s+(pagado|cumplido|abonado)|motivo\s+(del|de\s+su|de\s+tu)\s+(no\s+pago|incumplimiento|mora)|raz[oó]n\s+(del|de\s+su|de\s+tu)\s+(no\s+pago|incumplimiento)/i;

/** Every variable path a template reads (`{{money amountDue}}` → `amountDue`). */
const referencedPaths = (source: string): string[] => {
  const paths: string[] = [];
  const visit = (node: unknown): void => {
    if (!node || typeof node !== 'object') return;
    const n = node as { type?: string; original?: string };
    if (n.type === 'PathExpression' && n.original) paths.push(n.original.split('.')[0]);
    for (const value of Object.values(node)) {
      if (Array.isArray(value)) value.forEach(visit);
      else visit(value);
    }
  };
  visit(Handlebars.parse(source));
  return paths;
};

const optOutProblems = (t: MessageTemplate): TemplateProblem[] =>
  ELECTRONIC_CHANNELS.includes(t.channel) && !OPT_OUT.test(t.body)
    ? [{ rule: 'opt_out_missing', detail: `${t.channel} messages must carry an opt-out ({{optOut}})` }]
    : [];

const whyUnpaidProblems = (t: MessageTemplate): TemplateProblem[] =>
  t.locale === 'es-CO' && WHY_UNPAID.test(`${t.subject ?? ''} ${t.body}`)
    ? [{ rule: 'asks_why_unpaid', detail: 'Colombian templates may not ask why the debtor has not paid' }]
    : [];

const thirdPartyProblems = (t: MessageTemplate): TemplateProblem[] => {
  if (t.audience !== 'third_party') return [];
  const source = `${t.subject ?? ''} ${t.body}`;
  const fields = referencedPaths(source).filter((p) => DEBT_FIELDS.includes(p));
  const words = DEBT_WORDS.exec(source.replace(/\{\{[^}]*\}\}/g, ' '));
  return [
    ...fields.map((f) => ({ rule: 'debt_data_to_third_party' as const, detail: `reads {{${f}}}` })),
    ...(words ? [{ rule: 'debt_data_to_third_party' as const, detail: `mentions "${words[0]}"` }] : []),
  ];
};

/** The problems of a template; an empty list means it may be published. */
export const lintTemplate = (template: MessageTemplate): TemplateProblem[] => {
  try {
    Handlebars.parse(`${template.subject ?? ''}${template.body}`);
  } catch (error) {
    return [{ rule: 'invalid_syntax', detail: (error as Error).message.split('\n')[0] }];
  }
  return [...optOutProblems(template), ...whyUnpaidProblems(template), ...thirdPartyProblems(template)];
};
