import { createContext, useContext, type ReactNode } from 'react';
import type { HttpClient } from './http-client';

const HttpClientContext = createContext<HttpClient | null>(null);

export function HttpClientProvider(props: { client: HttpClient; children: ReactNode }) {
  return <HttpClientContext.Provider value={props.client}>{props.children}</HttpClientContext.Provider>;
}

export function useHttpClient(): HttpClient {
  const client = useContext(HttpClientContext);
  if (!client) throw new Error('useHttpClient must be used inside <HttpClientProvider>');
  return client;
}
