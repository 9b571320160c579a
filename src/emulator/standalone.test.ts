import { describe, expect, it, vi } from 'vitest';
import { runSandbox } from './standalone';

describe('runSandbox', () => {
  it('serves Graph and control routes on its own port with the given identity', async () => {
    const out = vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
    const sandbox = await runSandbox([
      '--port',
      '0',
      '--access-token',
      'EAAGstandalone',
      '--phone-number-id',
      '123456789012345',
      '--waba-id',
      '543210987654321',
      '--log-level',
      'silent',
    ]);
    try {
      const printed = out.mock.calls.map((call) => String(call[0])).join('');
      expect(printed).toContain('EAAGstandalone');
      expect(printed).toContain('123456789012345');
      expect(printed).toContain('543210987654321');
      const send = await fetch(`${sandbox.url}/v25.0/123456789012345/messages`, {
        method: 'POST',
        headers: { authorization: 'Bearer EAAGstandalone', 'content-type': 'application/json' },
        body: JSON.stringify({ messaging_product: 'whatsapp', to: '15551234567', text: { body: 'hi' } }),
      });
      expect(send.status).toBe(200);
      const status = await fetch(`${sandbox.url}/_sandbox`);
      expect(await status.json()).toMatchObject({ waba_id: '543210987654321' });
    } finally {
      out.mockRestore();
      await sandbox.close();
    }
  });

  it('generates numeric ids and tokens when none are given, and rejects bad flags', async () => {
    const out = vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
    const sandbox = await runSandbox(['--port', '0', '--log-level', 'silent']);
    try {
      const printed = out.mock.calls.map((call) => String(call[0])).join('');
      expect(printed).toMatch(/Phone number id\s+\d{15,16}/);
      expect(printed).toMatch(/WABA id\s+\d{15,16}/);
      expect(printed).toMatch(/Access token\s+EAA\w{20,}/);
    } finally {
      out.mockRestore();
      await sandbox.close();
    }
    await expect(runSandbox(['--phone-number-id', 'abc'])).rejects.toThrow('numeric');
    await expect(runSandbox(['--bogus'])).rejects.toThrow();
  });
});
