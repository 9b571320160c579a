import Fastify, { type FastifyInstance } from 'fastify';
import { createManualClock } from '../core/clock';
import { createEmulator, type Emulator } from '../create-emulator';
import type { EmulatorOptions } from '../options';

export const TEST_TOKEN = 'EAAGtesttoken';
export const TEST_WABA = '102290129340398';
export const TEST_PHONE = '106540352242922';

/** An emulator mounted on a Fastify app for `inject` tests, with a manual clock and fixed ids. */
export async function emulatorTestApp(options: EmulatorOptions = {}): Promise<{
  app: FastifyInstance;
  emulator: Emulator;
  auth: { authorization: string };
  close(): Promise<void>;
}> {
  const emulator = createEmulator({
    accessToken: TEST_TOKEN,
    wabaId: TEST_WABA,
    phoneNumbers: [{ id: TEST_PHONE, displayPhoneNumber: '15550783881' }],
    clock: createManualClock(),
    ...options,
  });
  const app = Fastify();
  await app.register(emulator.plugin);
  await app.ready();
  return {
    app,
    emulator,
    auth: { authorization: `Bearer ${TEST_TOKEN}` },
    async close() {
      await emulator.close();
      await app.close();
    },
  };
}
