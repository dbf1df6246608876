/** The scenario API's shapes (camelCase JSON from /api/scenarios). */
import type { Geometry, Polygon } from "geojson";

export interface Candidate {
  id: string;
  name: string;
  industry: string;
  minArea: number;
  maxArea: number;
  floors: number;
  discharge: number;
  hazardClass: number;
  readyBy: string;
  value: number;
}

export type CandidateSource = "Signed" | "Planner" | "Csv";

export interface CandidateEntry {
  candidate: Candidate;
  source: CandidateSource;
  twinVersion: number | null;
}

export interface PlanAssignment {
  candidateId: string;
  buildingId: string;
  source: "Manual" | "Optimiser";
}

export interface UnplacedReason {
  code: string;
  message: string;
  by: string[];
}

export interface Unplaced {
  candidateId: string;
  reasons: UnplacedReason[];
}

export type RunStatus = "Running" | "Optimal" | "Feasible" | "Greedy" | "Cancelled" | "Failed" | "Interrupted";

export interface RunRecord {
  runId: string;
  status: RunStatus;
  startedAt: string;
  finishedAt: string | null;
  /** "hh:mm:ss.fffffff" (a .NET TimeSpan). */
  elapsed: string;
  objective: number;
  bestBound: number;
  gap: number;
  totalValue: number;
  unplaced: Unplaced[];
  error: string | null;
  candidates: number;
  sites: number;
  placed: number;
}

export interface ZoneRule {
  zoneId: string;
  industries: string[];
}

export interface Rules {
  zoneIndustries: ZoneRule[];
  hazardThreshold: number;
  separationMetres: number;
  clusterWeight: number;
  wasteWeight: number;
}

export interface SnapshotZone {
  id: string;
  name: string;
  nameEn: string | null;
  industry: string;
}

export interface Scenario {
  id: string;
  name: string;
  version: number;
  createdAt: string;
  updatedAt: string;
  copiedFrom: string | null;
  snapshot: { takenAt: string; zones: SnapshotZone[] };
  candidates: CandidateEntry[];
  plan: PlanAssignment[];
  rules: Rules;
  lastRun: RunRecord | null;
  committed: { at: string; enterpriseIds: Record<string, string> } | null;
}

export interface Site {
  buildingId: string;
  name: string;
  zoneId: string;
  floorArea: number;
  floors: number;
  allowsSplit: boolean;
  stage: string;
  readyOn: string | null;
  footprint: Polygon | Geometry;
  planned: boolean;
}

export interface ZoneFigures {
  zoneId: string;
  name: string;
  areaUsed: number;
  vacantBuildings: number;
  vacantArea: number;
}

export interface PlantFigures {
  plantId: string;
  name: string;
  headroomBefore: number;
  headroomAfter: number;
}

export interface ScenarioFigures {
  id: string;
  name: string;
  version: number;
  candidates: number;
  placed: number;
  areaUsed: number;
  expectedTax: number;
  zones: ZoneFigures[];
  plants: PlantFigures[];
  tenants: Record<string, string[]>;
}

export interface ScenarioView {
  scenario: Scenario;
  sites: Site[];
  figures: ScenarioFigures;
}

export interface ScenarioSummary {
  id: string;
  name: string;
  version: number;
  createdAt: string;
  updatedAt: string;
  candidates: number;
  placed: number;
  committed: boolean;
  copiedFrom: string | null;
}

export interface CsvRowError {
  line: number;
  field: string;
  error: string;
}

export interface Comparison {
  scenarios: ScenarioFigures[];
  differences: { buildingId: string; tenants: Record<string, string[]> }[];
}

export type ChangeAction = "LetBuilding" | "MoveIn" | "CreateEnterprise" | "CreateBuilding";

export interface PlannedChange {
  action: ChangeAction;
  twinId: string;
  name: string;
  buildingId: string | null;
  candidateIds: string[];
}

export interface CommitConflict {
  twinId: string;
  field: string;
  reason: string;
  candidateId: string | null;
}

export interface CommitPreview {
  changes: PlannedChange[];
  conflicts: CommitConflict[];
}

export interface DriftItem {
  twinId: string;
  kind: string;
  field: string;
  before: string | null;
  after: string | null;
}
