import type { SearchResult } from '../../shared/findings.js';
import type { SourceBase } from '../connectors/connector.js';
import { activitiesForSourceType } from '../register/activitiesForSourceType.js';
import type { Activity, Register } from '../register/registerSchema.js';

/**
 * Register activities that keep a local copy but that no searched source covers (EDPB Guidelines
 * 01/2022: the controller searches all its systems): nobody looked for the person's data there.
 * A source covers the activities it lists, or its type's register default; a failed source covers
 * nothing.
 */
export function unsearchedActivities(register: Register, configs: readonly SourceBase[], searched: SearchResult['sources']): Activity[] {
  const config = new Map(configs.map((c) => [c.id, c]));
  const covered = new Set<string>();
  for (const s of searched) {
    if (s.status === 'failed') continue;
    for (const id of config.get(s.id)?.activities ?? activitiesForSourceType(register, s.type)) covered.add(id);
  }
  return register.activities.filter((a) => a.localCopy && !covered.has(a.id));
}
