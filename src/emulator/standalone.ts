import { parseArgs } from 'node:util';
import Fastify from 'fastify';
import { createEmulator } from './create-emulator';

const USAGE = `Usage: chatsyncs sandbox [options]

  --port N              port to listen on (default 4010)
  --host H              interface (default 127.0.0.1)
  --webhook-url URL     callback URL for signed webhooks
  --app-secret S        app secret for X-Hub-Signature-256 (generated)
  --verify-token T      verify token for the GET handshake (generated)
  --access-token T      accepted access token (generated)
  --phone-number-id ID  business phone number id (generated, 15 digits)
  --waba-id ID          WhatsApp Business Account id (generated, 15 digits)
  --state-file F        keep the emulator state in this JSON file across restarts
  --log-level L         pino level (default info)`;

export interface RunningSandbox {
  url: string;
  close(): Promise<void>;
}

/** Run the Cloud API emulator as its own server (Graph routes at `/{version}/…`, control API at `/_sandbox/…`). */
export async function runSandbox(argv: string[]): Promise<RunningSandbox> {
  const { values } = parseArgs({
    args: argv,
    strict: true,
    options: {
      port: { type: 'string', default: '4010' },
      host: { type: 'string', default: '127.0.0.1' },
      'webhook-url': { type: 'string' },
      'app-secret': { type: 'string' },
      'verify-token': { type: 'string' },
      'access-token': { type: 'string' },
      'phone-number-id': { type: 'string' },
      'waba-id': { type: 'string' },
      'state-file': { type: 'string' },
      'log-level': { type: 'string', default: 'info' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    return { url: '', close: async () => undefined };
  }
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65_535)
    throw new Error(`--port must be a port number, got ${values.port}`);
  for (const key of ['phone-number-id', 'waba-id'] as const) {
    const value = values[key];
    if (value !== undefined && !/^\d{1,20}$/.test(value))
      throw new Error(`--${key} must be numeric, got ${value}`);
  }

  const app = Fastify({ logger: { level: values['log-level'] ?? 'info' }, bodyLimit: 110 * 1024 * 1024 });
  const emulator = createEmulator({
    logger: app.log,
    ...(values['webhook-url'] ? { webhookUrl: values['webhook-url'] } : {}),
    ...(values['app-secret'] ? { appSecret: values['app-secret'] } : {}),
    ...(values['verify-token'] ? { verifyToken: values['verify-token'] } : {}),
    ...(values['access-token'] ? { accessToken: values['access-token'] } : {}),
    ...(values['phone-number-id'] ? { phoneNumberId: values['phone-number-id'] } : {}),
    ...(values['waba-id'] ? { wabaId: values['waba-id'] } : {}),
    ...(values['state-file'] ? { stateFile: values['state-file'] } : {}),
  });
  await app.register(emulator.plugin);
  const address = await app.listen({ port, host: values.host ?? '127.0.0.1' });

  const { identity, state } = emulator;
  const phone = state.defaultPhoneNumber();
  const lines = [
    'ChatSyncs Cloud API emulator',
    `  Graph base URL     ${address}/v25.0`,
    `  Control API        ${address}/_sandbox`,
    `  Access token       ${identity.accessTokens[0]}`,
    `  Phone number id    ${phone.id} (display ${phone.displayPhoneNumber})`,
    `  WABA id            ${state.wabaId}`,
    `  App secret         ${state.config.webhook.app_secret}`,
    `  Verify token       ${state.config.webhook.verify_token}`,
    `  Webhook URL        ${state.config.webhook.url ?? '(none: set with PATCH /_sandbox/config)'}`,
    ...(values['state-file'] ? [`  State file         ${values['state-file']}`] : []),
  ];
  process.stdout.write(`${lines.join('\n')}\n`);

  let closing: Promise<void> | undefined;
  const close = () => {
    closing ??= (async () => {
      await app.close();
      await emulator.close();
    })();
    return closing;
  };
  const onSignal = (signal: NodeJS.Signals) => {
    app.log.info({ signal }, 'shutting down the emulator');
    void close().then(() => process.exit(0));
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  return {
    url: address,
    close: async () => {
      process.off('SIGINT', onSignal);
      process.off('SIGTERM', onSignal);
      await close();
    },
  };
}
