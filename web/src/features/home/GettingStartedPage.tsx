import { Link } from 'react-router-dom';
import { useCurrentUser } from '../../app/session';
import { useWorkspace } from '../../app/workspaceContext';
import { buttonClass } from '../../ui/Button';
import { Card } from '../../ui/Card';
import { Icon } from '../../ui/Icon';
import { PageHeader } from '../../ui/PageHeader';
import { useApiKeys, useInvitations, useMembers } from '../settings/settingsQueries';
import { checklistMemory } from './checklistMemory';

interface Step {
  id: string;
  title: string;
  description: string;
  done: boolean;
  /** Where to do it; only pages that exist. */
  action?: { label: string; to: string };
  /** Ticks the step when its link is followed (for steps the server can't track). */
  doneOnVisit?: boolean;
}

/** The workspace home: a short checklist that links only to what exists today. */
export function GettingStartedPage() {
  const workspace = useWorkspace();
  const me = useCurrentUser();
  const members = useMembers(workspace.id);
  const invitations = useInvitations(workspace.id, workspace.canManage);
  const keys = useApiKeys(workspace.id, workspace.canManage);

  const memberCount = members.data?.length ?? 1;
  const pendingCount = invitations.data?.length ?? 0;
  const activeKeys = keys.data?.filter((k) => !k.revokedAt).length ?? 0;

  const steps: Step[] = workspace.canManage
    ? [
        {
          id: 'workspace',
          title: 'Create the workspace',
          description: `${workspace.name} is ready.`,
          done: true,
        },
        {
          id: 'team',
          title: 'Invite your team',
          description:
            memberCount > 1
              ? `${memberCount} people are in this workspace.`
              : pendingCount > 0
                ? `${pendingCount} invitation${pendingCount === 1 ? ' is' : 's are'} waiting to be accepted.`
                : 'Create an invitation link for each teammate and send it to them.',
          done: memberCount > 1,
          action: {
            label: pendingCount > 0 ? 'View invitations' : 'Invite people',
            to: workspace.path('settings/invitations'),
          },
        },
        {
          id: 'api-key',
          title: 'Create an API key',
          description:
            activeKeys > 0
              ? `${activeKeys} active key${activeKeys === 1 ? '' : 's'}.`
              : 'Optional: lets your CRM, website or scripts use ChatSyncs.',
          done: activeKeys > 0,
          action: {
            label: activeKeys > 0 ? 'Manage keys' : 'Create a key',
            to: workspace.path('settings/api-keys'),
          },
        },
      ]
    : [
        {
          id: 'join',
          title: `Join ${workspace.name}`,
          description: 'You are an agent in this workspace.',
          done: true,
        },
        {
          id: 'team',
          title: 'Meet your team',
          description: members.data
            ? `${memberCount} ${memberCount === 1 ? 'person works' : 'people work'} in ${workspace.name}. Admins manage its settings.`
            : `See who works in ${workspace.name}. Admins manage its settings.`,
          done: checklistMemory.isDone(workspace.id, 'team'),
          doneOnVisit: true,
          action: { label: 'View members', to: workspace.path('settings/members') },
        },
      ];

  const doneCount = steps.filter((s) => s.done).length;
  const firstName = me.user.name.trim().split(/\s+/)[0] ?? me.user.name;

  return (
    <>
      <PageHeader
        title="Getting started"
        description={
          workspace.canManage
            ? `Hi ${firstName} — a few steps to set up ${workspace.name}.`
            : `Hi ${firstName} — welcome to ${workspace.name}.`
        }
      />
      <div className="stack" style={{ gap: 24 }}>
        <Card padded={false}>
          <div className="card-header">
            <div className="row" style={{ justifyContent: 'space-between' }}>
              <h2>Setup checklist</h2>
              <span className="muted">
                {doneCount} of {steps.length} done
              </span>
            </div>
            <div
              className="progress"
              role="progressbar"
              aria-label="Setup progress"
              aria-valuemin={0}
              aria-valuemax={steps.length}
              aria-valuenow={doneCount}
              style={{ marginTop: 10 }}
            >
              <span style={{ width: `${(doneCount / steps.length) * 100}%` }} />
            </div>
          </div>
          <ul className="checklist">
            {steps.map((step) => (
              <li key={step.id} className={step.done ? 'checklist-item is-done' : 'checklist-item'}>
                <span className="checklist-status">
                  <Icon name="check" size={14} strokeWidth={2.5} />
                </span>
                <div className="checklist-text">
                  <strong>
                    {step.title}
                    <span className="visually-hidden">{step.done ? ' (done)' : ' (to do)'}</span>
                  </strong>
                  <p>{step.description}</p>
                </div>
                {step.action ? (
                  <Link
                    className={buttonClass(step.done ? 'ghost' : 'secondary', 'sm')}
                    to={step.action.to}
                    onClick={
                      step.doneOnVisit ? () => checklistMemory.markDone(workspace.id, step.id) : undefined
                    }
                  >
                    {step.action.label}
                  </Link>
                ) : null}
              </li>
            ))}
          </ul>
        </Card>
        {workspace.canManage ? (
          <Card
            title="Build on ChatSyncs"
            description="Your own software can use ChatSyncs through its REST API, with an API key."
          >
            <a className={buttonClass('secondary')} href="/api/docs" target="_blank" rel="noreferrer">
              <Icon name="book" />
              Open the API documentation
              <Icon name="externalLink" size={14} />
            </a>
          </Card>
        ) : null}
      </div>
    </>
  );
}
