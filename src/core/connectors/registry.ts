import type { Connector, SourceBase } from './connector.js';
import { callsConnector } from './calls/callsConnector.js';
import { contactsConnector } from './contacts/contactsConnector.js';
import { documentsConnector } from './documents/documentsConnector.js';
import { emlConnector } from './eml/emlConnector.js';
import { imapConnector } from './imap/imapConnector.js';
import { maildirConnector } from './maildir/maildirConnector.js';
import { mboxConnector } from './mbox/mboxConnector.js';
import { tableConnector } from './table/tableConnector.js';
import { ticketsConnector } from './tickets/ticketsConnector.js';
import { weblogConnector } from './weblog/weblogConnector.js';

/**
 * Every source type Auskunft can search, by the `type` a workspace names (STYLE.md §6: an explicit
 * registry; an unknown type fails loudly instead of being skipped).
 */
const connectors: ReadonlyArray<Connector<SourceBase>> = [
  // Each connector adds itself here, one line each.
  mboxConnector as Connector<SourceBase>,
  emlConnector as Connector<SourceBase>,
  maildirConnector as Connector<SourceBase>,
  imapConnector as Connector<SourceBase>,
  tableConnector as Connector<SourceBase>,
  weblogConnector as Connector<SourceBase>,
  ticketsConnector as Connector<SourceBase>,
  documentsConnector as Connector<SourceBase>,
  callsConnector as Connector<SourceBase>,
  contactsConnector as Connector<SourceBase>,
];

const byType = new Map(connectors.map((c) => [c.type, c] as const));

export function connectorTypes(): string[] {
  return [...byType.keys()];
}

/** The connector for `type`, or undefined: the workspace loader turns that into a ConfigError. */
export function findConnector(type: string): Connector<SourceBase> | undefined {
  return byType.get(type);
}
