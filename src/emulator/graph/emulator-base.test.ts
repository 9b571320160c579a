import type { FastifyRequest } from 'fastify';
import { describe, expect, it } from 'vitest';
import { emulatorBase } from './emulator-base';

const request = (url: string, version = 'v24.0') =>
  ({ url, params: { version }, protocol: 'http', host: '127.0.0.1:3000' }) as unknown as FastifyRequest;

describe('emulatorBase', () => {
  it('keeps the mount prefix so links work when the emulator is embedded under /sandbox', () => {
    expect(emulatorBase(request('/sandbox/v24.0/123/flows?fields=id'))).toBe('http://127.0.0.1:3000/sandbox');
    expect(emulatorBase(request('/v24.0/123'))).toBe('http://127.0.0.1:3000');
  });
});
