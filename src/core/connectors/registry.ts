import type { Connector, SourceBase } from './connector.js';

/**
 * Every source type Auskunft can search, by the `type` a workspace names (STYLE.md §6: an explicit
 * registry; an unknown type fails loudly instead of being skipped).
 */
const connectors: ReadonlyArray<Connector<SourceBase>> = [
  // Each connector adds itself here, one line each.
];

const byType = new Map(connectors.map((c) => [c.type, c] as const));

export function connectorTypes(): string[] {
  return [...byType.keys()];
}

/** The connector for `type`, or undefined: the workspace loader turns that into a ConfigError. */
export function findConnector(type: string): Connector<SourceBase> | undefined {
  return byType.get(type);
}
