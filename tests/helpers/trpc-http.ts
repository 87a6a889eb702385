import { CLIENT_ADDRESS_HEADER } from '@/server/auth/request-origin';
import { handleTrpcRequest } from '@/server/trpc/fetch-handler';

const ORIGIN = 'http://10.0.0.5:3000';

export interface TrpcCall {
  path: string;
  input: unknown;
}

export interface TrpcItem {
  result?: { data: { json: unknown } };
  error?: {
    json: { message: string; code: number; data: { code: string; httpStatus: number; retryAfterSeconds?: number } };
  };
}

/** One real HTTP request to the tRPC fetch handler: a batch (GET for queries, POST for mutations). */
export async function trpcBatch(
  calls: TrpcCall[],
  options: { method?: 'GET' | 'POST'; cookie?: string; address?: string } = {},
): Promise<{ status: number; headers: Headers; body: unknown }> {
  const method = options.method ?? 'GET';
  const inputs = Object.fromEntries(calls.map((call, i) => [i, { json: call.input }]));
  const url = new URL(`${ORIGIN}/api/trpc/${calls.map((c) => c.path).join(',')}`);
  url.searchParams.set('batch', '1');
  if (method === 'GET') url.searchParams.set('input', JSON.stringify(inputs));
  const headers: Record<string, string> = {
    host: '10.0.0.5:3000',
    origin: ORIGIN,
    [CLIENT_ADDRESS_HEADER]: options.address ?? '10.0.0.9',
  };
  if (options.cookie) headers.cookie = options.cookie;
  if (method === 'POST') headers['content-type'] = 'application/json';
  const response = await handleTrpcRequest(
    new Request(url, { method, headers, body: method === 'POST' ? JSON.stringify(inputs) : undefined }),
  );
  return { status: response.status, headers: response.headers, body: await response.json() };
}

/** The error code of each item of a batch answer ('OK' for results). */
export function itemCodes(body: unknown): string[] {
  return (body as TrpcItem[]).map((item) => (item.error ? item.error.json.data.code : 'OK'));
}
