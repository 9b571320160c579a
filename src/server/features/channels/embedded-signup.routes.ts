import { z } from 'zod';
import type { AppContext } from '../../context';
import { workspaceOf } from '../../http/access';
import type { ZodApp } from '../../http/zod-app';
import { channelNameSchema, connectedAnswer, connectedSchema } from './channels.routes';
import { completeEmbeddedSignup, readSettings, saveSettings } from './embedded-signup.service';

const tags = ['WhatsApp numbers'];
const wid = z.object({ wid: z.string() });
const digits = (what: string) =>
  z
    .string()
    .trim()
    .regex(/^\d{3,25}$/, `must be the numeric ${what} (digits only)`);
const settingsSchema = z.object({
  appId: z.string(),
  configurationId: z.string(),
  /** The secret itself is never returned. */
  appSecretSet: z.boolean(),
  updatedAt: z.string(),
  graphApiVersion: z.string(),
});

/** Embedded Signup: the workspace's Meta app settings, and completing a signup from the popup. */
export async function embeddedSignupRoutes(app: ZodApp, ctx: AppContext): Promise<void> {
  const view = (row: NonNullable<Awaited<ReturnType<typeof readSettings>>>) => ({
    appId: row.appId,
    configurationId: row.configurationId,
    appSecretSet: true,
    updatedAt: row.updatedAt.toISOString(),
    graphApiVersion: ctx.config.WHATSAPP_API_VERSION,
  });

  app.get(
    '/api/workspaces/:wid/channels/embedded-signup/settings',
    {
      config: { access: 'admin' },
      schema: {
        tags,
        summary: 'Meta app settings for Embedded Signup (null when not set up)',
        params: wid,
        response: { 200: z.object({ settings: settingsSchema.nullable() }) },
      },
    },
    async (request) => {
      const row = await readSettings(ctx, workspaceOf(request).id);
      return { settings: row ? view(row) : null };
    },
  );

  app.put(
    '/api/workspaces/:wid/channels/embedded-signup/settings',
    {
      config: { access: 'admin' },
      schema: {
        tags,
        summary: 'Save the Meta App ID, Facebook Login for Business configuration ID and app secret',
        params: wid,
        body: z.object({
          appId: digits('App ID'),
          configurationId: digits('configuration ID'),
          /** Leave out to keep the saved secret. */
          appSecret: z.string().trim().min(8).max(200).optional(),
        }),
        response: { 200: z.object({ settings: settingsSchema }) },
      },
    },
    async (request) => {
      const row = await saveSettings(
        ctx,
        workspaceOf(request).id,
        request.auth.user?.id ?? null,
        request.body,
      );
      return { settings: view(row) };
    },
  );

  app.post(
    '/api/workspaces/:wid/channels/embedded-signup',
    {
      config: { access: 'admin' },
      schema: {
        tags,
        summary: 'Finish Embedded Signup: exchange the code, subscribe the app, register the number, save it',
        params: wid,
        body: z.object({
          code: z.string().trim().min(1).max(2000),
          wabaId: digits('WhatsApp Business Account ID'),
          phoneNumberId: digits('phone number ID'),
          pin: z
            .string()
            .trim()
            .regex(/^\d{6}$/, 'must be 6 digits')
            .optional(),
          name: channelNameSchema.optional(),
        }),
        response: { 201: connectedSchema },
      },
    },
    async (request, reply) => {
      const { row, pin } = await completeEmbeddedSignup(ctx, workspaceOf(request).id, request.body);
      request.log.info(
        { channelId: row.id, phoneNumberId: row.phoneNumberId },
        'WhatsApp number connected by Embedded Signup',
      );
      reply.status(201);
      return connectedAnswer(ctx, row, { pin });
    },
  );
}
