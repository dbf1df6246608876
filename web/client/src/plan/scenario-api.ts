/** The planner's calls to /api/scenarios; a refused call throws a ProblemError naming the field. */
import { writeHeaders } from "../auth/session";
import type {
  Comparison,
  CommitPreview,
  CommitConflict,
  CsvRowError,
  DriftItem,
  RunRecord,
  Rules,
  ScenarioSummary,
  ScenarioView,
  Candidate,
} from "./types";

export class ProblemError extends Error {
  constructor(
    readonly status: number,
    readonly field: string | null,
    readonly detail: string,
    readonly conflicts: CommitConflict[] = [],
    readonly rows: CsvRowError[] = [],
  ) {
    super(`${status} ${field ?? ""}: ${detail}`);
    this.name = "ProblemError";
  }
}

interface ProblemBody {
  title?: string;
  detail?: string;
  field?: string;
  errors?: Record<string, string[]>;
  conflicts?: CommitConflict[];
  rows?: CsvRowError[];
}

/** Reads a ProblemDetails body into a ProblemError. */
export function toProblem(status: number, body: ProblemBody | null): ProblemError {
  const errors = body?.errors ?? {};
  const firstKey = Object.keys(errors)[0];
  const field = body?.field ?? firstKey ?? null;
  const detail = body?.detail ?? (firstKey ? (errors[firstKey] ?? []).join("; ") : (body?.title ?? `HTTP ${status}`));
  return new ProblemError(status, field, detail, body?.conflicts ?? [], body?.rows ?? []);
}

async function call<T>(method: string, url: string, body?: unknown, contentType = "application/json"): Promise<T> {
  const init: RequestInit = { method, headers: method === "GET" ? { Accept: "application/json" } : { ...writeHeaders(), "Content-Type": contentType }, credentials: "same-origin" };
  if (body !== undefined) {
    init.body = typeof body === "string" ? body : JSON.stringify(body);
  }
  const response = await fetch(url, init);
  const text = await response.text();
  const json: unknown = text.length > 0 && (response.headers.get("content-type") ?? "").includes("json") ? JSON.parse(text) : null;
  if (!response.ok) {
    throw toProblem(response.status, json as ProblemBody | null);
  }
  return json as T;
}

const base = "/api/scenarios";
const at = (id: string) => `${base}/${encodeURIComponent(id)}`;

export const scenarioApi = {
  list: () => call<ScenarioSummary[]>("GET", base),
  get: (id: string) => call<ScenarioView>("GET", at(id)),
  create: (name: string) => call<ScenarioView>("POST", base, { name }),
  rename: (id: string, name: string, expectedVersion: number) => call<ScenarioView>("POST", `${at(id)}/name`, { name, expectedVersion }),
  copy: (id: string, name: string) => call<ScenarioView>("POST", `${at(id)}/copy`, { name }),
  remove: (id: string, expectedVersion: number) => call<null>("DELETE", `${at(id)}?expectedVersion=${expectedVersion}`),
  drift: (id: string) => call<{ takenAt: string; items: DriftItem[] }>("GET", `${at(id)}/drift`),
  addCandidate: (id: string, candidate: Candidate, expectedVersion: number) =>
    call<ScenarioView>("POST", `${at(id)}/candidates`, { ...candidate, expectedVersion }),
  updateCandidate: (id: string, candidate: Candidate, expectedVersion: number) =>
    call<ScenarioView>("PUT", `${at(id)}/candidates/${encodeURIComponent(candidate.id)}`, { ...candidate, expectedVersion }),
  removeCandidate: (id: string, candidateId: string, expectedVersion: number) =>
    call<ScenarioView>("DELETE", `${at(id)}/candidates/${encodeURIComponent(candidateId)}?expectedVersion=${expectedVersion}`),
  addSigned: (id: string, expectedVersion: number) => call<ScenarioView>("POST", `${at(id)}/candidates/signed`, { expectedVersion }),
  importCsv: (id: string, csv: string, expectedVersion: number) =>
    call<{ added: number; errors: CsvRowError[]; scenario: ScenarioView }>("POST", `${at(id)}/candidates/csv?expectedVersion=${expectedVersion}`, csv, "text/csv"),
  setRules: (id: string, rules: Rules, expectedVersion: number) => call<ScenarioView>("PUT", `${at(id)}/rules`, { ...rules, expectedVersion }),
  startRun: (id: string, timeLimitSeconds: number, expectedVersion: number) =>
    call<{ runId: string; version: number }>("POST", `${at(id)}/runs`, { timeLimitSeconds, expectedVersion }),
  run: (id: string, runId: string) => call<RunRecord>("GET", `${at(id)}/runs/${encodeURIComponent(runId)}`),
  cancel: (id: string, runId: string) => call<null>("POST", `${at(id)}/runs/${encodeURIComponent(runId)}/cancel`),
  compare: (ids: string[]) => call<Comparison>("GET", `${base}/compare?ids=${ids.map(encodeURIComponent).join(",")}`),
  preview: (id: string) => call<CommitPreview>("GET", `${at(id)}/commit`),
  commit: (id: string, expectedVersion: number) => call<{ committed: unknown; scenario: ScenarioView }>("POST", `${at(id)}/commit`, { expectedVersion }),
  templateUrl: `${base}/candidates/template.csv`,
};
