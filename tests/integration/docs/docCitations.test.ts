import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../helpers/runCli.js';

/**
 * Code comments cite the design by section (`docs/ARCHITECTURE.md "Locators"`, `docs/STYLE.md §8`).
 * A citation of a section that was renamed or never existed sends the reader nowhere; a citation of a
 * file outside the repository is worse. Both fail here.
 */
const SKIP = new Set(['node_modules', 'dist', 'fixtures']);
// The config files at the root (eslint, vite, vitest, playwright, electron-builder, tsconfig*.json) cite them too.
const ROOT_FILES = readdirSync(REPO_ROOT, { withFileTypes: true })
  .filter((e) => e.isFile() && (/\.(ts|js|md|yaml|yml)$/.test(e.name) || /^tsconfig.*\.json$/.test(e.name)))
  .map((e) => e.name);
const CITING_ROOTS = ['src', 'tests', 'bench', 'scripts', 'assets', 'bin', ...ROOT_FILES];

function sourceFiles(path: string): string[] {
  const full = join(REPO_ROOT, path);
  let entries;
  try {
    entries = readdirSync(full, { withFileTypes: true });
  } catch {
    return ROOT_FILES.includes(path) || /\.(ts|tsx|js|md|yaml|yml)$/.test(path) ? [full] : [];
  }
  return entries.flatMap((e) =>
    SKIP.has(e.name) ? [] : e.isDirectory() ? sourceFiles(join(path, e.name)) : /\.(ts|tsx|js|md|yaml|yml)$/.test(e.name) ? [join(full, e.name)] : [],
  );
}

/** The text as a reader sees it: comment markers and line breaks folded into single spaces. */
const fold = (text: string): string => text.replace(/\n\s*(\*|\/\/|#)?\s*/g, ' ').replace(/\s+/g, ' ').toLowerCase();

// This file quotes the citation patterns themselves.
const files = CITING_ROOTS.flatMap(sourceFiles).filter((f) => !f.endsWith('docCitations.test.ts'));
const architecture = fold(readFileSync(join(REPO_ROOT, 'docs/ARCHITECTURE.md'), 'utf8'));
const styleSections = new Set([...readFileSync(join(REPO_ROOT, 'docs/STYLE.md'), 'utf8').matchAll(/^(\d+)\. \*\*/gm)].map((m) => Number(m[1])));

describe('citations of the design docs', () => {
  it('finds the files that cite them (so the checks below are not vacuous)', () => {
    const citing = files.filter((f) => readFileSync(f, 'utf8').includes('docs/ARCHITECTURE.md "'));
    expect(citing.length).toBeGreaterThan(20);
  });

  it('names only sections that docs/ARCHITECTURE.md has', () => {
    const missing: string[] = [];
    for (const file of files) {
      for (const m of fold(readFileSync(file, 'utf8')).matchAll(/docs\/architecture\.md:? "([^"]{1,160})"/g)) {
        const quote = m[1]!.replace(/\.\.\./g, '').trim();
        if (!architecture.includes(quote)) missing.push(`${relative(REPO_ROOT, file)}: "${quote}"`);
      }
    }
    expect(missing).toEqual([]);
  });

  it('names only sections that docs/STYLE.md has', () => {
    const missing: string[] = [];
    for (const file of files) {
      for (const m of readFileSync(file, 'utf8').matchAll(/docs\/STYLE\.md §(\d+)/g)) {
        if (!styleSections.has(Number(m[1]))) missing.push(`${relative(REPO_ROOT, file)}: §${m[1]}`);
      }
    }
    expect(styleSections.size).toBe(13);
    expect(missing).toEqual([]);
  });

  it('never cites a design file that is not in the repository', () => {
    const outside = files.filter((f) => /(?<![\w/])(DESIGN|STYLE)\.md/.test(readFileSync(f, 'utf8'))).map((f) => relative(REPO_ROOT, f));
    expect(outside).toEqual([]);
  });
});
