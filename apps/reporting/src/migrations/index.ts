import { ReportingReadModels1764806400000 } from './1764806400000-reporting-read-models';
import { ParkedMessages1764892800000 } from './1764892800000-parked-messages';

/** Reporting's read-model schema, version by version, run in order at start (never synchronize). */
export const REPORTING_MIGRATIONS = [ReportingReadModels1764806400000, ParkedMessages1764892800000];
