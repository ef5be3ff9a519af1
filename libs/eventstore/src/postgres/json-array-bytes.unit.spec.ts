import { jsonArrayBytes } from './postgres-event-store';

describe('jsonArrayBytes', () => {
  it('writes the same UTF-8 bytes as joining the texts into a JSON array', () => {
    const cases: string[][] = [
      [],
      ['{}'],
      ['{"a":1}', '"x"', 'null'],
      // 2-, 3- and 4-byte characters (a surrogate pair), and a text of only multi-byte characters.
      ['{"name":"Peña Muñoz"}', '{"note":"€ 5 — 東京"}', '{"emoji":"💸🧾"}', '"ééééé"'],
      [JSON.stringify({ big: 'x'.repeat(100_000) }), '{"after":true}'],
    ];
    for (const texts of cases) {
      const bytes = jsonArrayBytes(texts);
      expect(bytes.equals(Buffer.from(`[${texts.join(',')}]`, 'utf8'))).toBe(true);
      expect(JSON.parse(bytes.toString('utf8'))).toEqual(texts.map((t) => JSON.parse(t)));
    }
  });
});
