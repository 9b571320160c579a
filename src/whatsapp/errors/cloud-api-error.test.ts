import { describe, expect, it } from 'vitest';
import { CloudApiError } from './cloud-api-error';

describe('CloudApiError.fromResponse', () => {
  it('maps the Graph error envelope (reference §1.2 sample)', () => {
    const body = {
      error: {
        message: '(#130429) Rate limit hit',
        type: 'OAuthException',
        code: 130429,
        error_data: {
          messaging_product: 'whatsapp',
          details: 'Message failed to send because there were too many messages sent from this phone number',
        },
        error_subcode: 2494055,
        fbtrace_id: 'Az8or2yhqkZfEZ-_4Qn_Bam',
      },
    };
    const e = CloudApiError.fromResponse(429, body);
    expect(e).toBeInstanceOf(Error);
    expect(e).toMatchObject({
      name: 'CloudApiError',
      httpStatus: 429,
      code: 130429,
      subcode: 2494055,
      type: 'OAuthException',
      title: 'Rate limit hit',
      details: 'Message failed to send because there were too many messages sent from this phone number',
      fbtraceId: 'Az8or2yhqkZfEZ-_4Qn_Bam',
      raw: body,
    });
    expect(e.message).toBe(`(#130429) Rate limit hit: ${body.error.error_data.details}`);
  });

  it('keeps template-creation extras: string error_data, user title and message, is_transient', () => {
    const e = CloudApiError.fromResponse(400, {
      error: {
        message: 'Invalid parameter',
        type: 'OAuthException',
        code: 100,
        error_subcode: 2388299,
        is_transient: false,
        error_user_title: 'Variables can’t be at the start or end of the template',
        error_user_msg: 'Move the variable',
        error_data: 'template body',
      },
    });
    expect(e).toMatchObject({
      code: 100,
      subcode: 2388299,
      details: 'template body',
      userTitle: 'Variables can’t be at the start or end of the template',
      userMessage: 'Move the variable',
      isTransient: false,
    });
  });

  it('turns a non-Graph body (proxy HTML, empty) into code null with the HTTP status', () => {
    const html = CloudApiError.fromResponse(502, '<html>Bad gateway</html>');
    expect(html).toMatchObject({ httpStatus: 502, code: null, title: '<html>Bad gateway</html>' });
    expect(html.message).toBe('HTTP 502 <html>Bad gateway</html>');
    expect(CloudApiError.fromResponse(500, undefined).title).toBe('Unexpected response from the Graph API');
  });
});
