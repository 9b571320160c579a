import { type CloudApiClient, createCloudApiClient } from '../../../whatsapp';
import type { AppContext } from '../../context';

export type ChannelCredentials = { graphBaseUrl: string; apiVersion: string; accessTokenSealed: string };

/** The Cloud API client of one connected number (its own base URL, API version and decrypted token). */
export function clientForChannel(ctx: AppContext, channel: ChannelCredentials): CloudApiClient {
  return createCloudApiClient({
    baseUrl: channel.graphBaseUrl,
    apiVersion: channel.apiVersion,
    accessToken: ctx.secrets.decrypt(channel.accessTokenSealed),
  });
}
