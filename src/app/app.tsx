import { useMemo, useState } from 'react';
import { QueryClientProvider, type QueryClient } from '@tanstack/react-query';
import { BrowserRouter, Route, Routes, useNavigate } from 'react-router';
import type { RuntimeConfig } from '../config/runtime-config';
import { AuthProvider, useAuth } from '../features/auth/auth-context';
import { RequireAuth } from '../features/auth/require-auth';
import { SignInCallbackRoute } from '../features/auth/sign-in-callback-route';
import { SignedOutRoute } from '../features/auth/signed-out-route';
import { CALLBACK_PATH, SIGNED_OUT_PATH, createUserManager } from '../features/auth/user-manager';
import { CampaignsRoute } from '../features/campaigns/campaigns-route';
import { CampaignDetailRoute } from '../features/campaigns/campaign-detail-route';
import { createHttpClient } from '../lib/http-client';
import { HttpClientProvider } from '../lib/http-client-context';
import { createQueryClient } from '../lib/query-client';
import { AppLayout } from './app-layout';
import { ForbiddenBoundary } from './forbidden-boundary';

export function App(props: { config: RuntimeConfig; queryClient?: QueryClient }) {
  const [queryClient] = useState(() => props.queryClient ?? createQueryClient());
  const [userManager] = useState(() => createUserManager(props.config));
  return (
    <QueryClientProvider client={queryClient}>
      <BrowserRouter>
        <SignedOutHandler queryClient={queryClient}>
          {(onSignedOut) => (
            <AuthProvider userManager={userManager} regionLabel={props.config.regionLabel} onSignedOut={onSignedOut}>
              <AuthenticatedHttp basePath={props.config.apiBasePath}>
                <AppRoutes />
              </AuthenticatedHttp>
            </AuthProvider>
          )}
        </SignedOutHandler>
      </BrowserRouter>
    </QueryClientProvider>
  );
}

/** Sign-out clears every cached campaign and lands on the signed-out page. */
function SignedOutHandler(props: { queryClient: QueryClient; children: (onSignedOut: () => void) => React.ReactNode }) {
  const navigate = useNavigate();
  const { queryClient } = props;
  const onSignedOut = useMemo(
    () => () => {
      queryClient.clear();
      navigate(SIGNED_OUT_PATH, { replace: true });
    },
    [queryClient, navigate],
  );
  return <>{props.children(onSignedOut)}</>;
}

function AuthenticatedHttp(props: { basePath: string; children: React.ReactNode }) {
  const { getAccessToken, renewAfterUnauthorized } = useAuth();
  const client = useMemo(
    () => createHttpClient({ basePath: props.basePath, getAccessToken, renewAccessToken: renewAfterUnauthorized }),
    [props.basePath, getAccessToken, renewAfterUnauthorized],
  );
  return <HttpClientProvider client={client}>{props.children}</HttpClientProvider>;
}

function AppRoutes() {
  return (
    <Routes>
      <Route path={CALLBACK_PATH} element={<SignInCallbackRoute />} />
      <Route path={SIGNED_OUT_PATH} element={<SignedOutRoute />} />
      <Route
        path="*"
        element={
          <RequireAuth>
            <AppLayout>
              <ForbiddenBoundary>
                <Routes>
                  <Route path="/" element={<CampaignsRoute />}>
                    <Route path="campaigns/:campaignId" element={<CampaignDetailRoute />} />
                  </Route>
                  <Route path="*" element={<NotFound />} />
                </Routes>
              </ForbiddenBoundary>
            </AppLayout>
          </RequireAuth>
        }
      />
    </Routes>
  );
}

function NotFound() {
  return (
    <section className="not-found">
      <h1>Page not found</h1>
      <p>
        <a href="/">Go to campaigns</a>
      </p>
    </section>
  );
}
