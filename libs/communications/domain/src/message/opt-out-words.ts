// The keywords carriers and the law recognise (CTIA: STOP, UNSUBSCRIBE…; Spanish: BAJA, ALTO…),
// and a few free-text phrasings.
const KEYWORDS = new Set([
  'stop',
  'stopall',
  'unsubscribe',
  'cancel',
  'end',
  'quit',
  'baja',
  'alto',
  'parar',
  'cancelar',
]);
const PHRASES = [
  /no me (llamen|escriban|contacten)/i,
  /do not (contact|call|text|email) me/i,
  /stop (calling|texting|emailing)/i,
];

/** True when a reply asks to stop messages, in English or Spanish. */
export const isOptOut = (text: string): boolean => {
  const word = text.trim().toLowerCase().replace(/[.!¡]/g, '');
  return KEYWORDS.has(word) || PHRASES.some((p) => p.test(text));
};
