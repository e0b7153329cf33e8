import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The register and workspace files the scan benchmarks write next to their corpus: one activity, one
 * source, the same controller (docs/ARCHITECTURE.md "Register", "Workspace file").
 */

const CATEGORY_NAMES: Readonly<Record<string, string>> = {
  'contact.name': '{ de: Name, en: Name }',
  'contact.email': '{ de: E-Mail-Adresse, en: Email address }',
  'contact.phone': '{ de: Telefonnummer, en: Phone number }',
  'contact.address': '{ de: Anschrift, en: Address }',
  'customer.id': '{ de: Kundennummer, en: Customer number }',
  'communication.content': '{ de: Inhalt der Kommunikation, en: Content of communication }',
};

export interface BenchActivity {
  readonly id: string;
  /** YAML flow maps, `{ de: …, en: … }`. */
  readonly name: string;
  readonly purpose: string;
  readonly categories: readonly string[];
  readonly legalBasis: readonly string[];
}

/** A register with this one activity and the names of its categories. */
export function benchRegisterYaml(writtenBy: string, a: BenchActivity): string {
  return `# Minimal register written by ${writtenBy}.
activities:
  - id: ${a.id}
    name: ${a.name}
    purposes: [${a.purpose}]
    categories: [${a.categories.join(', ')}]
    legalBasis: [${a.legalBasis.map((b) => `"${b}"`).join(', ')}]
    recipients: []
    retention: { de: Bis zum Ende gesetzlicher Aufbewahrungsfristen, en: Until statutory retention periods end }
    automatedDecisions: false
    localCopy: true
categories:
${a.categories.map((c) => `  - { id: ${c}, name: ${CATEGORY_NAMES[c] ?? `{ de: ${c}, en: ${c} }`} }`).join('\n')}
`;
}

/** A workspace with register.yaml beside it and one source (a YAML flow map). */
export function benchWorkspaceYaml(writtenBy: string, source: string): string {
  return `# Written by ${writtenBy}.
controller:
  name: Beispiel Firma GmbH
  address: "Zementwerk 1, 72622 Nürtingen"
  email: datenschutz@beispiel-firma.de
  supervisoryAuthority: "LfDI Baden-Württemberg, Lautenschlagerstraße 20, 70173 Stuttgart"
register: register.yaml
sources:
  - ${source}
`;
}

/** Writes register.yaml, auskunft.yaml and subject.yaml into `dir` and removes an old findings.json: the paths `auskunft search` takes. */
export function writeBenchWorkspace(dir: string, yaml: { register: string; workspace: string; subject: string }): { workspace: string; subject: string; out: string } {
  const paths = { workspace: join(dir, 'auskunft.yaml'), subject: join(dir, 'subject.yaml'), out: join(dir, 'findings.json') };
  writeFileSync(join(dir, 'register.yaml'), yaml.register);
  writeFileSync(paths.workspace, yaml.workspace);
  writeFileSync(paths.subject, yaml.subject);
  rmSync(paths.out, { force: true });
  return paths;
}
