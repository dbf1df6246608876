/**
 * The planner page (/plan): scenarios on the left, the map in the middle, the chosen scenario's
 * demand, run, rules, comparison and commit on the right. Every change goes to the scenario API
 * with the version the page holds; the live park changes only on commit.
 */
import "../styles/app.css";
import { requirePerson, writeHeaders } from "../auth/session";
import type { TwinFeatureCollection } from "../api/types";
import { h, replace, byId } from "../ui/dom";
import { pt, type PlanKey, type PlanLang } from "./messages";
import { PlanMap } from "./plan-map";
import { buildingColors, changeLines, comparable, progressOf, type Progress } from "./plan-logic";
import { ProblemError, scenarioApi } from "./scenario-api";
import type { Candidate, CsvRowError, RunRecord, ScenarioSummary, ScenarioView } from "./types";

interface PlanHook {
  ready: boolean;
  scenarioId: string | null;
  placed: number;
  colored: () => number;
  runStatus: string | null;
  committed: boolean;
  lastError: string | null;
}

declare global {
  interface Window {
    __plan?: PlanHook;
  }
}

const hook: PlanHook = { ready: false, scenarioId: null, placed: 0, colored: () => map.colored, runStatus: null, committed: false, lastError: null };
window.__plan = hook;

let lang: PlanLang = new URLSearchParams(window.location.search).get("lang") === "en" ? "en" : "zh";
const t = (key: PlanKey, params?: Record<string, string | number>) => pt(lang, key, params);

let summaries: ScenarioSummary[] = [];
let current: ScenarioView | null = null;
let rowErrors: CsvRowError[] = [];
let runProgress: RunRecord | null = null;
let runId: string | null = null;
let message: { text: string; bad: boolean } | null = null;
let editing: Candidate | null = null;
let comparison: Awaited<ReturnType<typeof scenarioApi.compare>> | null = null;
let compareWith = "";

/** The open scenario; only called where one is open. */
function view(): ScenarioView {
  if (!current) {
    throw new Error("no scenario is open");
  }
  return current;
}

const map = new PlanMap(byId("plan-map"));
map.onClick((buildingId) => {
  // Clicking a building while a candidate is being edited places it there (a manual placement).
  const candidate = editing;
  if (!current || !candidate) {
    return;
  }
  void act(() => callAssign(candidate.id, buildingId));
});

async function callAssign(candidateId: string, buildingId: string): Promise<ScenarioView> {
  const s = view().scenario;
  const response = await fetch(`/api/scenarios/${s.id}/assignments`, {
    method: "POST",
    headers: writeHeaders(),
    credentials: "same-origin",
    body: JSON.stringify({ candidateId, buildingId, expectedVersion: s.version }),
  });
  if (!response.ok) {
    const body = (await response.json()) as { detail?: string; field?: string };
    throw new ProblemError(response.status, body.field ?? null, body.detail ?? "");
  }
  return (await response.json()) as ScenarioView;
}

/** Runs an API call, shows its error (naming the field) if it fails, and re-renders. */
async function act(call: () => Promise<ScenarioView | null | undefined>): Promise<void> {
  try {
    const view = await call();
    if (view) {
      current = view;
    }
    message = null;
    hook.lastError = null;
  } catch (error: unknown) {
    const text = error instanceof ProblemError ? `${error.field ?? ""}: ${error.detail}` : String(error);
    message = { text, bad: true };
    hook.lastError = text;
  }
  await refreshList();
  render();
}

async function refreshList(): Promise<void> {
  summaries = await scenarioApi.list();
}

async function open(id: string): Promise<void> {
  current = await scenarioApi.get(id);
  rowErrors = [];
  runProgress = current.scenario.lastRun;
  comparison = null;
  render();
}

