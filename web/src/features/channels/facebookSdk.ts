/**
 * Meta's JavaScript SDK for Embedded Signup: load it, open the FB.login popup with the workspace's
 * configuration, and collect the two things it gives the browser — the `code` (FB.login callback)
 * and the session info `{waba_id, phone_number_id}` (a `WA_EMBEDDED_SIGNUP` postMessage).
 */

interface FacebookLoginResponse {
  authResponse?: { code?: string } | null;
  status?: string;
}

interface FacebookSdk {
  init(options: { appId: string; autoLogAppEvents: boolean; xfbml: boolean; version: string }): void;
  login(callback: (response: FacebookLoginResponse) => void, options: Record<string, unknown>): void;
}

declare global {
  interface Window {
    FB?: FacebookSdk;
    fbAsyncInit?: () => void;
  }
}

export interface EmbeddedSignupResult {
  code: string;
  wabaId: string;
  phoneNumberId: string;
}

const SDK_URL = 'https://connect.facebook.net/en_US/sdk.js';
const LOAD_TIMEOUT_MS = 15_000;
const SESSION_INFO_TIMEOUT_MS = 15_000;

let loading: Promise<FacebookSdk> | null = null;
let initialisedFor: string | null = null;

function loadSdk(): Promise<FacebookSdk> {
  if (window.FB) return Promise.resolve(window.FB);
  loading ??= new Promise<FacebookSdk>((resolve, reject) => {
    const timer = window.setTimeout(() => {
      loading = null;
      reject(
        new Error(
          'Facebook’s sign-in script could not be loaded. Check the internet connection, or turn off an ad or tracking blocker for this page, and try again.',
        ),
      );
    }, LOAD_TIMEOUT_MS);
    window.fbAsyncInit = () => {
      window.clearTimeout(timer);
      if (window.FB) resolve(window.FB);
    };
    const script = document.createElement('script');
    script.src = SDK_URL;
    script.async = true;
    script.defer = true;
    script.crossOrigin = 'anonymous';
    script.onerror = () => {
      window.clearTimeout(timer);
      loading = null;
      script.remove();
      reject(
        new Error(
          'Facebook’s sign-in script could not be loaded. Check the internet connection and try again.',
        ),
      );
    };
    document.body.appendChild(script);
  });
  return loading;
}

/** Starts loading the SDK early, so the popup opens straight from the click (popup blockers). */
export function preloadFacebookSdk(): void {
  loadSdk().catch(() => {
    // shown when the person clicks the button, which tries again
  });
}

/** Session info posted by the popup; resolves on FINISH, rejects on CANCEL/ERROR or when it never comes. */
function waitForSessionInfo(signal: AbortSignal): Promise<{ wabaId: string; phoneNumberId: string }> {
  return new Promise((resolve, reject) => {
    function onMessage(event: MessageEvent) {
      let host: string;
      try {
        host = new URL(event.origin).hostname;
      } catch {
        return;
      }
      if (host !== 'facebook.com' && !host.endsWith('.facebook.com')) return;
      let data: { type?: string; event?: string; data?: Record<string, string | undefined> };
      try {
        data = typeof event.data === 'string' ? JSON.parse(event.data) : event.data;
      } catch {
        return;
      }
      if (data?.type !== 'WA_EMBEDDED_SIGNUP') return;
      cleanup();
      const info = data.data ?? {};
      if (data.event === 'FINISH' && info.waba_id && info.phone_number_id) {
        resolve({ wabaId: info.waba_id, phoneNumberId: info.phone_number_id });
      } else if (data.event === 'CANCEL') {
        reject(
          new Error(
            `The signup was closed before it finished${info.current_step ? ` (at step “${info.current_step}”)` : ''}. Start again when you are ready.`,
          ),
        );
      } else if (data.event?.startsWith('FINISH')) {
        reject(
          new Error(
            'The signup finished without a phone number. Add a phone number to the WhatsApp Business Account in the popup, then try again.',
          ),
        );
      } else {
        reject(
          new Error(
            `Facebook reported an error during signup${info.error_message ? `: ${info.error_message}` : ''}.`,
          ),
        );
      }
    }
    function cleanup() {
      window.removeEventListener('message', onMessage);
      signal.removeEventListener('abort', onAbort);
    }
    function onAbort() {
      cleanup();
      reject(new Error('Facebook did not say which WhatsApp number was chosen. Try again.'));
    }
    window.addEventListener('message', onMessage);
    signal.addEventListener('abort', onAbort);
  });
}

/** Opens the Embedded Signup popup and resolves with what the server needs to finish it. */
export async function runEmbeddedSignup(settings: {
  appId: string;
  configurationId: string;
  graphApiVersion: string;
}): Promise<EmbeddedSignupResult> {
  const FB = await loadSdk();
  if (initialisedFor !== settings.appId) {
    FB.init({
      appId: settings.appId,
      autoLogAppEvents: true,
      xfbml: true,
      version: settings.graphApiVersion,
    });
    initialisedFor = settings.appId;
  }
  const controller = new AbortController();
  const sessionInfo = waitForSessionInfo(controller.signal);
  sessionInfo.catch(() => {}); // handled below; avoids an unhandled rejection if login fails first
  const code = await new Promise<string>((resolve, reject) => {
    FB.login(
      (response) => {
        const value = response.authResponse?.code;
        if (value) resolve(value);
        else
          reject(
            new Error(
              'The Facebook window was closed before the signup finished. Start again when you are ready.',
            ),
          );
      },
      {
        config_id: settings.configurationId,
        response_type: 'code',
        override_default_response_type: true,
        extras: { setup: {}, sessionInfoVersion: '3' },
      },
    );
  }).catch((error) => {
    controller.abort();
    throw error;
  });
  const timer = window.setTimeout(() => controller.abort(), SESSION_INFO_TIMEOUT_MS);
  try {
    return { code, ...(await sessionInfo) };
  } finally {
    window.clearTimeout(timer);
  }
}
