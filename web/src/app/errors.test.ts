import { describe, expect, it } from 'vitest';
import { ApiError } from './api';
import { friendlyError, friendlyErrorText } from './errors';

const apiError = (status: number, code: string, message: string) =>
  new ApiError({ status, code, message, requestId: 'req-9' });

describe('friendly errors', () => {
  it("keeps the server's specific message under a plain headline", () => {
    expect(friendlyError(apiError(400, 'validation_failed', 'email: Enter a valid email address'))).toEqual({
      title: 'Some details need fixing',
      detail: 'email: Enter a valid email address',
      reference: null,
    });
  });

  it('hides internal details of server failures but gives a reference to quote', () => {
    const friendly = friendlyError(apiError(500, 'internal', 'TypeError: x is undefined'));
    expect(friendly).toEqual({ title: 'Something went wrong on our side', detail: null, reference: 'req-9' });
    expect(friendlyErrorText(apiError(500, 'internal', 'boom'))).toBe(
      'Something went wrong on our side (reference req-9)',
    );
  });

  it('explains an unreachable server without jargon', () => {
    expect(
      friendlyError(apiError(0, 'network_error', 'The request could not reach the server.')).title,
    ).toMatch(/Can't reach the ChatSyncs server/);
  });
});