// ---- rendering ----
function render(): void {
  document.documentElement.lang = lang === "zh" ? "zh-CN" : "en";
  document.querySelectorAll<HTMLElement>("[data-p]").forEach((e) => (e.textContent = t(e.dataset["p"] as PlanKey)));
  byId("lang-toggle").textContent = t("plan.lang");
  renderList();
  renderPanel();
  void map.show(current);
  hook.scenarioId = current?.scenario.id ?? null;
  hook.placed = current?.scenario.plan.length ?? 0;
  hook.runStatus = runProgress?.status ?? null;
  hook.committed = current?.scenario.committed !== null && current?.scenario.committed !== undefined;
}

function renderList(): void {
  const name = h("input", { id: "new-name", placeholder: t("plan.newName") });
  replace(
    byId("scenario-list"),
    h("h2", {}, t("plan.scenarios")),
    name,
    h("button", { id: "create", class: "primary", onclick: () => void act(() => scenarioApi.create(name.value)) }, t("plan.create")),
    summaries.length === 0 ? h("p", { class: "muted" }, t("plan.none")) : null,
    ...summaries.map((s) =>
      h("div", { class: `scenario-item${s.id === current?.scenario.id ? " current" : ""}`, "data-id": s.id, onclick: () => void open(s.id) },
        h("div", {}, s.name, s.committed ? ` · ${t("plan.committed")}` : ""),
        h("div", { class: "muted" }, `${s.placed}/${s.candidates} · v${s.version}`))),
  );
}

function renderPanel(): void {
  const panel = byId("scenario-panel");
  if (!current) {
    replace(panel, h("p", { class: "muted" }, t("plan.none")));
    return;
  }
  const s = current.scenario;
  replace(
    panel,
    header(),
    message ? h("p", { class: message.bad ? "row-errors" : "muted", id: "message" }, message.text) : null,
    h("h2", {}, t("plan.candidates")),
    demandTools(),
    rowErrors.length > 0
      ? h("div", { id: "row-errors", class: "row-errors" }, t("plan.rowErrors"),
          ...rowErrors.map((e) => h("div", { class: "row-error" }, t("plan.rowError", { line: e.line, field: e.field, error: e.error }))))
      : null,
    candidateForm(),
    candidateTable(),
    h("h2", {}, t("plan.run")),
    runSection(),
    h("h2", {}, t("plan.rules")),
    rulesSection(),
    h("h2", {}, t("plan.compare")),
    compareSection(),
    h("h2", {}, t("plan.commit")),
    h("button", { id: "commit", class: "primary", disabled: s.committed !== null || s.plan.length === 0, onclick: () => void showCommit() }, t("plan.commit")),
  );
}

function header(): HTMLElement {
  const s = view().scenario;
  return h("div", {},
    h("h2", { id: "scenario-name" }, `${s.name} · v${s.version}`),
    h("button", { id: "rename", onclick: () => { const name = prompt(t("plan.rename"), s.name); if (name) { void act(() => scenarioApi.rename(s.id, name, s.version)); } } }, t("plan.rename")),
    h("button", { id: "copy", onclick: () => void act(() => scenarioApi.copy(s.id, t("plan.copyName", { name: s.name }))) }, t("plan.copy")),
    h("button", { id: "delete", onclick: () => { if (confirm(t("plan.deleteConfirm", { name: s.name }))) { void act(async () => { await scenarioApi.remove(s.id, s.version); current = null; return null; }); } } }, t("plan.delete")),
    h("button", { id: "drift", onclick: () => void showDrift() }, t("plan.drift")),
    h("div", { id: "drift-list", class: "muted" }));
}

async function showDrift(): Promise<void> {
  const drift = await scenarioApi.drift(view().scenario.id);
  replace(byId("drift-list"), ...(drift.items.length === 0 ? [t("plan.noDrift")] :
    drift.items.map((d) => h("div", {}, `${d.twinId} · ${d.kind} · ${d.field}: ${d.before ?? "—"} → ${d.after ?? "—"}`))));
}

