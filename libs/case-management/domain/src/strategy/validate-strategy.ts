import { Temporal } from 'temporal-polyfill';
import { StrategyDocument } from './strategy.document';
import { validateCondition } from './validate-condition';
import { validatePath } from './validate-path';
import {
  at,
  isRecord,
  isWholeNumber,
  problem,
  Problems,
  requireText,
  StrategyProblem,
  uniqueIds,
} from './validation';

/**
 * Every reason the document is not a usable strategy, each at the JSON path of the failing value
 * (`segments[1].path.steps[0].offsetDays`); an empty list means it is valid.
 */
export const validateStrategy = (doc: unknown): StrategyProblem[] => {
  const out: Problems = [];
  if (!isRecord(doc)) return [problem('', 'wrong_type', 'a strategy must be an object')];
  requireText(doc, 'strategyId', '', out);
  requireText(doc, 'name', '', out);
  if (!isWholeNumber(doc['version']) || doc['version'] < 1)
    out.push(
      problem(
        'version',
        doc['version'] === undefined ? 'required' : 'wrong_type',
        'version must be a positive whole number',
      ),
    );
  if (!isLocalDate(doc['effectiveFrom']))
    out.push(
      problem(
        'effectiveFrom',
        doc['effectiveFrom'] === undefined ? 'required' : 'wrong_type',
        'effectiveFrom must be a date YYYY-MM-DD',
      ),
    );
  if (doc['sendTime'] !== undefined && !isLocalTime(doc['sendTime']))
    out.push(problem('sendTime', 'wrong_type', 'sendTime must be a time of day HH:MM'));
  const variantIds = doc['experiment'] === undefined ? [] : validateExperiment(doc['experiment'], out);
  validateSegments(doc['segments'], variantIds, out);
  return out;
};

export const isValidStrategy = (doc: unknown): doc is StrategyDocument => validateStrategy(doc).length === 0;

const validateSegments = (segments: unknown, variantIds: readonly string[], out: Problems): void => {
  if (!Array.isArray(segments) || segments.length === 0) {
    out.push(problem('segments', 'required', 'a strategy needs at least one segment'));
    return;
  }
  segments.forEach((segment, i) => validateSegment(segment, at('segments', i), variantIds, out));
  uniqueIds(segments, 'segments', out);
};

const validateSegment = (value: unknown, path: string, variantIds: readonly string[], out: Problems) => {
  if (!isRecord(value)) {
    out.push(problem(path, 'wrong_type', 'a segment must be an object'));
    return;
  }
  requireText(value, 'id', path, out);
  if (value['when'] !== undefined) validateCondition(value['when'], at(path, 'when'), out);
  validatePath(value['path'], at(path, 'path'), out);
  const variantPaths = value['variantPaths'];
  if (variantPaths === undefined) return;
  if (!isRecord(variantPaths)) {
    out.push(problem(at(path, 'variantPaths'), 'wrong_type', 'variantPaths maps variant ids to paths'));
    return;
  }
  for (const [variantId, variantPath] of Object.entries(variantPaths)) {
    const where = at(at(path, 'variantPaths'), variantId);
    if (!variantIds.includes(variantId))
      out.push(problem(where, 'unknown_variant', `"${variantId}" is not a variant of the experiment`));
    validatePath(variantPath, where, out);
  }
};

/** Returns the declared variant ids, so segments can refer to them. */
const validateExperiment = (value: unknown, out: Problems): string[] => {
  if (!isRecord(value)) {
    out.push(problem('experiment', 'wrong_type', 'experiment must be an object'));
    return [];
  }
  requireText(value, 'id', 'experiment', out);
  const variants = value['variants'];
  if (!Array.isArray(variants) || variants.length === 0) {
    out.push(problem('experiment.variants', 'required', 'an experiment needs at least one variant'));
    return [];
  }
  variants.forEach((variant, i) => validateVariant(variant, at('experiment.variants', i), out));
  uniqueIds(variants, 'experiment.variants', out);
  const shares = variants.map((v) => (isRecord(v) && isWholeNumber(v['share']) ? v['share'] : 0));
  const total = shares.reduce((sum, share) => sum + share, 0);
  if (total !== 100)
    out.push(problem('experiment.variants', 'shares_must_sum_to_100', `the shares sum to ${total}, not 100`));
  return variants.flatMap((v) => (isRecord(v) && typeof v['id'] === 'string' ? [v['id']] : []));
};

const validateVariant = (value: unknown, path: string, out: Problems): void => {
  if (!isRecord(value)) {
    out.push(problem(path, 'wrong_type', 'a variant must be an object'));
    return;
  }
  requireText(value, 'id', path, out);
  const share = value['share'];
  if (!isWholeNumber(share) || share < 0 || share > 100)
    out.push(
      problem(
        at(path, 'share'),
        share === undefined ? 'required' : 'wrong_type',
        'share must be a whole percentage 0–100',
      ),
    );
};

const isLocalDate = (value: unknown): value is string => {
  if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  try {
    return Temporal.PlainDate.from(value, { overflow: 'reject' }).toString() === value;
  } catch {
    return false;
  }
};

const isLocalTime = (value: unknown): value is string =>
  typeof value === 'string' && /^([01]\d|2[0-3]):[0-5]\d$/.test(value);
