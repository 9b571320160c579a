import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, testDatabaseKind } from '../testing/test-database';
import { type Database, migrateDatabase } from './client';
import { memberships, users, workspaces } from './schema';

describe(`data layer on ${testDatabaseKind}`, () => {
  let database: Database;
  let drop: () => Promise<void>;
  beforeAll(async () => {
    ({ database, drop } = await createTestDatabase());
  });
  afterAll(() => drop());

  it('applies migrations again without change', async () => {
    await migrateDatabase(database);
    await migrateDatabase(database);
  });

  it('round-trips rows with timestamps in UTC', async () => {
    const at = new Date('2026-01-02T03:04:05.678Z');
    await database.db
      .insert(users)
      .values({ id: 'usr_a', email: 'a@example.com', name: 'A', passwordHash: 'h', createdAt: at });
    const [row] = await database.db.select().from(users).where(eq(users.id, 'usr_a'));
    expect(row?.createdAt.toISOString()).toBe(at.toISOString());
  });

  it('enforces unique emails', async () => {
    await expect(
      database.db.insert(users).values({ id: 'usr_b', email: 'a@example.com', name: 'B', passwordHash: 'h' }),
    ).rejects.toThrow();
  });

  it('rolls back a failed transaction completely', async () => {
    await expect(
      database.db.transaction(async (tx) => {
        await tx.insert(workspaces).values({ id: 'wsp_x', name: 'X' });
        await tx.insert(memberships).values({ workspaceId: 'wsp_x', userId: 'usr_missing', role: 'owner' });
      }),
    ).rejects.toThrow();
    expect(await database.db.select().from(workspaces).where(eq(workspaces.id, 'wsp_x'))).toEqual([]);
  });

  it('cascades a workspace deletion to its memberships', async () => {
    await database.db.insert(workspaces).values({ id: 'wsp_y', name: 'Y' });
    await database.db.insert(memberships).values({ workspaceId: 'wsp_y', userId: 'usr_a', role: 'owner' });
    await database.db.delete(workspaces).where(eq(workspaces.id, 'wsp_y'));
    expect(await database.db.select().from(memberships).where(eq(memberships.workspaceId, 'wsp_y'))).toEqual(
      [],
    );
  });
});