function demandTools(): HTMLElement {
  const s = view().scenario;
  const file = h("input", { id: "csv-file", type: "file", accept: ".csv,text/csv" });
  file.addEventListener("change", () => {
    const chosen = file.files?.[0];
    if (!chosen) {
      return;
    }
    void act(async () => {
      const text = await chosen.text();
      try {
        const result = await scenarioApi.importCsv(s.id, text, s.version);
        rowErrors = result.errors;
        message = { text: t("plan.imported", { count: result.added }), bad: false };
        return result.scenario;
      } catch (error: unknown) {
        if (error instanceof ProblemError) {
          rowErrors = error.rows;
        }
        throw error;
      }
    }).then(() => {
      if (rowErrors.length > 0 || message === null) {
        render();
      }
    });
  });
  return h("div", {},
    h("button", { id: "add-signed", onclick: () => void act(() => scenarioApi.addSigned(s.id, s.version)) }, t("plan.addSigned")),
    h("label", { class: "muted" }, t("plan.importCsv"), " ", file),
    h("a", { href: scenarioApi.templateUrl, download: "candidates-template.csv", class: "top-link" }, t("plan.template")));
}

function candidateForm(): HTMLElement {
  const c: Candidate = editing ?? { id: "", name: "", industry: "pharma", minArea: 3000, maxArea: 8000, floors: 1, discharge: 0, hazardClass: 0, readyBy: "2027-12-31", value: 100 };
  const input = (name: keyof Candidate, type = "text", wide = false) =>
    h("input", { name, type, value: String(c[name]), class: wide ? "wide" : "", title: name });
  const form = h("form", { class: "candidate-form", id: "candidate-form" },
    input("id", "text", true), input("name", "text", true), input("industry"), input("minArea", "number"), input("maxArea", "number"),
    input("floors", "number"), input("discharge", "number"), input("hazardClass", "number"), input("readyBy", "date"), input("value", "number"),
    h("button", { type: "submit", class: "primary" }, editing ? t("plan.save") : t("plan.add")));
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    const data = new FormData(form);
    const text = (k: string) => { const v = data.get(k); return typeof v === "string" ? v : ""; };
    const num = (k: string) => Number(text(k));
    const candidate: Candidate = {
      id: text("id"), name: text("name"), industry: text("industry"), minArea: num("minArea"), maxArea: num("maxArea"), floors: num("floors"),
      discharge: num("discharge"), hazardClass: num("hazardClass"), readyBy: text("readyBy"), value: num("value"),
    };
    const s = view().scenario;
    const wasEditing = editing !== null;
    editing = null;
    void act(() => (wasEditing ? scenarioApi.updateCandidate(s.id, candidate, s.version) : scenarioApi.addCandidate(s.id, candidate, s.version)));
  });
  return form;
}

function candidateTable(): HTMLElement {
  const s = view().scenario;
  const placedIn = new Map(s.plan.map((p) => [p.candidateId, p.buildingId]));
  const colors = buildingColors(s.plan);
  const cols: PlanKey[] = ["plan.col.id", "plan.col.name", "plan.col.industry", "plan.col.area", "plan.col.floors", "plan.col.discharge", "plan.col.hazard", "plan.col.readyBy", "plan.col.value", "plan.col.source", "plan.col.building"];
  return h("div", { class: "table-scroll" }, h("table", { class: "plan-table", id: "candidate-table" },
    h("thead", {}, h("tr", {}, ...cols.map((k) => h("th", {}, t(k))), h("th", {}))),
    h("tbody", {}, ...s.candidates.map(({ candidate: c, source }) => {
      const building = placedIn.get(c.id);
      return h("tr", { "data-id": c.id, onclick: () => { editing = c; render(); } },
        h("td", {}, c.id), h("td", {}, c.name), h("td", {}, c.industry), h("td", {}, `${c.minArea}–${c.maxArea}`), h("td", {}, c.floors),
        h("td", {}, c.discharge), h("td", {}, c.hazardClass), h("td", {}, c.readyBy), h("td", {}, c.value), h("td", {}, t(`source.${source}` as PlanKey)),
        h("td", {}, building ? h("span", { class: "swatch", style: `background:${colors.get(building) ?? "#888"}` }) : null, building ?? "—"),
        h("td", {}, h("button", { onclick: (e: Event) => { e.stopPropagation(); void act(() => scenarioApi.removeCandidate(s.id, c.id, s.version)); } }, t("plan.remove"))));
    }))));
}

