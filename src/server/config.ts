import { z } from 'zod';

/**
 * The only reader of process.env. Parsed once at start; a bad value stops the process with a message
 * that names the variable and says what is wrong. Every variable is documented in .env.example.
 */
const booleanString = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'], { message: 'must be true or false' })
  .transform((value) => value === 'true' || value === '1' || value === 'yes');

const configSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default('127.0.0.1'),
  PUBLIC_URL: z.url({ message: 'must be a full URL such as https://chat.example.com' }).optional(),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must be a postgres:// or postgresql:// connection string')
    .optional(),
  DATA_DIR: z.string().min(1).default('./data'),
  APP_ENCRYPTION_KEY: z
    .string()
    .regex(
      /^[0-9a-fA-F]{64}$/,
      'must be 64 hexadecimal characters (32 bytes); generate one with `openssl rand -hex 32`',
    )
    .optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  LOG_PRETTY: booleanString.optional(),
  SESSION_TTL_HOURS: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 365)
    .default(24 * 14),
  TRUST_PROXY: booleanString.default(false),
  BODY_LIMIT_BYTES: z.coerce
    .number()
    .int()
    .min(1024)
    .default(1024 * 1024),
  LOGIN_MAX_FAILURES: z.coerce.number().int().min(1).default(10),
  LOGIN_WINDOW_MINUTES: z.coerce.number().int().min(1).default(15),
  WORKER_CONCURRENCY: z.coerce.number().int().min(1).max(64).default(4),
  SHUTDOWN_TIMEOUT_SECONDS: z.coerce.number().int().min(1).default(20),
  WHATSAPP_GRAPH_URL: z.url({ message: 'must be a full URL' }).default('https://graph.facebook.com'),
  WHATSAPP_API_VERSION: z
    .string()
    .regex(/^v\d+\.0$/, 'must look like v24.0')
    .default('v24.0'),
  SANDBOX_ENABLED: booleanString.default(true),
  CHATSYNCS_ADMIN_EMAIL: z.email({ message: 'must be an email address' }).optional(),
  CHATSYNCS_ADMIN_PASSWORD: z.string().min(10, 'must be at least 10 characters').optional(),
  CHATSYNCS_ADMIN_NAME: z.string().min(1).default('Admin'),
  CHATSYNCS_WORKSPACE_NAME: z.string().min(1).default('My workspace'),
});

export type Config = z.infer<typeof configSchema> & {
  publicUrl: string;
  databaseKind: 'pglite' | 'postgres';
};

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/** Parses configuration from an environment-like record (process.env by default). */
export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const cleaned = Object.fromEntries(
    Object.entries(env).filter(([, value]) => value !== undefined && value !== ''),
  );
  const parsed = configSchema.safeParse(cleaned);
  if (!parsed.success) {
    throw new ConfigError(
      parsed.error.issues.map((issue) => `${issue.path.join('.') || 'config'}: ${issue.message}`),
    );
  }
  const value = parsed.data;
  if ((value.CHATSYNCS_ADMIN_EMAIL === undefined) !== (value.CHATSYNCS_ADMIN_PASSWORD === undefined)) {
    throw new ConfigError(['CHATSYNCS_ADMIN_EMAIL and CHATSYNCS_ADMIN_PASSWORD must be set together']);
  }
  const publicUrl = (value.PUBLIC_URL ?? `http://localhost:${value.PORT}`).replace(/\/+$/, '');
  return { ...value, publicUrl, databaseKind: value.DATABASE_URL ? 'postgres' : 'pglite' };
}
