import type { ReviewState } from './reviewTypes.js';

/** A finding as duplicate grouping needs it: its id, its group (search/duplicateKey.ts) and its review state. */
export interface GroupMember {
  readonly id: string;
  readonly duplicateKey: string | null;
  readonly state: ReviewState;
}

/** A group whose copies were decided differently (one included, another excluded): it is never sent. */
export interface DuplicateConflict {
  readonly findings: string[];
  readonly states: ReviewState[];
}

export interface GroupStates {
  /** The findings that go into the copy: every copy of a group with an included one, unless it conflicts. */
  readonly included: Set<string>;
  readonly conflicts: DuplicateConflict[];
}

/**
 * The review state of each duplicate group as a whole. A decision in review applies to every copy
 * (decideFindings), so a group normally agrees; it disagrees when copies were decided before they
 * were known to be copies (an older run, a new source). Then an include and an exclude of the same
 * data conflict: the group is held back and named, never sent or dropped silently. A pending copy of
 * an included group goes in with it: it is the same data.
 */
export function resolveGroupStates(members: Iterable<GroupMember>): GroupStates {
  const included = new Set<string>();
  const groups = new Map<string, GroupMember[]>();
  for (const m of members) {
    if (m.duplicateKey === null) {
      if (m.state === 'included') included.add(m.id);
      continue;
    }
    const list = groups.get(m.duplicateKey);
    if (list) list.push(m);
    else groups.set(m.duplicateKey, [m]);
  }
  const conflicts: DuplicateConflict[] = [];
  for (const list of groups.values()) {
    const states = new Set(list.map((m) => m.state));
    if (!states.has('included')) continue;
    if (states.has('excluded')) {
      conflicts.push({ findings: list.map((m) => m.id), states: list.map((m) => m.state) });
      continue;
    }
    for (const m of list) included.add(m.id);
  }
  return { included, conflicts };
}
