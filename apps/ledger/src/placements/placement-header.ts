import { PLACEMENT_FIELDS, REQUIRED_PLACEMENT_FIELDS } from './placement-row';

/** The upload is not a placement file at all (its header, its syntax, its size): refused before anything is stored. */
export class NotAPlacementFile extends Error {
  constructor(
    readonly reason: string,
    readonly status: 400 | 413 = 400,
  ) {
    super(reason);
    this.name = 'NotAPlacementFile';
  }
}

/** The columns a placement header may have and must have. */
export const expectedColumns = (withDefaultCreditor: boolean) => ({
  expectedColumns: [...PLACEMENT_FIELDS],
  requiredColumns: withDefaultCreditor
    ? [...REQUIRED_PLACEMENT_FIELDS]
    : ['creditorId', ...REQUIRED_PLACEMENT_FIELDS],
});

/** Why these column names are not a placement header, or null. NDJSON keys are checked for unknown names only. */
export const headerProblem = (
  columns: readonly string[],
  { withDefaultCreditor, complete }: { withDefaultCreditor: boolean; complete: boolean },
): string | null => {
  const known = new Set<string>(PLACEMENT_FIELDS);
  const unknown = columns.filter((c) => !known.has(c));
  const repeated = columns.filter((c, i) => columns.indexOf(c) !== i);
  const missing = complete
    ? expectedColumns(withDefaultCreditor).requiredColumns.filter((c) => !columns.includes(c))
    : [];
  const problems = [
    unknown.length ? `unknown columns: ${unknown.slice(0, 10).map(quoted).join(', ')}` : '',
    repeated.length ? `repeated columns: ${repeated.slice(0, 10).join(', ')}` : '',
    missing.length ? `missing columns: ${missing.join(', ')}` : '',
  ].filter(Boolean);
  return problems.length ? `not a placement header (${problems.join('; ')})` : null;
};

/** Column names from a hostile file are shown short and printable. */
const quoted = (name: string) => JSON.stringify(name.length > 40 ? `${name.slice(0, 40)}…` : name);
