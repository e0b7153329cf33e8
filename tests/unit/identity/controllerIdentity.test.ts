import { describe, expect, it } from 'vitest';
import { compileControllerIdentity } from '../../../src/core/identity/controllerIdentity.js';

const controller = {
  name: 'Fluxpunkt GmbH',
  address: 'Zementwerk 1, 72622 Nürtingen',
  email: 'Datenschutz@Fluxpunkt.example',
  phone: '+49 7022 7896848-0',
  supervisoryAuthority: 'LfDI BW',
  ownDomains: ['@fluxpunkt.de'],
  roleAddresses: ['kasse@', 'team-sued@partner.example'],
  switchboardNumbers: ['0800 1234567'],
};

describe('compileControllerIdentity', () => {
  const identity = compileControllerIdentity(controller);

  it('guards the controller address, every address at its domains and the listed role mailboxes', () => {
    expect(identity.guardEmail('datenschutz@fluxpunkt.example')).toEqual({ kind: 'controller-address', value: 'datenschutz@fluxpunkt.example' });
    expect(identity.guardEmail('vertrieb@fluxpunkt.example')).toEqual({ kind: 'controller-domain', domain: 'fluxpunkt.example' });
    expect(identity.guardEmail('m.muster@fluxpunkt.de')).toEqual({ kind: 'controller-domain', domain: 'fluxpunkt.de' });
    expect(identity.guardEmail('info@beispiel-gmbh.de')).toEqual({ kind: 'role-address', value: 'info@beispiel-gmbh.de' });
    expect(identity.guardEmail('kasse@beispiel-gmbh.de')).toEqual({ kind: 'role-address', value: 'kasse@beispiel-gmbh.de' });
    expect(identity.guardEmail('team-sued@partner.example')).toEqual({ kind: 'controller-address', value: 'team-sued@partner.example' });
  });

  it('leaves a person at another domain alone, also when the local part only starts like a role', () => {
    expect(identity.guardEmail('j.weiss@beispiel-gmbh.de')).toBeUndefined();
    expect(identity.guardEmail('info.weiss@beispiel-gmbh.de')).toBeUndefined();
    expect(identity.guardEmail('j.weiss@fluxpunkt.example.org')).toBeUndefined();
  });

  it('guards the switchboard with and without its "-0" and the listed hotline', () => {
    expect(identity.guardPhone('+49702278968480')?.kind).toBe('switchboard');
    expect(identity.guardPhone('+4970227896848')?.kind).toBe('switchboard');
    expect(identity.guardPhone('+498001234567')?.kind).toBe('switchboard');
    expect(identity.guardPhone('+4971112345678')).toBeUndefined();
  });
});
