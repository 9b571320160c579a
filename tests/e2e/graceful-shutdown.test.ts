import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/server/config';
import { startProduct } from '../../src/server/main';

describe('graceful shutdown', () => {
  it('finishes in-flight requests, then stops accepting and releases the data directory', async () => {
    const dataDir = mkdtempSync(path.join(os.tmpdir(), 'chatsyncs-stop-'));
    const config = loadConfig({
      NODE_ENV: 'test',
      HOST: '127.0.0.1',
      PORT: '0',
      DATA_DIR: dataDir,
      LOG_LEVEL: 'silent',
      SANDBOX_ENABLED: 'false',
    });
    const product = await startProduct(config, {
      web: true,
      workers: true,
      extraPlugins: [
        async (app) => {
          app.get('/slow', async () => {
            await new Promise((resolve) => setTimeout(resolve, 700));
            return { done: true };
          });
        },
      ],
    });
    try {
      const url = product.url!;
      const inFlight = fetch(`${url}/slow`).then(async (response) => ({
        status: response.status,
        body: await response.json(),
      }));
      await new Promise((resolve) => setTimeout(resolve, 100));
      const stopping = product.stop();
      expect(await inFlight).toEqual({ status: 200, body: { done: true } });
      await stopping;
      await expect(fetch(`${url}/healthz`)).rejects.toThrow();
      // The lock is released: the same data directory opens again.
      const again = await startProduct(config, { web: false, workers: false });
      await again.stop();
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  }, 60_000);
});
