import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

// A placeholder such as `libs/contracts/src/<context>/` is a pattern, not a path.
const REPO_PATH = /`((?:apps|libs|tools|docs|deploy)\/[^`\s<>]*)`/g;

/** The repository paths a Markdown file names in backticks (`apps/ledger/src/main.ts`). */
export const documentedPaths = (markdown: string): string[] => [
  ...new Set([...markdown.matchAll(REPO_PATH)].map((m) => m[1])),
];

/** The paths a document names that do not exist under `root`: a doc must not point at files that moved. */
export const missingDocumentedPaths = (file: string, root: string): string[] =>
  documentedPaths(readFileSync(join(root, file), 'utf8')).filter((p) => !existsSync(join(root, p)));