function runSection(): HTMLElement {
  const s = view().scenario;
  const limit = h("input", { id: "time-limit", type: "number", value: "10", min: "1", max: "600" });
  const run = runProgress;
  const progress = run ? progressOf(run) : null;
  const unplaced = run && run.status !== "Running" ? run.unplaced : [];
  return h("div", {},
    h("label", { class: "muted" }, t("plan.timeLimit"), " ", limit),
    h("button", { id: "run", class: "primary", disabled: run?.status === "Running" || s.committed !== null, onclick: () => void startRun(Number(limit.value)) }, t("plan.run")),
    h("button", { id: "cancel-run", disabled: run?.status !== "Running", onclick: () => { if (runId) { void scenarioApi.cancel(s.id, runId); } } }, t("plan.cancel")),
    progress ? h("div", { id: "run-progress", class: "muted" }, t("plan.progress", progressParams(progress))) : null,
    run && progress?.done
      ? h("div", { id: "run-status", "data-status": run.status },
          t("plan.result", { status: t(`status.${run.status}` as PlanKey), placed: run.placed, value: run.totalValue }), run.error ? ` · ${run.error}` : "")
      : null,
    unplaced.length > 0 ? h("div", { id: "unplaced" }, h("div", {}, t("plan.unplaced")),
      ...unplaced.map((u) => h("div", { class: "muted", "data-id": u.candidateId }, `${u.candidateId}: ${u.reasons.map((r) => r.message).join("; ")}`))) : null);
}

function progressParams(p: Progress): Record<string, string> {
  return { elapsed: p.elapsed, objective: p.objective, bound: p.bound, gap: p.gap };
}

async function startRun(seconds: number): Promise<void> {
  const s = view().scenario;
  try {
    const started = await scenarioApi.startRun(s.id, seconds, s.version);
    runId = started.runId;
    runProgress = await scenarioApi.run(s.id, started.runId);
    render();
    while (runProgress.status === "Running") {
      await new Promise((resolve) => setTimeout(resolve, 500));
      runProgress = await scenarioApi.run(s.id, started.runId);
      const line = document.getElementById("run-progress");
      if (line) {
        line.textContent = t("plan.progress", progressParams(progressOf(runProgress)));
      }
    }
    await refreshList();
    await open(s.id);
  } catch (error: unknown) {
    message = { text: error instanceof ProblemError ? `${error.field ?? ""}: ${error.detail}` : String(error), bad: true };
    render();
  }
}

function rulesSection(): HTMLElement {
  const s = view().scenario;
  const inputs = s.rules.zoneIndustries.map((r) => {
    const zone = s.snapshot.zones.find((z) => z.id === r.zoneId);
    const input = h("input", { class: "wide", "data-zone": r.zoneId, value: r.industries.join(",") });
    return { zoneId: r.zoneId, input, row: h("div", {}, h("span", { class: "muted" }, `${(lang === "en" ? zone?.nameEn : zone?.name) ?? r.zoneId} `), input) };
  });
  return h("div", { id: "rules" }, ...inputs.map((i) => i.row),
    h("button", {
      id: "save-rules",
      onclick: () => void act(() => scenarioApi.setRules(s.id, {
        ...s.rules,
        zoneIndustries: inputs.map((i) => ({ zoneId: i.zoneId, industries: i.input.value.split(",").map((x) => x.trim()).filter((x) => x.length > 0) })),
      }, s.version)),
    }, t("plan.saveRules")));
}

