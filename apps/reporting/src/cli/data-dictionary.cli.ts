// `node -r ./tools/register.cjs apps/reporting/src/cli/data-dictionary.cli.ts`: writes
// apps/reporting/DATA_DICTIONARY.md from the read-model entities (a unit test fails when it is stale).
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { dataDictionary } from '../read-models/data-dictionary';

writeFileSync(join(__dirname, '..', '..', 'DATA_DICTIONARY.md'), dataDictionary());
