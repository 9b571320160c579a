import { Dialog } from '../../ui/Dialog';
import { useToast } from '../../ui/Toast';
import { CreateWorkspaceForm } from './CreateWorkspaceForm';

export function CreateWorkspaceDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const toast = useToast();
  return (
    <Dialog
      open={open}
      onClose={onClose}
      title="Create a workspace"
      description="You will be its owner. Switch between workspaces from the top of the sidebar."
    >
      <CreateWorkspaceForm
        onCancel={onClose}
        onCreated={(workspace) => {
          toast.success(`Workspace “${workspace.name}” created.`);
          onClose();
        }}
      />
    </Dialog>
  );
}
