import { readFileSync } from 'node:fs';
import { LineCounter, parseDocument, isNode, type Document } from 'yaml';
import type { ZodType, core } from 'zod';
import { fieldIssueFromZod, issueText } from '../../shared/fieldMessages.js';
import { ConfigError, formatFieldPath } from './configError.js';

/** A parsed YAML (or JSON, which is YAML) file that can point back at the line of any field. */
export interface YamlFile {
  readonly file: string;
  readonly data: unknown;
  lineOf(path: ReadonlyArray<PropertyKey>): number | undefined;
}

/** Read and parse a YAML/JSON file; syntax errors and unreadable files become a ConfigError. */
export function readYamlFile(file: string): YamlFile {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    throw new ConfigError(file, '', code === 'ENOENT' ? 'file not found' : `cannot read file (${code ?? String(err)})`);
  }
  return parseYamlText(file, text);
}

export function parseYamlText(file: string, text: string): YamlFile {
  const lineCounter = new LineCounter();
  // uniqueKeys: a duplicated key in a register is a mistake, not a silent override.
  const doc = parseDocument(text.replace(/^\uFEFF/, ''), { lineCounter, prettyErrors: false, uniqueKeys: true });
  const first = doc.errors[0];
  if (first) {
    const line = lineCounter.linePos(first.pos[0]).line;
    throw new ConfigError(file, '', `invalid YAML: ${first.message.split('\n')[0]}`, line);
  }
  return {
    file,
    data: doc.toJS({ maxAliasCount: 100 }),
    lineOf: (path) => lineOfPath(doc, lineCounter, path),
  };
}

function lineOfPath(doc: Document, lc: LineCounter, path: ReadonlyArray<PropertyKey>): number | undefined {
  // Walk up until a node exists: a missing field is reported at its parent's line.
  for (let n = path.length; n >= 0; n--) {
    const node = doc.getIn(path.slice(0, n) as unknown[], true);
    if (isNode(node) && node.range) return lc.linePos(node.range[0]).line;
  }
  return undefined;
}

/** Validate `data` (or a part of it at `basePath`) with a zod schema; the first issue becomes a ConfigError. */
export function validateYaml<T>(yaml: YamlFile, schema: ZodType<T>, value: unknown = yaml.data, basePath: ReadonlyArray<PropertyKey> = []): T {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  throw issueToConfigError(yaml, result.error.issues[0]!, basePath);
}

export function issueToConfigError(yaml: YamlFile, issue: core.$ZodIssue, basePath: ReadonlyArray<PropertyKey> = []): ConfigError {
  let path = [...basePath, ...issue.path];
  // zod's "Invalid input: expected object, received undefined" names neither the field nor what to
  // write; the shared mapping says it (the same texts the app shows at its fields). A schema's own
  // message ("required", "expected a register with …") already says it and is kept.
  let message = issue.code === 'invalid_type' && issue.message.startsWith('Invalid input') ? issueText(fieldIssueFromZod(issue), 'en') : issue.message;
  if (issue.code === 'unrecognized_keys') {
    // Point at the unknown key itself: a typo like `pasword:` should name `pasword`.
    path = [...path, issue.keys[0]!];
    message = 'unknown field';
  }
  return new ConfigError(yaml.file, formatFieldPath(path), message, yaml.lineOf(path));
}
