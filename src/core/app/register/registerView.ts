import type { Lang, RegisterActivityView, RegisterIssue, RegisterView } from '../../../shared/api.js';
import { ConfigError, formatFieldPath } from '../../config/configError.js';
import { readYamlFile, type YamlFile } from '../../config/yamlFile.js';
import { crossCheckRegister } from '../../register/crossCheckRegister.js';
import { legalBasisText, localize, registerSchema, type LegalBasisCode, type LocalizedText } from '../../register/index.js';

/**
 * The register as the officer reads it, even when it is invalid: every activity is shown with what
 * could be read of it, and each validation problem appears under the activity it belongs to, with
 * its line. The search refuses an invalid register; this view is where it gets fixed.
 */
export function registerView(file: string, lang: Lang): RegisterView {
  let yaml: YamlFile;
  try {
    yaml = readYamlFile(file);
  } catch (err) {
    const issue = err instanceof ConfigError ? { path: err.field, line: err.line ?? null, message: err.detail } : { path: '', line: null, message: String(err) };
    return { file, valid: false, errors: [issue], activities: [], categories: [] };
  }
  const issues: Array<RegisterIssue & { readonly keyPath: ReadonlyArray<PropertyKey> }> = [];
  const parsed = registerSchema.safeParse(yaml.data);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const path = issue.code === 'unrecognized_keys' ? [...issue.path, issue.keys[0]!] : issue.path;
      issues.push({ keyPath: path, path: formatFieldPath(path), line: yaml.lineOf(path) ?? null, message: issue.code === 'unrecognized_keys' ? 'unknown field' : issue.message });
    }
  } else {
    try {
      crossCheckRegister(yaml, parsed.data);
    } catch (err) {
      if (!(err instanceof ConfigError)) throw err;
      const index = /^activities\[(\d+)\]/.exec(err.field)?.[1];
      issues.push({ keyPath: index === undefined ? [] : ['activities', Number(index)], path: err.field, line: err.line ?? null, message: err.detail });
    }
  }

  const data = (yaml.data ?? {}) as { activities?: unknown; categories?: unknown };
  const rawCategories = Array.isArray(data.categories) ? (data.categories as Record<string, unknown>[]) : [];
  const categoryName = new Map(rawCategories.map((c) => [String(c?.['id'] ?? ''), text(c?.['name'], lang) ?? String(c?.['id'] ?? '')]));
  const rawActivities = Array.isArray(data.activities) ? (data.activities as Record<string, unknown>[]) : [];
  const activities: RegisterActivityView[] = rawActivities.map((raw, index) => {
    const a = raw && typeof raw === 'object' ? raw : {};
    const list = (value: unknown, map: (item: unknown) => string | null) => (Array.isArray(value) ? value.map(map).filter((v): v is string => v !== null) : []);
    return {
      index,
      id: typeof a['id'] === 'string' ? a['id'] : null,
      name: text(a['name'], lang) ?? (typeof a['id'] === 'string' ? a['id'] : `#${index + 1}`),
      line: yaml.lineOf(['activities', index]) ?? null,
      purposes: list(a['purposes'], (p) => text(p, lang)),
      categories: list(a['categories'], (c) => (typeof c === 'string' ? (categoryName.get(c) ?? c) : null)),
      legalBasis: list(a['legalBasis'], (c) => (typeof c === 'string' ? safeLegalBasis(c, lang) : null)),
      recipients: list(a['recipients'], (r) => {
        const rec = r as Record<string, unknown> | null;
        const name = text(rec?.['name'], lang);
        return name ? `${name}${typeof rec?.['role'] === 'string' ? ` (${rec['role']})` : ''}` : null;
      }),
      transfers: list(a['transfers'], (t) => {
        const tr = t as Record<string, unknown> | null;
        if (!tr) return null;
        return [tr['country'], text(tr['recipient'], lang), text(tr['safeguard'], lang)].filter(Boolean).join(' — ');
      }),
      retention: text(a['retention'], lang),
      // `data-subject` reads as "from the person" (register.fromSubject); missing stays null ("not stated").
      source: a['source'] === 'data-subject' ? (lang === 'de' ? 'bei der Person selbst erhoben' : 'collected from the person') : text(a['source'], lang),
      automatedDecisions: a['automatedDecisions'] === false ? null : text(a['automatedDecisions'], lang),
      localCopy: typeof a['localCopy'] === 'boolean' ? a['localCopy'] : null,
      errors: issues.filter((i) => i.keyPath[0] === 'activities' && i.keyPath[1] === index).map(strip),
    };
  });
  return {
    file,
    valid: issues.length === 0,
    errors: issues.filter((i) => !(i.keyPath[0] === 'activities' && typeof i.keyPath[1] === 'number' && i.keyPath[1] < activities.length)).map(strip),
    activities,
    categories: [...categoryName].map(([id, name]) => ({ id, name })),
  };
}

function strip(issue: RegisterIssue & { readonly keyPath: ReadonlyArray<PropertyKey> }): RegisterIssue {
  return { path: issue.path, line: issue.line, message: issue.message };
}

/** A localized text as far as it can be read: a string, or `{ de, en }` in the wanted language. */
function text(value: unknown, lang: Lang): string | null {
  if (typeof value === 'string') return value;
  if (value && typeof value === 'object') {
    try {
      return localize(value as LocalizedText, lang);
    } catch {
      const v = value as Record<string, unknown>;
      return typeof v[lang] === 'string' ? (v[lang] as string) : typeof v['de'] === 'string' ? (v['de'] as string) : null;
    }
  }
  return null;
}

function safeLegalBasis(code: string, lang: Lang): string {
  try {
    return legalBasisText(code as LegalBasisCode, lang);
  } catch {
    return code;
  }
}
