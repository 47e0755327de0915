import { useMemo, useState } from 'react';
import { QueryClientProvider, type QueryClient } from '@tanstack/react-query';
import { BrowserRouter, Navigate, Route, Routes, useLocation, useNavigate } from 'react-router';
import type { RuntimeConfig } from '../config/runtime-config';
import { AuthProvider } from '../features/auth/auth-context';
import { useAuth } from '../features/auth/use-auth';
import { RequireAuth } from '../features/auth/require-auth';
import { CALLBACK_PATH, SIGNED_OUT_PATH } from '../features/auth/auth-paths';
import { lazyAuthPage } from '../features/auth/auth-pages';
import { CampaignsRoute } from '../features/campaigns/routes/campaigns-route';
import { CampaignDetailRoute } from '../features/campaigns/routes/campaign-detail-route';
import { createHttpClient } from '../lib/http-client';
import { HttpClientProvider } from '../lib/http-client-context';
import { createQueryClient } from '../lib/query-client';
import { AppLayout } from './app-layout';
import { ForbiddenBoundary } from './forbidden-boundary';

// They need oidc-client-ts, which a returning supervisor's first screen does without.
const SignInCallbackRoute = lazyAuthPage('SignInCallbackRoute');
const SignedOutRoute = lazyAuthPage('SignedOutRoute');

export function App(props: { config: RuntimeConfig; queryClient?: QueryClient }) {
  const [queryClient] = useState(() => props.queryClient ?? createQueryClient());
  return (
    <QueryClientProvider client={queryClient}>
      <BrowserRouter useTransitions={false}>
        <SignedOutHandler queryClient={queryClient}>
          {(onSignedOut) => (
            <AuthProvider config={props.config} onSignedOut={onSignedOut}>
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
                  <Route path="campaigns" element={<ToList />} />
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

/** `/campaigns` names the list too: keep its query. */
function ToList() {
  const { search } = useLocation();
  return <Navigate to={{ pathname: '/', search }} replace />;
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
