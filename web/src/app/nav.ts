import type { ComponentType } from 'react';
import { ChannelsPage } from '../features/channels/ChannelsPage';
import { GettingStartedPage } from '../features/home/GettingStartedPage';
import { InboxPage } from '../features/inbox/InboxPage';
import { ApiKeysPage } from '../features/settings/ApiKeysPage';
import { InvitationsPage } from '../features/settings/InvitationsPage';
import { MembersPage } from '../features/settings/MembersPage';
import { SimulatorPage } from '../features/simulator/SimulatorPage';
import type { IconName } from '../ui/Icon';

export type NavSection = 'workspace' | 'settings';

export interface NavItem {
  label: string;
  /** Relative to `/w/:wid/`; '' is the workspace home. */
  path: string;
  icon: IconName;
  section: NavSection;
  /** Hidden from agents; the page itself also refuses them. */
  adminOnly?: boolean;
  Component: ComponentType;
}

export const navSections: ReadonlyArray<{ id: NavSection; label: string | null }> = [
  { id: 'workspace', label: null },
  { id: 'settings', label: 'Settings' },
];

/**
 * Every page of a workspace, in sidebar order. A feature adds itself here (one entry) and gets
 * both its route and its sidebar link. Only list what works.
 */
export const nav: readonly NavItem[] = [
  { label: 'Getting started', path: '', icon: 'home', section: 'workspace', Component: GettingStartedPage },
  { label: 'Inbox', path: 'inbox', icon: 'messageCircle', section: 'workspace', Component: InboxPage },
  {
    label: 'Phone simulator',
    path: 'simulator',
    icon: 'smartphone',
    section: 'workspace',
    Component: SimulatorPage,
  },
  {
    label: 'WhatsApp numbers',
    path: 'channels',
    icon: 'smartphone',
    section: 'settings',
    Component: ChannelsPage,
  },
  { label: 'Members', path: 'settings/members', icon: 'users', section: 'settings', Component: MembersPage },
  {
    label: 'Invitations',
    path: 'settings/invitations',
    icon: 'mail',
    section: 'settings',
    adminOnly: true,
    Component: InvitationsPage,
  },
  {
    label: 'API keys',
    path: 'settings/api-keys',
    icon: 'key',
    section: 'settings',
    adminOnly: true,
    Component: ApiKeysPage,
  },
];
