import { Client, cacheExchange, fetchExchange, subscriptionExchange, type AnyVariables, type TypedDocumentNode } from '@urql/core';
import { createClient as createWsClient } from 'graphql-ws';
import { bearer } from './auth';

/** The one GraphQL client: queries and mutations over HTTP, subscriptions over graphql-transport-ws. */
const ws = typeof window === 'undefined' ? null : createWsClient({
  url: `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/graphql`,
  lazy: true,
  // browsers cannot set headers on a WebSocket: the token travels in connection_init
  connectionParams: () => {
    const token = bearer();
    return token ? { Authorization: token } : {};
  },
});

export const client = new Client({
  url: '/graphql',
  preferGetMethod: false,
  requestPolicy: 'network-only',
  fetchOptions: () => {
    const token = bearer();
    return token ? { headers: { Authorization: token } } : {};
  },
  exchanges: [
    cacheExchange,
    fetchExchange,
    ...(ws ? [subscriptionExchange({
      forwardSubscription: (request) => ({
        subscribe: (sink) => ({ unsubscribe: ws.subscribe({ ...request, query: request.query ?? '' }, sink) }),
      }),
    })] : []),
  ],
});

/** A GraphQL error as people read it. */
export class ApiError extends Error {
  constructor(readonly code: string, message: string) {
    super(message);
  }
}

export async function run<D, V extends AnyVariables>(operation: string | TypedDocumentNode<D, V>, variables: V, mutation = false): Promise<D> {
  const result = mutation
    ? await client.mutation<D, V>(operation, variables).toPromise()
    : await client.query<D, V>(operation, variables).toPromise();
  if (result.error) {
    const first = result.error.graphQLErrors[0];
    throw new ApiError(String(first?.extensions?.code ?? 'NETWORK'), first?.message ?? result.error.message);
  }
  return result.data as D;
}
