import { fileURLToPath } from 'node:url';
import { build } from 'vite';

/** Vitest global setup: build the dashboard into web/dist so the browser tests run today's code. */
export default async function buildWeb(): Promise<void> {
  if (process.env.E2E_SKIP_WEB_BUILD === '1') return;
  await build({
    configFile: fileURLToPath(new URL('../../../web/vite.config.ts', import.meta.url)),
    logLevel: 'warn',
  });
}
