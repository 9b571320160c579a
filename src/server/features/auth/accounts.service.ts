import { count, eq, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import { memberships, users, workspaces } from '../../db/schema';
import { newId } from '../../ids';
import { hashPassword } from '../../security/hashing';

export async function countUsers(db: DbOrTx): Promise<number> {
  const [row] = await db.select({ n: count() }).from(users);
  return row?.n ?? 0;
}

export async function findUserByEmail(db: DbOrTx, email: string) {
  const [user] = await db.select().from(users).where(eq(users.email, email.toLowerCase()));
  return user;
}

export async function createUser(db: DbOrTx, input: { email: string; name: string; password: string }) {
  const [user] = await db
    .insert(users)
    .values({
      id: newId('usr'),
      email: input.email.toLowerCase(),
      name: input.name,
      passwordHash: await hashPassword(input.password),
    })
    .returning({ id: users.id, email: users.email, name: users.name });
  return user!;
}

export async function createWorkspace(db: DbOrTx, ownerId: string, name: string) {
  const [workspace] = await db
    .insert(workspaces)
    .values({ id: newId('wsp'), name })
    .returning({ id: workspaces.id, name: workspaces.name, createdAt: workspaces.createdAt });
  await db.insert(memberships).values({ workspaceId: workspace!.id, userId: ownerId, role: 'owner' });
  return workspace!;
}

/**
 * Creates the first account (the owner) and its workspace, once. Serialised by a transaction-level
 * advisory lock so two simultaneous setup requests cannot both succeed. Returns null when an
 * account already exists.
 */
export async function createFirstOwner(
  db: DbOrTx,
  input: { email: string; name: string; password: string; workspaceName: string },
) {
  return db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(4242001)`);
    if ((await countUsers(tx)) > 0) return null;
    const user = await createUser(tx, input);
    const workspace = await createWorkspace(tx, user.id, input.workspaceName);
    return { user, workspace };
  });
}
