import { and, eq, gt, isNull } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import { invitations, memberships, users, workspaces } from '../../db/schema';
import { sha256 } from '../../security/hashing';

export const INVITATION_TTL_DAYS = 7;

/** A pending invitation (not accepted, not revoked, not expired) found by its secret token. */
export async function findPendingInvitation(db: DbOrTx, token: string, now: Date) {
  const [row] = await db
    .select({
      id: invitations.id,
      workspaceId: invitations.workspaceId,
      workspaceName: workspaces.name,
      email: invitations.email,
      role: invitations.role,
      invitedBy: users.name,
    })
    .from(invitations)
    .innerJoin(workspaces, eq(workspaces.id, invitations.workspaceId))
    .innerJoin(users, eq(users.id, invitations.invitedBy))
    .where(
      and(
        eq(invitations.tokenHash, sha256(token)),
        isNull(invitations.acceptedAt),
        isNull(invitations.revokedAt),
        gt(invitations.expiresAt, now),
      ),
    );
  return row;
}

/** Adds the user to the invitation's workspace (keeping a higher existing role) and closes the invitation. */
export async function acceptInvitation(
  db: DbOrTx,
  invitation: { id: string; workspaceId: string; role: 'admin' | 'agent' },
  userId: string,
  now: Date,
): Promise<void> {
  await db
    .insert(memberships)
    .values({ workspaceId: invitation.workspaceId, userId, role: invitation.role })
    .onConflictDoNothing();
  await db.update(invitations).set({ acceptedAt: now }).where(eq(invitations.id, invitation.id));
}
