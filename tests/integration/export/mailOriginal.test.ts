import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { OriginalContext } from '../../../src/core/connectors/connector.js';
import { emlConnector } from '../../../src/core/connectors/eml/emlConnector.js';
import { maildirConnector } from '../../../src/core/connectors/maildir/maildirConnector.js';
import { mboxConnector } from '../../../src/core/connectors/mbox/mboxConnector.js';
import { environmentSecrets } from '../../../src/core/search/secrets.js';
import { tempDir } from '../helpers/runCli.js';

const message = (id: string, body: string) => `From: a@example.de\r\nSubject: s\r\nMessage-ID: <${id}>\r\n\r\n${body}\r\n`;
const context = (dir: string): OriginalContext => ({ signal: new AbortController().signal, sourceId: 's', resolvePath: (p) => resolve(dir, p), resolveSecret: environmentSecrets });

describe('readOriginal of the mail connectors', () => {
  it('mbox: the message at the offset, un-escaped, up to the next message; null if another message is there now', async () => {
    const dir = tempDir();
    const first = 'From a@example.de Mon Jan 20 10:00:00 2025\n' + message('one@x', 'first\n>From the start').replace(/\r/g, '');
    const second = 'From b@example.de Mon Jan 20 11:00:00 2025\n' + message('two@x', 'second').replace(/\r/g, '');
    writeFileSync(join(dir, 'm.mbox'), `${first}\n${second}`);
    const config = mboxConnector.configSchema.parse({ id: 'm', type: 'mbox', path: 'm.mbox' });
    const offset = first.length + 1;
    const original = await mboxConnector.readOriginal!(config, { messageId: 'two@x', path: 'm.mbox', offset }, context(dir));
    expect(original?.filename).toBe('two@x.eml');
    expect(original?.bytes.toString()).toBe(message('two@x', 'second').replace(/\r/g, '').replace(/\n$/, ''));
    const one = await mboxConnector.readOriginal!(config, { messageId: 'one@x', path: 'm.mbox', offset: 0 }, context(dir));
    expect(one?.bytes.toString()).toContain('\nFrom the start'); // mboxrd quoting undone
    expect(await mboxConnector.readOriginal!(config, { messageId: 'one@x', path: 'm.mbox', offset }, context(dir))).toBeNull();
    const gone = mboxConnector.configSchema.parse({ id: 'm', type: 'mbox', path: 'gone.mbox' });
    expect(await mboxConnector.readOriginal!(gone, { messageId: 'two@x', path: 'gone.mbox', offset }, context(dir))).toBeNull();
  });

  it('eml: the file, but never one outside the configured folder', async () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'mails'));
    writeFileSync(join(dir, 'mails', 'a.eml'), message('a@x', 'hello'));
    writeFileSync(join(dir, 'secret.eml'), message('s@x', 'not yours'));
    const config = emlConnector.configSchema.parse({ id: 'e', type: 'eml', path: 'mails' });
    expect((await emlConnector.readOriginal!(config, { messageId: 'a@x', path: 'mails/a.eml' }, context(dir)))?.bytes.toString()).toContain('hello');
    expect(await emlConnector.readOriginal!(config, { messageId: 's@x', path: 'mails/../secret.eml' }, context(dir))).toBeNull();
    expect(await emlConnector.readOriginal!(config, { messageId: 'other@x', path: 'mails/a.eml' }, context(dir))).toBeNull();
  });

  it('maildir: follows a message that was renamed by a flag change or moved from new/ to cur/', async () => {
    const dir = tempDir();
    for (const sub of ['cur', 'new', 'tmp']) mkdirSync(join(dir, 'Maildir', sub), { recursive: true });
    writeFileSync(join(dir, 'Maildir', 'new', '1700000000.M1P1.host'), message('m@x', 'maildir body'));
    const config = maildirConnector.configSchema.parse({ id: 'd', type: 'maildir', path: 'Maildir' });
    renameSync(join(dir, 'Maildir', 'new', '1700000000.M1P1.host'), join(dir, 'Maildir', 'cur', '1700000000.M1P1.host:2,RS'));
    const original = await maildirConnector.readOriginal!(config, { messageId: 'm@x', path: 'Maildir/new/1700000000.M1P1.host' }, context(dir));
    expect(original?.bytes.toString()).toContain('maildir body');
  });
});
