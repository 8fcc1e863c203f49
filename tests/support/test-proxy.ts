import http from 'node:http';
import net, { type AddressInfo } from 'node:net';

/** What the proxy saw of one CONNECT: its request line and headers, and every byte sent through the tunnel. */
export interface SeenConnect {
  /** `CONNECT host:port HTTP/1.1` */
  line: string;
  headers: http.IncomingHttpHeaders;
  /** Everything the client sent into the tunnel after the proxy's 200 (TLS records for https). */
  tunnel: Buffer[];
}

/** What the proxy saw of one plain (absolute-URL) request. */
export interface SeenPlain {
  line: string;
  headers: http.IncomingHttpHeaders;
}

export interface TestProxyOptions {
  /** Basic sign-in the proxy demands (407 without it). */
  auth?: { username: string; password: string };
  /** Answers every CONNECT and plain request with this status instead of forwarding (403: a proxy policy). */
  refuseWith?: number;
  /** Where names go: `bintu.test` → `127.0.0.1`. Unlisted names are refused with 502, as a proxy that cannot resolve them. */
  hosts: Record<string, string>;
}

export interface TestProxy {
  /** `http://127.0.0.1:port` */
  url: string;
  port: number;
  connects: SeenConnect[];
  plain: SeenPlain[];
  /** Client connections the proxy accepted (keep-alive through the proxy keeps this low). */
  connections: () => number;
  /** Every byte the proxy received from clients, on any connection, as one buffer. */
  received: () => Buffer;
  close: () => Promise<void>;
}

/**
 * A small forwarding proxy on loopback for tests: CONNECT tunnels (https) and absolute-URL
 * forwarding (plain http), optionally with Basic authentication or a refusal. It records what a
 * real proxy would see, so tests can prove what reaches it and what stays inside the tunnel.
 */
export async function startTestProxy(options: TestProxyOptions): Promise<TestProxy> {
  const connects: SeenConnect[] = [];
  const plain: SeenPlain[] = [];
  const received: Buffer[] = [];
  const sockets = new Set<net.Socket>();
  let connections = 0;
  const expected = options.auth === undefined ? null : `Basic ${Buffer.from(`${options.auth.username}:${options.auth.password}`).toString('base64')}`;
  const authorised = (headers: http.IncomingHttpHeaders): boolean => expected === null || headers['proxy-authorization'] === expected;
  const target = (host: string, port: number): { host: string; port: number } | null => {
    const address = options.hosts[host];
    return address === undefined ? null : { host: address, port };
  };

  const server = http.createServer((req, res) => {
    plain.push({ line: `${req.method} ${req.url} HTTP/${req.httpVersion}`, headers: req.headers });
    if (!authorised(req.headers)) {
      res.writeHead(407, { 'proxy-authenticate': 'Basic realm="test"', 'content-length': '0' });
      return res.end();
    }
    if (options.refuseWith !== undefined) {
      res.writeHead(options.refuseWith, { 'content-length': '0' });
      return res.end();
    }
    let url: URL;
    try {
      url = new URL(req.url ?? '');
    } catch {
      res.writeHead(400).end();
      return;
    }
    const to = target(url.hostname, Number(url.port || 80));
    if (to === null) {
      res.writeHead(502, { 'content-length': '0' });
      return res.end();
    }
    const headers = { ...req.headers };
    delete headers['proxy-authorization'];
    delete headers['proxy-connection'];
    const upstream = http.request({ host: to.host, port: to.port, method: req.method, path: `${url.pathname}${url.search}`, headers }, (answer) => {
      res.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(res);
    });
    upstream.on('error', () => res.destroy());
    req.pipe(upstream);
  });

  server.on('connect', (req: http.IncomingMessage, client: net.Socket, head: Buffer) => {
    const seen: SeenConnect = { line: `CONNECT ${req.url} HTTP/${req.httpVersion}`, headers: req.headers, tunnel: [] };
    connects.push(seen);
    if (!authorised(req.headers)) {
      client.end('HTTP/1.1 407 Proxy Authentication Required\r\nProxy-Authenticate: Basic realm="test"\r\nContent-Length: 0\r\n\r\n');
      return;
    }
    if (options.refuseWith !== undefined) {
      client.end(`HTTP/1.1 ${options.refuseWith} Refused\r\nContent-Length: 0\r\n\r\n`);
      return;
    }
    const [host = '', port = '443'] = (req.url ?? '').split(/:(?=\d+$)/);
    const to = target(host, Number(port));
    if (to === null) {
      client.end('HTTP/1.1 502 Bad Gateway\r\nContent-Length: 0\r\n\r\n');
      return;
    }
    const upstream = net.connect(to.port, to.host, () => {
      client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
      if (head.length > 0) {
        seen.tunnel.push(head);
        upstream.write(head);
      }
      client.on('data', (chunk: Buffer) => seen.tunnel.push(chunk));
      client.pipe(upstream);
      upstream.pipe(client);
    });
    sockets.add(upstream);
    upstream.on('close', () => sockets.delete(upstream));
    upstream.on('error', () => client.destroy());
    client.on('error', () => upstream.destroy());
  });

  server.on('connection', (socket: net.Socket) => {
    connections += 1;
    sockets.add(socket);
    socket.on('data', (chunk: Buffer) => received.push(chunk));
    socket.on('close', () => sockets.delete(socket));
  });

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    connects,
    plain,
    connections: () => connections,
    received: () => Buffer.concat(received),
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
