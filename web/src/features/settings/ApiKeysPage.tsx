import { useState } from 'react';
import { ErrorAlert } from '../../app/ErrorAlert';
import { formatDate, formatRelative } from '../../app/format';
import type { ApiKey } from '../../app/types';
import { useWorkspace } from '../../app/workspaceContext';
import { Badge } from '../../ui/Badge';
import { Button, buttonClass } from '../../ui/Button';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { EmptyState } from '../../ui/EmptyState';
import { Icon } from '../../ui/Icon';
import { LoadingBlock } from '../../ui/LoadingBlock';
import { PageHeader } from '../../ui/PageHeader';
import { Table } from '../../ui/Table';
import { useToast } from '../../ui/Toast';
import { CreateApiKeyDialog } from './CreateApiKeyDialog';
import { useApiKeys, useRevokeApiKey } from './settingsQueries';

/** Keys for the public REST API: create (secret shown once), see usage, revoke. */
export function ApiKeysPage() {
  const workspace = useWorkspace();
  const toast = useToast();
  const keys = useApiKeys(workspace.id);
  const revoke = useRevokeApiKey(workspace.id);
  const [creating, setCreating] = useState(false);
  const [revoking, setRevoking] = useState<ApiKey | null>(null);

  const createButton = (
    <Button variant="primary" icon="plus" onClick={() => setCreating(true)}>
      Create API key
    </Button>
  );

  return (
    <>
      <PageHeader
        title="API keys"
        description={
          <>
            Connect your own software to {workspace.name}. Each key works for this workspace only. See the{' '}
            <a href="/api/docs" target="_blank" rel="noreferrer">
              API documentation
            </a>{' '}
            for what you can do with it.
          </>
        }
        actions={
          <>
            <a className={buttonClass('secondary')} href="/api/docs" target="_blank" rel="noreferrer">
              <Icon name="book" />
              API docs
            </a>
            {keys.data && keys.data.length > 0 ? createButton : null}
          </>
        }
      />
      {keys.isPending ? (
        <LoadingBlock label="Loading API keys…" />
      ) : keys.isError ? (
        <ErrorAlert error={keys.error} title="API keys could not be loaded" />
      ) : keys.data.length === 0 ? (
        <EmptyState icon="key" title="No API keys yet" action={createButton}>
          Create a key when you want another system — your CRM, website or scripts — to use ChatSyncs.
        </EmptyState>
      ) : (
        <Table
          caption="API keys"
          columns={[
            { label: 'Name' },
            { label: 'Key' },
            { label: 'Last used' },
            { label: 'Status' },
            { label: 'Actions', hidden: true },
          ]}
        >
          {keys.data.map((key) => (
            <tr key={key.id} className={key.revokedAt ? 'is-inactive' : undefined}>
              <td>
                <strong>{key.name}</strong>
                <span className="cell-secondary">
                  Created {formatDate(key.createdAt)} by {key.createdBy.name}
                </span>
              </td>
              <td>
                <code>{key.prefix}…</code>
              </td>
              <td>{key.lastUsedAt ? formatRelative(key.lastUsedAt) : 'Never'}</td>
              <td>
                {key.revokedAt ? (
                  <Badge>Revoked {formatDate(key.revokedAt)}</Badge>
                ) : (
                  <Badge tone="success">Active</Badge>
                )}
              </td>
              <td className="cell-actions">
                {key.revokedAt ? null : (
                  <Button
                    variant="danger-ghost"
                    size="sm"
                    onClick={() => {
                      revoke.reset();
                      setRevoking(key);
                    }}
                  >
                    Revoke<span className="visually-hidden"> {key.name}</span>
                  </Button>
                )}
              </td>
            </tr>
          ))}
        </Table>
      )}
      <CreateApiKeyDialog open={creating} onClose={() => setCreating(false)} />
      <ConfirmDialog
        open={revoking !== null}
        title={`Revoke “${revoking?.name ?? ''}”?`}
        confirmLabel="Revoke key"
        pending={revoke.isPending}
        error={revoke.error ? <ErrorAlert error={revoke.error} /> : null}
        onClose={() => setRevoking(null)}
        onConfirm={() => {
          if (!revoking) return;
          const target = revoking;
          revoke.mutate(target.id, {
            onSuccess: () => {
              toast.success(`API key “${target.name}” revoked.`);
              setRevoking(null);
            },
          });
        }}
      >
        Anything using this key stops working right away. This can't be undone — you would create a new key
        instead.
      </ConfirmDialog>
    </>
  );
}
