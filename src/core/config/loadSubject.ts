import { SubjectSchema, type Subject } from '../../shared/subject.js';
import { ConfigError } from './configError.js';
import { readYamlFile, validateYaml } from './yamlFile.js';
import { compileSubject, InvalidIdentifierError } from '../identity/compileSubject.js';
import type { SubjectQuery } from '../domain/subjectQuery.js';

/** A subject file, validated, and compiled for matching. */
export interface LoadedSubject {
  readonly subject: Subject;
  readonly query: SubjectQuery;
}

/**
 * Read `subject.yaml` or `.json` (docs/ARCHITECTURE.md "Subject"). An identifier that cannot be normalized
 * (a phone number without area code) is a ConfigError: searching with it would miss data silently.
 */
export function loadSubject(file: string): LoadedSubject {
  const yaml = readYamlFile(file);
  const subject = validateYaml(yaml, SubjectSchema);
  try {
    return { subject, query: compileSubject(subject) };
  } catch (err) {
    if (err instanceof InvalidIdentifierError) {
      const path = err.field.split(/[.[\]]/).filter(Boolean).map((p) => (/^\d+$/.test(p) ? Number(p) : p));
      throw new ConfigError(file, err.field, err.reason, yaml.lineOf(path));
    }
    throw err;
  }
}
