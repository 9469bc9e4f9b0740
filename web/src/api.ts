// The JSON API (served by the same process; see /api/openapi.json). The
// session cookie is HttpOnly; the CSRF token from login is kept in memory
// and sent with every state-changing request.

export interface SessionInfo {
  user: string;
  role: 'administrator' | 'documenter' | 'analyst' | 'reviewer';
  csrf_token: string;
  totp?: boolean;  // one-time codes enrolled
  // An administrator who must enrol one-time codes before anything else.
  totp_enrollment_required?: boolean;
}

let csrf = '';
export function setCsrf(token: string) {
  csrf = token;
}

export class ApiError extends Error {
  // CODE: a word for programs beside the message ("totp_required").
  constructor(public status: number, message: string, public code = '') {
    super(message);
  }
}

export async function api<T = any>(method: string, path: string, body?: unknown): Promise<T> {
  const headers: Record<string, string> = { Accept: 'application/json' };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  if (method !== 'GET') headers['X-CSRF-Token'] = csrf;
  const res = await fetch(path, {
    method,
    headers,
    body: body === undefined ? undefined : JSON.stringify(body),
    credentials: 'same-origin',
  });
  let data: any = null;
  try {
    data = await res.json();
  } catch {
    data = null;
  }
  if (!res.ok) throw new ApiError(res.status, (data && data.error) || res.statusText, (data && data.code) || '');
  return data as T;
}

export const get = <T = any>(path: string) => api<T>('GET', path);
export const post = <T = any>(path: string, body?: unknown) => api<T>('POST', path, body ?? {});
export const put = <T = any>(path: string, body: unknown) => api<T>('PUT', path, body);
export const del = <T = any>(path: string) => api<T>('DELETE', path);
export const q = (params: Record<string, string | number>) =>
  '?' + new URLSearchParams(Object.entries(params).map(([k, v]) => [k, String(v)])).toString();
