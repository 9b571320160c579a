import { createBrowserRouter, Navigate, type RouteObject } from 'react-router-dom';
import { LoginPage } from '../features/auth/LoginPage';
import { AcceptInvitationPage } from '../features/invitations/AcceptInvitationPage';
import { SetupPage } from '../features/setup/SetupPage';
import { AdminOnly } from './AdminOnly';
import { HomeRedirect } from './HomeRedirect';
import { NotFoundPage } from './NotFoundPage';
import { nav } from './nav';
import { RequireSession } from './RequireSession';
import { RouteErrorPage } from './RouteErrorPage';
import { WorkspaceLayout } from './WorkspaceLayout';

const workspaceRoutes: RouteObject[] = nav.map(({ path, adminOnly, Component }) => {
  const element = adminOnly ? (
    <AdminOnly key={path}>
      <Component />
    </AdminOnly>
  ) : (
    <Component key={path} />
  );
  return path === '' ? { index: true, element } : { path, element };
});

export const routes: RouteObject[] = [
  {
    errorElement: <RouteErrorPage />,
    children: [
      { path: '/setup', element: <SetupPage /> },
      { path: '/login', element: <LoginPage /> },
      { path: '/invite/:token', element: <AcceptInvitationPage /> },
      {
        element: <RequireSession />,
        children: [
          { path: '/', element: <HomeRedirect /> },
          {
            path: '/w/:wid',
            element: <WorkspaceLayout />,
            children: [
              ...workspaceRoutes,
              { path: 'settings', element: <Navigate to="members" replace /> },
              { path: '*', element: <NotFoundPage embedded /> },
            ],
          },
        ],
      },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
];

export const router = createBrowserRouter(routes);