function compareSection(): HTMLElement {
  const s = view().scenario;
  const select = h("select", { id: "compare-with" }, h("option", { value: "" }, "—"),
    ...summaries.filter((x) => x.id !== s.id).map((x) => h("option", { value: x.id, selected: x.id === compareWith }, x.name)));
  select.addEventListener("change", () => (compareWith = select.value));
  const table = comparison ? comparisonTable(comparison) : null;
  return h("div", {}, select,
    h("button", {
      id: "compare",
      onclick: () => {
        const ids = comparable([s.id, select.value]);
        if (ids) {
          void scenarioApi.compare(ids).then((c) => {
            comparison = c;
            render();
          });
        }
      },
    }, t("plan.compareWith")), table);
}

function comparisonTable(c: NonNullable<typeof comparison>): HTMLElement {
  const row = (label: string, cells: (string | number)[]) => h("tr", {}, h("th", {}, label), ...cells.map((x) => h("td", {}, x)));
  const zones = c.scenarios[0]?.zones ?? [];
  const plants = c.scenarios[0]?.plants ?? [];
  return h("table", { class: "plan-table", id: "comparison" },
    h("thead", {}, h("tr", {}, h("th", {}), ...c.scenarios.map((s) => h("th", {}, s.name)))),
    h("tbody", {},
      row(t("plan.fig.placed"), c.scenarios.map((s) => `${s.placed}/${s.candidates}`)),
      row(t("plan.fig.area"), c.scenarios.map((s) => s.areaUsed)),
      row(t("plan.fig.tax"), c.scenarios.map((s) => s.expectedTax)),
      ...zones.map((z, i) => row(`${t("plan.fig.vacancy")} · ${z.name}`, c.scenarios.map((s) => `${s.zones[i]?.vacantBuildings ?? 0} (${s.zones[i]?.areaUsed ?? 0} m²)`))),
      ...plants.map((p, i) => row(`${t("plan.fig.headroom")} · ${p.name}`, c.scenarios.map((s) => `${s.plants[i]?.headroomBefore ?? 0} → ${s.plants[i]?.headroomAfter ?? 0}`))),
      row(t("plan.fig.differs"), [c.differences.map((d) => d.buildingId).join(", ") || "—"])));
}

async function showCommit(): Promise<void> {
  const s = view().scenario;
  const dialog = byId("commit-dialog") as HTMLDialogElement;
  const preview = await scenarioApi.preview(s.id);
  replace(dialog,
    h("h3", {}, t("plan.commitTitle")),
    h("ul", { id: "commit-changes" }, ...changeLines(preview).map((l) => h("li", {}, `${t(`action.${l.action}` as PlanKey)} · ${l.name} (${l.twinId})`))),
    preview.conflicts.length > 0 ? h("div", { class: "conflicts" }, ...preview.conflicts.map((c) => h("div", {}, `${c.twinId} · ${c.field}: ${c.reason}`))) : null,
    h("button", { id: "commit-cancel", onclick: () => dialog.close() }, t("plan.cancel")),
    h("button", {
      id: "commit-confirm",
      class: "primary",
      onclick: () => void (async () => {
        try {
          const result = await scenarioApi.commit(s.id, s.version);
          current = result.scenario;
          message = { text: t("plan.commitDone", { count: preview.changes.length }), bad: false };
        } catch (error: unknown) {
          const conflicts = error instanceof ProblemError ? error.conflicts : [];
          message = { text: `${t("plan.commitRefused")} ${conflicts.map((c) => `${c.twinId} · ${c.field}: ${c.reason}`).join("; ") || String(error)}`, bad: true };
        }
        dialog.close();
        await refreshList();
        render();
      })(),
    }, t("plan.commitConfirm")));
  dialog.showModal();
}

byId("lang-toggle").addEventListener("click", () => {
  lang = lang === "zh" ? "en" : "zh";
  render();
});

async function start(): Promise<void> {
  await requirePerson();
  const get = async (kind: string) => ((await (await fetch(`/api/features?kind=${kind}`)).json()) as TwinFeatureCollection).features;
  const [zones, buildings] = await Promise.all([get("zone"), get("building")]);
  await map.setPark(zones, buildings);
  await refreshList();
  const first = summaries[0];
  if (first) {
    await open(first.id);
  } else {
    render();
  }
  hook.ready = true;
}

void start();
