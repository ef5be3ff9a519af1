/** A raw row for the topic log: headers already built, payload already JSON. */
export type LogRow = Readonly<{
  key: string;
  messageId: string;
  headers: Record<string, string>;
  payloadText: string;
}>;
