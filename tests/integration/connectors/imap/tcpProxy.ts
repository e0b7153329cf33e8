import { createServer, connect, type Server, type Socket } from 'node:net';
import { createServer as createTlsServer, type TLSSocket } from 'node:tls';

/**
 * A loopback TCP proxy in front of Dovecot that counts what the server sends: the proof that a
 * binary attachment never crossed the wire is measured on the socket, not taken from the client's
 * own bookkeeping. With `tls`, it terminates TLS with the given certificate (a self-signed one for
 * the certificate tests) and talks plain IMAP to Dovecot.
 */
export interface TcpProxy {
  readonly port: number;
  /** Bytes from the server to the client, over all connections so far. */
  readonly bytesToClient: number;
  /** Connections accepted so far (a reconnect shows up as a second one). */
  readonly connections: number;
  /** What clients sent (IMAP commands), as latin1 text: only small, so tests can read it. */
  readonly clientText: string;
  close(): Promise<void>;
}

export async function startTcpProxy(targetPort: number, tls?: { key: Buffer; cert: Buffer }): Promise<TcpProxy> {
  let bytesToClient = 0;
  let connections = 0;
  let clientText = '';
  const sockets = new Set<Socket>();

  const onClient = (client: Socket | TLSSocket): void => {
    connections++;
    const upstream = connect({ host: '127.0.0.1', port: targetPort });
    sockets.add(client);
    sockets.add(upstream);
    upstream.on('data', (chunk: Buffer) => {
      bytesToClient += chunk.length;
      client.write(chunk);
    });
    client.on('data', (chunk: Buffer) => {
      // Commands only: the tests never APPEND through the proxy. Capped, to stay harmless if one did.
      if (clientText.length < 1_000_000) clientText += chunk.toString('latin1');
      upstream.write(chunk);
    });
    const end = (): void => {
      client.destroy();
      upstream.destroy();
      sockets.delete(client);
      sockets.delete(upstream);
    };
    client.on('close', end).on('error', end);
    upstream.on('close', end).on('error', end);
  };

  const server: Server = tls ? createTlsServer({ key: tls.key, cert: tls.cert }, onClient) : createServer(onClient);
  // A refused handshake (the client rejecting our certificate) is what some tests want.
  server.on('tlsClientError', () => undefined);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (!address || typeof address !== 'object') throw new Error('proxy has no port');

  return {
    port: address.port,
    get bytesToClient() {
      return bytesToClient;
    },
    get connections() {
      return connections;
    },
    get clientText() {
      return clientText;
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}
