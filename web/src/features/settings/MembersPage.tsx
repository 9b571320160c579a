import { useState } from 'react';
import { Link } from 'react-router-dom';
import { ErrorAlert } from '../../app/ErrorAlert';
import { friendlyErrorText } from '../../app/errors';
import { formatDate, roleLabels } from '../../app/format';
import { useCurrentUser } from '../../app/session';
import type { AssignableRole, Member } from '../../app/types';
import { useWorkspace } from '../../app/workspaceContext';
import { Badge } from '../../ui/Badge';
import { Button, buttonClass } from '../../ui/Button';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { EmptyState } from '../../ui/EmptyState';
import { LoadingBlock } from '../../ui/LoadingBlock';
import { PageHeader } from '../../ui/PageHeader';
import { Select } from '../../ui/Select';
import { Table } from '../../ui/Table';
import { useToast } from '../../ui/Toast';
import { useChangeRole, useMembers, useRemoveMember } from './settingsQueries';

/** Everyone in the workspace. Owners and admins can change roles and remove people. */
export function MembersPage() {
  const workspace = useWorkspace();
  const me = useCurrentUser();
  const toast = useToast();
  const members = useMembers(workspace.id);
  const changeRole = useChangeRole(workspace.id);
  const remove = useRemoveMember(workspace.id);
  const [removing, setRemoving] = useState<Member | null>(null);

  const canEdit = (member: Member) =>
    workspace.canManage && member.role !== 'owner' && member.userId !== me.user.id;

  function onRoleChange(member: Member, role: AssignableRole) {
    changeRole.mutate(
      { userId: member.userId, role },
      {
        onSuccess: () =>
          toast.success(`${member.name} is now ${role === 'admin' ? 'an admin' : 'an agent'}.`),
        onError: (error) => toast.error(friendlyErrorText(error)),
      },
    );
  }

  const columns = [
    { label: 'Name' },
    { label: 'Role' },
    { label: 'Joined' },
    ...(workspace.canManage ? [{ label: 'Actions', hidden: true }] : []),
  ];

  return (
    <>
      <PageHeader
        title="Members"
        description={
          workspace.canManage
            ? `People who can sign in to ${workspace.name}. Admins manage settings; agents work in the workspace.`
            : `People who can sign in to ${workspace.name}.`
        }
        actions={
          workspace.canManage ? (
            <Link className={buttonClass('primary')} to={workspace.path('settings/invitations')}>
              Invite people
            </Link>
          ) : null
        }
      />
      {members.isPending ? (
        <LoadingBlock label="Loading members…" />
      ) : members.isError ? (
        <ErrorAlert error={members.error} title="Members could not be loaded" />
      ) : members.data.length === 0 ? (
        <EmptyState icon="users" title="No members yet">
          Invite your team from Settings → Invitations.
        </EmptyState>
      ) : (
        <Table caption="Workspace members" columns={columns}>
          {members.data.map((member) => {
            const editable = canEdit(member);
            const busy = changeRole.isPending && changeRole.variables?.userId === member.userId;
            return (
              <tr key={member.userId}>
                <td>
                  <strong>{member.name}</strong>
                  {member.userId === me.user.id ? (
                    <span className="muted" style={{ marginLeft: 6 }}>
                      (you)
                    </span>
                  ) : null}
                  <span className="cell-secondary">{member.email}</span>
                </td>
                <td>
                  {editable ? (
                    <Select
                      compact
                      aria-label={`Role of ${member.name}`}
                      value={busy && changeRole.variables ? changeRole.variables.role : member.role}
                      disabled={busy}
                      onChange={(e) => onRoleChange(member, e.target.value as AssignableRole)}
                    >
                      <option value="admin">Admin</option>
                      <option value="agent">Agent</option>
                    </Select>
                  ) : (
                    <Badge
                      tone={member.role === 'owner' ? 'dark' : member.role === 'admin' ? 'info' : 'neutral'}
                    >
                      {roleLabels[member.role]}
                    </Badge>
                  )}
                </td>
                <td>{formatDate(member.joinedAt)}</td>
                {workspace.canManage ? (
                  <td className="cell-actions">
                    {editable ? (
                      <Button
                        variant="danger-ghost"
                        size="sm"
                        onClick={() => {
                          remove.reset();
                          setRemoving(member);
                        }}
                      >
                        Remove<span className="visually-hidden"> {member.name}</span>
                      </Button>
                    ) : null}
                  </td>
                ) : null}
              </tr>
            );
          })}
        </Table>
      )}
      <ConfirmDialog
        open={removing !== null}
        title={`Remove ${removing?.name ?? 'member'}?`}
        confirmLabel="Remove member"
        pending={remove.isPending}
        error={remove.error ? <ErrorAlert error={remove.error} /> : null}
        onClose={() => setRemoving(null)}
        onConfirm={() => {
          if (!removing) return;
          const removed = removing;
          remove.mutate(removed.userId, {
            onSuccess: () => {
              toast.success(`${removed.name} was removed from ${workspace.name}.`);
              setRemoving(null);
            },
          });
        }}
      >
        {removing?.name} ({removing?.email}) will lose access to {workspace.name} immediately. You can invite
        them again later.
      </ConfirmDialog>
    </>
  );
}
