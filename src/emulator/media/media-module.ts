import type { EmulatorContext, EmulatorModule } from '../core/context';
import { mediaControlRoutes } from './media-control-routes';
import { mediaGraphRoutes } from './media-graph-routes';
import { MediaStore } from './media-store';

export const MEDIA_STORE_KEY = 'media';

export function mediaStoreOf(ctx: EmulatorContext): MediaStore {
  const store = ctx.state.getStore<MediaStore>(MEDIA_STORE_KEY);
  if (!store) throw new Error('the media module is not set up');
  return store;
}

/** Media upload, retrieval, authenticated download and deletion; `state.media` for the send path. */
export const mediaModule: EmulatorModule = {
  name: 'media',
  setup(ctx) {
    const store = new MediaStore({ now: () => ctx.clock.now(), markChanged: () => ctx.state.markChanged() });
    ctx.state.media = store;
    ctx.state.registerStore(MEDIA_STORE_KEY, store);
  },
  graphRoutes: (app, ctx) => mediaGraphRoutes(app, ctx, mediaStoreOf(ctx)),
  controlRoutes: (app, ctx) => mediaControlRoutes(app, ctx, mediaStoreOf(ctx)),
};
