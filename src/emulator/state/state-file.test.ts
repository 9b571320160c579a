import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Fastify from 'fastify';
import { afterEach, describe, expect, it } from 'vitest';
import { createManualClock } from '../core/clock';
import { createEmulator } from '../create-emulator';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

async function boot(stateFile: string) {
  const emulator = createEmulator({
    stateFile,
    accessToken: 'EAAGpersist',
    phoneNumberId: '106540352242922',
    clock: createManualClock(),
  });
  const app = Fastify();
  await app.register(emulator.plugin);
  return { emulator, app };
}

describe('stateFile persistence', () => {
  it('keeps conversations, customers, config and ids across a restart', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'emu-state-'));
    dirs.push(dir);
    const file = join(dir, 'nested', 'sandbox.json');
    const first = await boot(file);
    const wabaId = first.emulator.state.wabaId;
    await first.app.inject({
      method: 'POST',
      url: '/_sandbox/customers/15551234567/messages',
      payload: { type: 'text', text: { body: 'remember me' }, profile_name: 'Jane' },
    });
    await first.app.inject({ method: 'PATCH', url: '/_sandbox/config', payload: { throughput_mps: 250 } });
    await first.app.inject({
      method: 'POST',
      url: '/v25.0/106540352242922/messages',
      headers: { authorization: 'Bearer EAAGpersist' },
      payload: { messaging_product: 'whatsapp', to: '15551234567', text: { body: 'reply' } },
    });
    await first.emulator.settle();
    await first.emulator.close();
    await first.app.close();
    expect(JSON.parse(readFileSync(file, 'utf8')).version).toBe(1);

    const second = await boot(file);
    expect(second.emulator.state.wabaId).toBe(wabaId);
    const messages = (
      await second.app.inject({ method: 'GET', url: '/_sandbox/customers/15551234567/messages' })
    ).json().data;
    expect(messages.map((m: { content: Record<string, any> }) => m.content.text.body)).toEqual([
      'remember me',
      'reply',
    ]);
    expect(messages[1].status).toBe('delivered');
    const customer = (
      await second.app.inject({ method: 'GET', url: '/_sandbox/customers/15551234567' })
    ).json();
    expect(customer.profile_name).toBe('Jane');
    expect((await second.app.inject({ method: 'GET', url: '/_sandbox/config' })).json().throughput_mps).toBe(
      250,
    );
    await second.emulator.close();
    await second.app.close();
  });

  it('writes are debounced, not one per change', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'emu-state-'));
    dirs.push(dir);
    const file = join(dir, 'sandbox.json');
    const emulator = createEmulator({ stateFile: file, stateFileDebounceMs: 50 });
    let writes = 0;
    const original = emulator.state.toJSON.bind(emulator.state);
    emulator.state.toJSON = () => {
      writes++;
      return original();
    };
    for (let i = 0; i < 100; i++) emulator.state.markChanged();
    await new Promise((resolve) => setTimeout(resolve, 120));
    expect(writes).toBe(1);
    await emulator.close();
  });
});
