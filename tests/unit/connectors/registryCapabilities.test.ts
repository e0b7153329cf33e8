import { describe, expect, it } from 'vitest';
import type { Connector, SourceBase } from '../../../src/core/connectors/connector.js';
import { connectorTypes, findConnector, loadConnector } from '../../../src/core/connectors/registry.js';

/*
 * findConnector is what the workspace loader hands to search, check and export (packageFiles asks
 * `connector.readOriginals` to decide whether a source reads its originals in one pass). A capability
 * the real connector has but the registered one lacks is silently lost in production: ticket
 * originals were never read because the lazy wrapper forgot readOriginals.
 */
const CAPABILITIES = ['check', 'search', 'readOriginal', 'readOriginals', 'readPageImage', 'describeTables'] as const satisfies ReadonlyArray<keyof Connector>;

function capabilitiesOf(connector: Connector<SourceBase> | undefined): string[] {
  return CAPABILITIES.filter((name) => typeof connector?.[name] === 'function');
}

describe('connector registry capabilities', () => {
  it.each(connectorTypes())('the registered %s connector offers every capability the connector has', async (type) => {
    const real = await loadConnector(type);
    expect(capabilitiesOf(findConnector(type))).toEqual(capabilitiesOf(real));
  });

  it('tickets read their originals in one pass in production', () => {
    expect(findConnector('tickets')?.readOriginals).toBeTypeOf('function');
  });
});
