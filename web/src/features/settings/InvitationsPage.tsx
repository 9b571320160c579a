import { useState } from 'react';
import { ErrorAlert } from '../../app/ErrorAlert';
import { formatDate, formatRelative, roleLabels } from '../../app/format';
import type { Invitation } from '../../app/types';
import { useWorkspace } from '../../app/workspaceContext';
import { Badge } from '../../ui/Badge';
import { Button } from '../../ui/Button';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { EmptyState } from '../../ui/EmptyState';
import { LoadingBlock } from '../../ui/LoadingBlock';
import { PageHeader } from '../../ui/PageHeader';
import { Table } from '../../ui/Table';
import { useToast } from '../../ui/Toast';
import { InviteDialog } from './InviteDialog';
import { useInvitations, useRevokeInvitation } from './settingsQueries';

/** Pending invitations: create a link for someone, or revoke one that hasn't been used. */
export function InvitationsPage() {
  const workspace = useWorkspace();
  const toast = useToast();
  const invitations = useInvitations(workspace.id);
  const revoke = useRevokeInvitation(workspace.id);
  const [inviting, setInviting] = useState(false);
  const [revoking, setRevoking] = useState<Invitation | null>(null);

  const inviteButton = (
    <Button variant="primary" icon="plus" onClick={() => setInviting(true)}>
      Invite someone
    </Button>
  );

  return (
    <>
      <PageHeader
        title="Invitations"
        description="Invite people by creating a link and sending it to them. Links that haven't been used yet are listed here."
        actions={invitations.data && invitations.data.length > 0 ? inviteButton : null}
      />
      {invitations.isPending ? (
        <LoadingBlock label="Loading invitations…" />
      ) : invitations.isError ? (
        <ErrorAlert error={invitations.error} title="Invitations could not be loaded" />
      ) : invitations.data.length === 0 ? (
        <EmptyState icon="mail" title="No pending invitations" action={inviteButton}>
          Invite a teammate: enter their email, choose a role, and send them the link ChatSyncs gives you.
        </EmptyState>
      ) : (
        <Table
          caption="Pending invitations"
          columns={[
            { label: 'Email' },
            { label: 'Role' },
            { label: 'Invited by' },
            { label: 'Expires' },
            { label: 'Actions', hidden: true },
          ]}
        >
          {invitations.data.map((invitation) => (
            <tr key={invitation.id}>
              <td>
                <strong>{invitation.email}</strong>
                <span className="cell-secondary">Sent {formatRelative(invitation.createdAt)}</span>
              </td>
              <td>
                <Badge tone={invitation.role === 'admin' ? 'info' : 'neutral'}>
                  {roleLabels[invitation.role]}
                </Badge>
              </td>
              <td>{invitation.invitedBy.name}</td>
              <td title={formatDate(invitation.expiresAt)}>{formatRelative(invitation.expiresAt)}</td>
              <td className="cell-actions">
                <Button
                  variant="danger-ghost"
                  size="sm"
                  onClick={() => {
                    revoke.reset();
                    setRevoking(invitation);
                  }}
                >
                  Revoke<span className="visually-hidden"> invitation for {invitation.email}</span>
                </Button>
              </td>
            </tr>
          ))}
        </Table>
      )}
      <InviteDialog open={inviting} onClose={() => setInviting(false)} />
      <ConfirmDialog
        open={revoking !== null}
        title="Revoke this invitation?"
        confirmLabel="Revoke invitation"
        pending={revoke.isPending}
        error={revoke.error ? <ErrorAlert error={revoke.error} /> : null}
        onClose={() => setRevoking(null)}
        onConfirm={() => {
          if (!revoking) return;
          const target = revoking;
          revoke.mutate(target.id, {
            onSuccess: () => {
              toast.success(`Invitation for ${target.email} revoked.`);
              setRevoking(null);
            },
          });
        }}
      >
        The link sent to {revoking?.email} will stop working. You can invite them again at any time.
      </ConfirmDialog>
    </>
  );
}
