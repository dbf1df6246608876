/**
 * The browser's session with the twin: who is signed in (GET /api/auth/session), the
 * anti-forgery token every write must carry, and the way to the sign-in page.
 */

export interface Session {
  readonly authenticated: boolean;
  readonly name: string | null;
  readonly displayName: string | null;
  readonly roles: readonly string[];
  readonly wall: string | null;
  readonly mustChangePassword: boolean;
  readonly antiforgeryToken: string | null;
  readonly oidc: boolean;
}

export type Role = "viewer" | "operator" | "planner" | "presenter" | "admin";

export const ANTIFORGERY_HEADER = "X-XSRF-TOKEN";

let current: Session | null = null;
/** Counts the changes of `current`: a slow answer never overwrites a newer session (and its anti-forgery token). */
let generation = 0;

function setCurrent(session: Session | null): void {
  current = session;
  generation++;
}

export async function fetchSession(): Promise<Session> {
  const started = generation;
  const response = await fetch("/api/auth/session", { headers: { Accept: "application/json" }, credentials: "same-origin" });
  if (!response.ok) {
    throw new Error(`/api/auth/session answered ${response.status}`);
  }
  const session = (await response.json()) as Session;
  if (generation === started) {
    setCurrent(session);
  }
  return session;
}

/** The last session fetched (null before the first). */
export function session(): Session | null {
  return current;
}

export function hasRole(s: Session | null, role: Role): boolean {
  return s?.roles.includes(role) ?? false;
}

/** The sign-in page's address that comes back to `returnTo` (a local path) afterwards. */
export function loginUrl(returnTo: string): string {
  return `/login?return=${encodeURIComponent(safeReturn(returnTo))}`;
}

/** Only a path on this site: never another origin (`//host`, `/\host`, `https:`). */
export function safeReturn(value: string | null | undefined): string {
  if (!value?.startsWith("/") || value.startsWith("//") || value.startsWith("/\\")) {
    return "/";
  }
  return value;
}

/**
 * The session of a signed-in person; anyone else is sent to the sign-in page (and this promise
 * never settles, as the page is leaving).
 */
export async function requirePerson(): Promise<Session> {
  const s = await fetchSession();
  const person = s.authenticated && !s.mustChangePassword && s.wall === null;
  if (!person) {
    window.location.assign(loginUrl(window.location.pathname + window.location.search + window.location.hash));
    return new Promise<Session>(() => undefined);
  }
  return s;
}

/** Headers for a write: JSON and the anti-forgery token of the current session. */
export function writeHeaders(): Record<string, string> {
  const headers: Record<string, string> = { "Content-Type": "application/json", Accept: "application/json" };
  if (current?.antiforgeryToken) {
    headers[ANTIFORGERY_HEADER] = current.antiforgeryToken;
  }
  return headers;
}

/** POSTs JSON with the session's anti-forgery token; the answer's JSON (or null) and status. */
export async function postJson(url: string, body: unknown): Promise<{ status: number; body: unknown }> {
  const response = await fetch(url, { method: "POST", headers: writeHeaders(), body: JSON.stringify(body), credentials: "same-origin" });
  const text = await response.text();
  return { status: response.status, body: text.length > 0 ? (JSON.parse(text) as unknown) : null };
}

type Answer = Partial<Session> & { detail?: string; errors?: Record<string, string[]>; field?: string };

export async function signIn(userName: string, password: string): Promise<{ ok: boolean; session: Session | null; error: string | null }> {
  await fetchSession();
  const { status, body: answer } = await postJson("/api/auth/login", { userName, password });
  const body = answer as Answer | null;
  if (status === 200 && body) {
    setCurrent(body as Session);
    return { ok: true, session: body as Session, error: null };
  }
  return { ok: false, session: null, error: body?.detail ?? `HTTP ${status}` };
}

export async function changePassword(currentPassword: string, newPassword: string): Promise<{ ok: boolean; error: string | null; field: string | null }> {
  const { status, body: answer } = await postJson("/api/auth/password", { currentPassword, newPassword });
  const body = answer as Answer | null;
  if (status === 200 && body) {
    setCurrent(body as Session);
    return { ok: true, error: null, field: null };
  }
  const field = body?.errors ? (Object.keys(body.errors)[0] ?? null) : (body?.field ?? null);
  const error = body?.errors && field ? (body.errors[field]?.[0] ?? null) : (body?.detail ?? null);
  return { ok: false, error: error ?? `HTTP ${status}`, field };
}

/** A wall screen signs in with its display key (never kept in the page's address). */
export async function signInDisplay(key: string): Promise<boolean> {
  await fetchSession();
  const { status, body } = await postJson("/api/auth/display", { key });
  if (status === 200 && body) {
    setCurrent(body as Session);
    return true;
  }
  return false;
}

export async function signOut(): Promise<void> {
  await postJson("/api/auth/logout", {});
  setCurrent(null);
}
