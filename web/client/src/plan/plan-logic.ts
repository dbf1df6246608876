/** The planner page's pure logic: colours by candidate, run progress, the commit's list of changes. */
import type { CommitPreview, PlanAssignment, RunRecord } from "./types";

/** Twelve colours that stay apart on a dark and a light background. */
export const CANDIDATE_PALETTE = [
  "#4fa3e0", "#f2c14e", "#3fb6a8", "#e5484d", "#9b7ede", "#f08c3a",
  "#7ccf5a", "#e06fb0", "#5fd0e8", "#c9a66b", "#8fa3ff", "#d4e157",
] as const;

/** A colour per building with a candidate in the plan: candidates in id order take the palette in turn. */
export function buildingColors(plan: readonly PlanAssignment[]): Map<string, string> {
  const candidates = [...new Set(plan.map((p) => p.candidateId))].sort();
  const colorOf = new Map(candidates.map((id, i) => [id, CANDIDATE_PALETTE[i % CANDIDATE_PALETTE.length] ?? "#888"]));
  const colors = new Map<string, string>();
  for (const p of [...plan].sort((a, b) => a.candidateId.localeCompare(b.candidateId))) {
    if (!colors.has(p.buildingId)) {
      colors.set(p.buildingId, colorOf.get(p.candidateId) ?? "#888");
    }
  }
  return colors;
}

/** Seconds in a .NET TimeSpan as JSON writes it: "[d.]hh:mm:ss[.fffffff]". */
export function timeSpanSeconds(value: string): number {
  const match = /^(?:(\d+)\.)?(\d+):(\d+):(\d+(?:\.\d+)?)$/.exec(value);
  if (!match) {
    return Number.NaN;
  }
  const [, days, hours, minutes, seconds] = match;
  return Number(days ?? 0) * 86400 + Number(hours) * 3600 + Number(minutes) * 60 + Number(seconds);
}

export interface Progress {
  elapsed: string;
  objective: string;
  bound: string;
  gap: string;
  done: boolean;
}

/** A run's progress as the page shows it: elapsed seconds, objective and bound, gap in percent. */
export function progressOf(run: RunRecord): Progress {
  const fixed = (n: number, digits: number) => (Number.isFinite(n) ? n.toFixed(digits) : "—");
  return {
    elapsed: `${fixed(timeSpanSeconds(run.elapsed), 1)} s`,
    objective: fixed(run.objective, 1),
    bound: fixed(run.bestBound, 1),
    gap: `${fixed(run.gap * 100, 2)} %`,
    done: run.status !== "Running",
  };
}

export interface ChangeLine {
  action: string;
  twinId: string;
  name: string;
  buildingId: string | null;
}

/** What a commit will do, buildings first, each followed by who moves in. */
export function changeLines(preview: CommitPreview): ChangeLine[] {
  const buildings = preview.changes.filter((c) => c.action === "LetBuilding" || c.action === "CreateBuilding");
  const lines: ChangeLine[] = [];
  for (const b of buildings) {
    lines.push({ action: b.action, twinId: b.twinId, name: b.name, buildingId: b.buildingId });
    for (const e of preview.changes.filter((c) => c.buildingId === b.buildingId && c !== b && (c.action === "MoveIn" || c.action === "CreateEnterprise"))) {
      lines.push({ action: e.action, twinId: e.twinId, name: e.name, buildingId: e.buildingId });
    }
  }
  return lines;
}

/** Splits the ids typed or picked for a comparison; at least two distinct ones are needed. */
export function comparable(ids: readonly string[]): string[] | null {
  const distinct = [...new Set(ids.filter((id) => id.length > 0))];
  return distinct.length >= 2 ? distinct : null;
}
