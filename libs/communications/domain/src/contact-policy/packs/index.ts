import type { RulePack } from '../rule-pack';
import { CO_LEY_2300 } from './co-ley-2300';
import { MX_CONDUSEF } from './mx-condusef';
import { US_REGULATION_F } from './us-regulation-f';

export { CO_LEY_2300, MX_CONDUSEF, US_REGULATION_F };

/** Every rule pack version the platform ships; a new version is added, never edited in place. */
export const RULE_PACKS: readonly RulePack[] = [US_REGULATION_F, CO_LEY_2300, MX_CONDUSEF];
