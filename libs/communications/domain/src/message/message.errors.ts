/**
 * - `message_unknown` — no message with this id was requested.
 * - `not_allowed` — the contact policy did not allow this message: it cannot be sent.
 */
export type MessageRuleCode = 'message_unknown' | 'not_allowed';

export class MessageRuleViolated extends Error {
  constructor(readonly code: MessageRuleCode) {
    super(code);
    this.name = 'MessageRuleViolated';
  }
}
