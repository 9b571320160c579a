// Every table of the product, one file each under tables/. drizzle-kit reads this file.
export * from './tables/api-keys';
export * from './tables/invitations';
export * from './tables/sessions';
export * from './tables/users';
export * from './tables/workspaces';
