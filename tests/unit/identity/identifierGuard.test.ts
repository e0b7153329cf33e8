import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { strengthOf } from '../../../src/core/identity/compileSubject.js';
import { compileControllerIdentity } from '../../../src/core/identity/controllerIdentity.js';
import { guardIdentifiers, OVER_BROAD_MIN_FINDINGS, overBroadIdentifiers } from '../../../src/core/identity/identifierGuard.js';
import { normalizeSubject } from '../../../src/core/identity/subjectIdentifiers.js';
import { loadWorkspace } from '../../../src/core/workspace/loadWorkspace.js';
import type { Finding } from '../../../src/shared/findings.js';

const SAMPLE = join(import.meta.dirname, '..', '..', '..', 'assets', 'sample', 'auskunft.yaml');

describe('guardIdentifiers on the sample workspace', () => {
  const controller = compileControllerIdentity(loadWorkspace(SAMPLE).controller);

  it("names the controller's role addresses, its own address, domain, a role mailbox elsewhere and its switchboard", () => {
    const { identifiers } = normalizeSubject({
      name: 'Jürgen Weiß',
      emails: ['j.weiss@beispiel-gmbh.de', 'Vertrieb@Fluxpunkt.example', 'datenschutz@fluxpunkt.example', 'm.muster@fluxpunkt.example', 'info@beispiel-gmbh.de'],
      phones: ['+49 7022 7896848-0', '0711 12345678'],
      customerIds: [],
      ips: [],
      otherIds: [],
    });
    const { guards, warnings } = guardIdentifiers(identifiers, controller);
    expect(warnings.map((w) => [w.kind, w.value])).toEqual([
      ['controller-address', 'vertrieb@fluxpunkt.example'],
      ['controller-address', 'datenschutz@fluxpunkt.example'],
      ['controller-domain', 'm.muster@fluxpunkt.example'],
      ['role-address', 'info@beispiel-gmbh.de'],
      ['switchboard', '+49702278968480'],
    ]);
    expect(warnings[0]!.message).toMatch(/^email vertrieb@fluxpunkt\.example is the controller's own address/);
    expect(guards.has('email:j.weiss@beispiel-gmbh.de')).toBe(false);
    expect(guards.has('phone:+4971112345678')).toBe(false);
  });

  it('lets a guarded match count like a name: it never makes a finding strong', () => {
    expect(strengthOf([{ type: 'email', value: 'vertrieb@fluxpunkt.example', guard: 'controller-address' }, { type: 'name', value: 'Jürgen Weiß' }])).toBe('weak');
    expect(strengthOf([{ type: 'email', value: 'vertrieb@fluxpunkt.example', guard: 'controller-address' }, { type: 'email', value: 'j.weiss@beispiel-gmbh.de' }])).toBe('strong');
  });
});

describe('overBroadIdentifiers', () => {
  const finding = (n: number, matches: Finding['matches']): Finding => ({ id: `f${n}`, source: 'weblog', locator: { line: n }, strength: 'strong', matches, activities: [], categories: [], title: '', date: null });
  const ip = { type: 'ip' as const, value: '198.51.100.10' };

  it('flags an identifier that alone matches more than a quarter of the records, and at least the minimum', () => {
    const findings = Array.from({ length: 30 }, (_, i) => finding(i + 1, [ip]));
    expect([...overBroadIdentifiers(findings, 100).values()]).toEqual([{ ...ip, findings: 30 }]);
    expect(overBroadIdentifiers(findings, 200).size).toBe(0); // 15 %
  });

  it('leaves a small source alone and does not count findings that another identifier also matched', () => {
    expect(overBroadIdentifiers(Array.from({ length: OVER_BROAD_MIN_FINDINGS - 1 }, (_, i) => finding(i + 1, [ip])), 20).size).toBe(0);
    const withEmail = Array.from({ length: 30 }, (_, i) => finding(i + 1, [ip, { type: 'email', value: 'anna.berg@kunde.example' }]));
    expect(overBroadIdentifiers(withEmail, 40).size).toBe(0);
  });
});
