import { mkdtempSync, rmSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { loadConfig } from '../../../src/server/config';
import { startProduct } from '../../../src/server/main';

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/**
 * The whole product as `npm start` runs it (web + workers, PGlite in a fresh temporary data
 * directory, the built dashboard from web/dist), on 127.0.0.1 and a free port.
 */
export async function startTestServer(
  env: Record<string, string> = {},
  options: { dataDir?: string; keepData?: boolean } = {},
): Promise<{ url: string; dataDir: string; close(): Promise<void> }> {
  const dataDir = options.dataDir ?? mkdtempSync(path.join(os.tmpdir(), 'chatsyncs-e2e-'));
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const config = loadConfig({
    NODE_ENV: 'test',
    HOST: '127.0.0.1',
    PORT: String(port),
    PUBLIC_URL: url,
    DATA_DIR: dataDir,
    LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'warn',
    LOG_PRETTY: 'false',
    ...env,
  });
  const product = await startProduct(config, { web: true, workers: true });
  return {
    url,
    dataDir,
    async close() {
      await product.stop();
      if (!options.keepData) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
