import { accountMethods } from './account-methods';
import { flowMethods } from './flow-methods';
import { type CloudApiClientConfig, createGraphTransport } from './graph-transport';
import { mediaMethods } from './media-methods';
import { messagingMethods } from './messaging-methods';
import { oauthMethods } from './oauth-methods';
import { templateMethods } from './template-methods';

/**
 * Typed client for the WhatsApp Cloud API (and the emulator, which speaks the same HTTP).
 * Every non-2xx answer throws CloudApiError; no answer at all (network, timeout) throws
 * CloudApiNetworkError; a payload that fails its schema throws CloudApiValidationError before sending.
 */
export function createCloudApiClient(config: CloudApiClientConfig = {}) {
  const http = createGraphTransport(config);
  return {
    ...messagingMethods(http),
    ...mediaMethods(http),
    ...templateMethods(http),
    ...accountMethods(http),
    ...flowMethods(http),
    ...oauthMethods(http),
  };
}
export type CloudApiClient = ReturnType<typeof createCloudApiClient>;
