import { describe, expect, it } from 'vitest';
import { nextStatus } from './apply-status';

describe('statuses only move forward', () => {
  it.each([
    ['accepted', 'sent', 'sent'],
    ['accepted', 'read', 'read'],
    ['sent', 'delivered', 'delivered'],
    ['delivered', 'read', 'read'],
    ['read', 'delivered', null],
    ['read', 'sent', null],
    ['delivered', 'sent', null],
    ['delivered', 'delivered', null],
    ['delivered', 'played', 'read'],
    ['accepted', 'failed', 'failed'],
    ['sent', 'failed', 'failed'],
    ['delivered', 'failed', null],
    ['read', 'failed', null],
    ['failed', 'delivered', null],
    ['failed', 'failed', null],
  ] as const)('%s + %s → %s', (current, incoming, expected) => {
    expect(nextStatus(current, incoming)).toBe(expected);
  });
});
