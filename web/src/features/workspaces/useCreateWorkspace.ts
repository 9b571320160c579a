import { useMutation } from '@tanstack/react-query';
import { useNavigate } from 'react-router-dom';
import { api } from '../../app/api';
import { queryClient } from '../../app/queryClient';
import { meKey } from '../../app/queryKeys';
import type { Me, WorkspaceMembership } from '../../app/types';

/** Creates a workspace, adds it to the session's list and opens it. */
export function useCreateWorkspace(onCreated?: (workspace: WorkspaceMembership) => void) {
  const navigate = useNavigate();
  return useMutation({
    mutationFn: (name: string) => api.post<WorkspaceMembership>('/api/workspaces', { name }),
    onSuccess: (workspace) => {
      queryClient.setQueryData<Me | null>(meKey, (me) =>
        me ? { ...me, workspaces: [...me.workspaces.filter((w) => w.id !== workspace.id), workspace] } : me,
      );
      void queryClient.invalidateQueries({ queryKey: meKey });
      onCreated?.(workspace);
      navigate(`/w/${encodeURIComponent(workspace.id)}`);
    },
  });
}
