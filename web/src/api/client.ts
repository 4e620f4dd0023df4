import { getLocale } from '../i18n/locale.ts';

/** A field-level error of a problem+json response. */
export type FieldProblem = { path: string; code: string; message: string };

/** RFC 9457 problem details as Totem sends them; `code: 'network'` when the server was not reached. */
export type Problem = { title: string; status: number; code: string; detail?: string; requestId?: string; errors?: FieldProblem[] };

/** A failed API call, carrying the server's problem details. */
export class ApiError extends Error {
  readonly problem: Problem;
  constructor(problem: Problem) {
    super(problem.title || problem.code);
    this.name = 'ApiError';
    this.problem = problem;
  }
}

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
export type RequestOptions = { method?: Method; body?: unknown; signal?: AbortSignal };

let csrfToken: string | null = null;

/** Remembers the session's anti-forgery token, sent with every write. */
export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

/** Calls the Totem API; resolves with the JSON body or rejects with an `ApiError`. */
export async function apiRequest<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const res = await send(path, options);
  if (res.status === 403 && options.method && options.method !== 'GET') {
    const problem = await readBody(res);
    // The token changes with the session (another tab may have signed in again): refresh it once.
    if (isProblem(problem) && problem.code === 'csrf_failed' && (await refreshCsrf())) return finish<T>(await send(path, options));
    throw new ApiError(toProblem(problem, res.status));
  }
  return finish<T>(res);
}

async function send(path: string, { method = 'GET', body, signal }: RequestOptions): Promise<Response> {
  const headers: Record<string, string> = { accept: 'application/json, application/problem+json', 'accept-language': getLocale() };
  if (body !== undefined) headers['content-type'] = 'application/json';
  if (method !== 'GET' && csrfToken) headers['x-csrf-token'] = csrfToken;
  try {
    return await fetch(path, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
      credentials: 'same-origin',
      signal,
    });
  } catch (err) {
    if (signal?.aborted) throw err;
    throw new ApiError({ title: '', status: 0, code: 'network' });
  }
}

async function finish<T>(res: Response): Promise<T> {
  const body = await readBody(res);
  if (!res.ok) throw new ApiError(toProblem(body, res.status));
  return body as T;
}

async function readBody(res: Response): Promise<unknown> {
  if (res.status === 204) return undefined;
  const text = await res.text();
  if (!text) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

async function refreshCsrf(): Promise<boolean> {
  const res = await send('/api/v1/auth/session', {});
  const session = (await readBody(res)) as { csrfToken?: string | null } | undefined;
  if (!res.ok || !session?.csrfToken || session.csrfToken === csrfToken) return false;
  csrfToken = session.csrfToken;
  return true;
}

function isProblem(body: unknown): body is Problem {
  return typeof body === 'object' && body !== null && typeof (body as Problem).code === 'string';
}

function toProblem(body: unknown, status: number): Problem {
  if (isProblem(body)) return { ...body, status };
  return { title: '', status, code: status >= 500 ? 'internal' : 'unexpected' };
}

/** Field errors keyed by field name (`body.email` → `email`). */
export function fieldProblems(error: unknown): Record<string, FieldProblem> {
  const out: Record<string, FieldProblem> = {};
  if (!(error instanceof ApiError)) return out;
  for (const e of error.problem.errors ?? []) {
    const field = e.path.replace(/^body\./, '');
    if (!out[field]) out[field] = e;
  }
  return out;
}

/** Sends a multipart form (a file upload) with the session's anti-forgery token; resolves like `apiRequest`. */
export async function apiUpload<T>(path: string, form: FormData): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json, application/problem+json', 'accept-language': getLocale() };
  if (csrfToken) headers['x-csrf-token'] = csrfToken;
  let res: Response;
  try {
    res = await fetch(path, { method: 'POST', headers, body: form, credentials: 'same-origin' });
  } catch {
    throw new ApiError({ title: '', status: 0, code: 'network' });
  }
  return finish<T>(res);
}
