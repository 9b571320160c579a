// Every table of the product, one file each under tables/. drizzle-kit reads this file.
export * from './tables/api-keys';
export * from './tables/channels';
export * from './tables/conversations';
export * from './tables/embedded-signup-settings';
export * from './tables/invitations';
export * from './tables/messages';
export * from './tables/saved-replies';
export * from './tables/sessions';
export * from './tables/subscribers';
export * from './tables/users';
export * from './tables/webhook-events';
export * from './tables/workspaces';
