import { createTRPCClient, httpBatchLink, TRPCClientError } from '@trpc/client';
import { QueryClient } from '@tanstack/react-query';
import type { AppRouter } from '@sakip/api/router';
import type { inferRouterInputs, inferRouterOutputs } from '@trpc/server';

export type RouterInputs = inferRouterInputs<AppRouter>;
export type RouterOutputs = inferRouterOutputs<AppRouter>;

const TOKEN_KEY = 'sakip.token';

export const session = {
  token: (): string | null => sessionStorage.getItem(TOKEN_KEY),
  set: (token: string) => sessionStorage.setItem(TOKEN_KEY, token),
  clear: () => sessionStorage.removeItem(TOKEN_KEY),
};

/** Typed against the API's router; only the type is imported, never server code. */
export const api = createTRPCClient<AppRouter>({
  links: [
    httpBatchLink({
      url: '/trpc',
      headers() {
        const token = session.token();
        return token ? { authorization: `Bearer ${token}` } : {};
      },
    }),
  ],
});

export const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      staleTime: 30_000,
      refetchOnWindowFocus: false,
      retry: (count, err) => {
        if (err instanceof TRPCClientError) {
          const code = (err.data as { code?: string } | undefined)?.code;
          if (
            code &&
            [
              'UNAUTHORIZED',
              'FORBIDDEN',
              'NOT_FOUND',
              'BAD_REQUEST',
              'PRECONDITION_FAILED',
            ].includes(code)
          )
            return false;
        }
        return count < 2;
      },
    },
  },
});

export type ApiError = TRPCClientError<AppRouter>;
export const isApiError = (e: unknown): e is ApiError => e instanceof TRPCClientError;
