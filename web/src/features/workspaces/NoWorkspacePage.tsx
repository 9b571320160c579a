import { AuthLayout } from '../../app/AuthLayout';
import { useSignOut } from '../../app/session';
import { Button } from '../../ui/Button';
import { CreateWorkspaceForm } from './CreateWorkspaceForm';

/** A signed-in user who belongs to no workspace (all memberships removed): start a new one. */
export function NoWorkspacePage() {
  const signOut = useSignOut();
  return (
    <AuthLayout
      title="You're not in a workspace"
      lead="You are no longer a member of any workspace. Create your own, or ask an admin to invite you again."
      footer={
        <Button
          variant="ghost"
          size="sm"
          icon="logOut"
          onClick={() => signOut.mutate()}
          loading={signOut.isPending}
        >
          Log out
        </Button>
      }
    >
      <CreateWorkspaceForm />
    </AuthLayout>
  );
}
