import { ConfigError, formatFieldPath } from '../config/configError.js';
import type { YamlFile } from '../config/yamlFile.js';
import { isSpecialCategoryException } from './legalBasis.js';
import type { Register } from './registerSchema.js';

/**
 * Checks that span fields, after the schema passed. Each one guards a statement in the Art. 15
 * letter: an unknown or duplicated id would put the wrong categories (Art. 15(1)(b)) or the wrong
 * purposes (Art. 15(1)(a)) in front of the data subject. Throws the first problem in file order.
 */
export function crossCheckRegister(yaml: YamlFile, register: Register): void {
  const fail = (path: ReadonlyArray<PropertyKey>, detail: string): never => {
    throw new ConfigError(yaml.file, formatFieldPath(path), detail, yaml.lineOf(path));
  };
  const where = (path: ReadonlyArray<PropertyKey>): string => {
    const line = yaml.lineOf(path);
    return `${formatFieldPath(path)}${line ? `, line ${line}` : ''}`;
  };

  const activityIds = new Map<string, number>();
  register.activities.forEach((activity, i) => {
    const first = activityIds.get(activity.id);
    if (first !== undefined) {
      fail(['activities', i, 'id'], `duplicate activity id "${activity.id}" (first at ${where(['activities', first, 'id'])})`);
    }
    activityIds.set(activity.id, i);
  });

  const categoryIds = new Map<string, number>();
  register.categories.forEach((category, i) => {
    const first = categoryIds.get(category.id);
    if (first !== undefined) {
      fail(['categories', i, 'id'], `duplicate category id "${category.id}" (first at ${where(['categories', first, 'id'])})`);
    }
    categoryIds.set(category.id, i);
  });

  register.activities.forEach((activity, i) => {
    const seen = new Set<string>();
    activity.categories.forEach((id, j) => {
      if (!categoryIds.has(id)) fail(['activities', i, 'categories', j], `unknown category "${id}"`);
      if (seen.has(id)) fail(['activities', i, 'categories', j], `category "${id}" is listed twice`);
      seen.add(id);
    });

    // Art. 9(2) only lifts the Art. 9(1) ban; the processing still needs an Art. 6(1) ground
    // (recital 51 GDPR; CJEU C-667/21 of 21 December 2023).
    const exception = activity.legalBasis.findIndex(isSpecialCategoryException);
    const exceptionCode = activity.legalBasis[exception];
    if (exceptionCode !== undefined && activity.legalBasis.every(isSpecialCategoryException)) {
      fail(
        ['activities', i, 'legalBasis', exception],
        `"${exceptionCode}" only lifts the Art. 9(1) ban: add an Art. 6(1) legal basis as well`,
      );
    }
  });
}
