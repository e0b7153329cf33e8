import { describe, expect, it } from 'vitest';
import { connectorTypes, findConnector, loadConnector, registeredOriginals } from '../../../src/core/connectors/registry.js';

/*
 * The registry loads connectors lazily and so states two facts about each without loading it: its
 * config schema and whether it has readOriginal. A connector that gains or loses readOriginal, or
 * changes its schema, must not leave the registry saying otherwise (the export would ship rows
 * where originals exist, or call a readOriginal that is not there).
 */
describe('connector registry', () => {
  it.each(connectorTypes())('describes the %s connector as the connector itself does', async (type) => {
    const real = await loadConnector(type);
    const deferred = findConnector(type);
    expect(real?.type).toBe(type);
    expect(deferred?.configSchema).toBe(real?.configSchema);
    expect(registeredOriginals(type)).toBe(real?.readOriginal !== undefined);
    expect(deferred?.readOriginal !== undefined).toBe(real?.readOriginal !== undefined);
  });

  it('knows every source type of the design, and no unknown one', () => {
    expect(connectorTypes().sort()).toEqual(['calls', 'contacts', 'database', 'documents', 'eml', 'imap', 'maildir', 'mbox', 'outlook', 'table', 'tickets', 'weblog']);
    expect(findConnector('ftp')).toBeUndefined();
  });
});
