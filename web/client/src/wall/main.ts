/**
 * The command-centre wall at `/wall?id={wallId}`: the live park map in the centre, KPI tiles,
 * charts and the ticker around it, the effluent alarm banner, all following the wall's state
 * (set by the presenter's remote) through the hub. Nothing here grows with time: the ticker and
 * the charts keep bounded windows, the tiles and charts are updated in place.
 */
import "../styles/app.css";
import "./wall.css";
import type { ParkFigures, TwinFeature } from "../api/types";
import { fetchSession, loginUrl, signInDisplay } from "../auth/session";
import { LiveTwins } from "../live/live-twins";
import { TwinHub, type HubStatus } from "../live/twin-hub";
import { ParkMap } from "../map/park-map";
import { byId, h, replace } from "../ui/dom";
import { LAYER_KEYS } from "../url/state";
import { activeAlarms, alarmKey, describeExceedance, type Alarm } from "./alarms";
import { describeChange } from "./change-text";
import { WallCharts } from "./charts";
import { KpiTiles } from "./kpis";
import { TickerWindow } from "./ticker";
import { nextStop, shouldTour, TOUR_DWELL_MS } from "./tour";
import { WallSync } from "./wall-sync";
import { wallIdFrom, type WallState } from "./wall-state";
import { installWallHook } from "./wall-hook";

const TICKER_SHOWN = 12;
const CHART_INTERVAL_MS = 2000;

const wallId = wallIdFrom(window.location.search, "id");
const hub = new TwinHub();
const live = new LiveTwins(hub);
const sync = new WallSync(hub, wallId);
const parkMap = new ParkMap({ container: byId("map"), view: null, theme: "dark", lang: "zh", color: "stage", off: [], framing: "plain" });
const kpis = new KpiTiles(byId("w-kpis"));
const charts = new WallCharts({
  monthly: byId("chart-monthly"),
  construction: byId("chart-construction"),
  plants: byId("chart-plants"),
  zones: byId("chart-zones"),
  hazards: byId("chart-hazards"),
});
const ticker = new TickerWindow(30);
let alarms: Alarm[] = [];
let tourStop: string | null | undefined;
let tourSince = 0;
let applied: WallState | null = null;
let scenarioShown: { id: string; buildings: string[] } | null = null;

const hook = installWallHook({
  ready: false,
  wallId,
  version: () => sync.state?.version ?? -1,
  state: () => sync.state,
  kpis: () => kpis.values(),
  twinVersion: (id) => live.store.version(id),
  alarms: () => alarms.map((a) => alarmKey(a.plantId, a.at)),
  tickerSize: () => ticker.size,
  tour: () => (tourStop === undefined ? null : (tourStop ?? "park")),
  camera: () => parkMap.view(),
  hub: () => hub.state,
});

function zoneName(id: string): string | null {
  return live.store.get(id)?.properties.name ?? null;
}

function zones(): TwinFeature[] {
  return live.store.ofKind("zone");
}

// ---- figures ----
let chartsDue = 0;
let chartTimer: number | null = null;

function renderFigures(): void {
  const park: ParkFigures | null = live.stats.get(null);
  if (!park) {
    return;
  }
  kpis.render(park, live.stats.targets());
  const wait = chartsDue - Date.now();
  if (wait > 0) {
    chartTimer ??= window.setTimeout(() => {
      chartTimer = null;
      renderFigures();
    }, wait);
    return;
  }
  chartsDue = Date.now() + CHART_INTERVAL_MS;
  charts.update(
    park,
    live.store.ofKind("plant"),
    zones().map((z) => ({ name: z.properties.name ?? z.id, figures: live.stats.zone(z.id) })),
  );
}

// ---- ticker ----
let tickerDirty = false;

function renderTicker(): void {
  tickerDirty = false;
  const items = ticker.entries().slice(0, TICKER_SHOWN);
  replace(
    byId("w-ticker"),
    ...items.map((e) =>
      h("li", { "data-tone": e.tone, "data-key": e.key }, h("time", {}, new Date(e.at).toLocaleTimeString("zh-CN", { hour12: false })), e.text),
    ),
  );
}

// ---- alarms ----
let alarmsDirty = false;

function renderAlarms(): void {
  alarmsDirty = false;
  alarms = activeAlarms(live.store.ofKind("plant"), sync.state?.acknowledged ?? [], Date.now());
  const banner = byId("w-alarm");
  const newest = alarms[0];
  if (!newest) {
    banner.hidden = true;
    banner.removeAttribute("data-alarm");
    return;
  }
  const key = alarmKey(newest.plantId, newest.at);
  const more = alarms.length > 1 ? `共 ${alarms.length} 条未确认` : "待主讲人确认";
  if (banner.dataset["alarm"] !== key || banner.dataset["count"] !== String(alarms.length)) {
    banner.dataset["alarm"] = key;
    banner.dataset["count"] = String(alarms.length);
    const time = new Date(newest.atMs).toLocaleTimeString("zh-CN", { hour12: false });
    replace(
      banner,
      h("strong", {}, "⚠ 出水超标告警"),
      h("span", { class: "w-alarm-text" }, `${time} ${newest.plantName}：${describeExceedance(newest)}`),
      h("span", { class: "w-alarm-more" }, more),
    );
  }
  banner.hidden = false;
}

// ---- zone compliance (colouring "compliance") ----
function renderCompliance(): void {
  const byZone = new Map<string, "ok" | "breach">();
  for (const plant of live.store.ofKind("plant")) {
    const served = Array.isArray(plant.properties["zonesServed"]) ? (plant.properties["zonesServed"] as string[]) : [];
    const latest = plant.properties["latest"];
    if (!latest) {
      continue;
    }
    const breach = plant.properties["compliant"] === false || activeAlarms([plant], [], Date.now(), Number.POSITIVE_INFINITY).some((a) => a.at === (latest as { at?: string }).at);
    for (const zoneId of served) {
      byZone.set(zoneId, breach || byZone.get(zoneId) === "breach" ? "breach" : "ok");
    }
  }
  for (const zone of zones()) {
    parkMap.setZoneCompliance(zone.id, byZone.get(zone.id) ?? "none");
  }
}

// ---- the wall's state ----
function focusLabel(state: WallState): string {
  return state.focusZoneId ? (zoneName(state.focusZoneId) ?? state.focusZoneId) : "全园";
}

function flyToStop(stop: string | null, slow: boolean): void {
  const zone = stop ? live.store.get(stop) : undefined;
  if (zone) {
    parkMap.flyTo(zone);
  } else {
    parkMap.showPark(true);
  }
  if (slow) {
    byId("w-focus").textContent = `巡览 · ${stop ? (zoneName(stop) ?? stop) : "全园"}`;
  }
}

function renderMode(state: WallState): void {
  const mode = byId("w-mode");
  const touring = shouldTour(state, Date.now());
  mode.dataset["mode"] = state.following ? "following" : touring ? "touring" : state.tourPaused ? "paused" : "presenter";
  mode.textContent = state.following ? "跟随主讲人视角" : touring ? "自动巡览中" : state.tourPaused ? "巡览已暂停" : "主讲人控制";
}

async function showScenario(id: string | null): Promise<void> {
  const chip = byId("w-scenario");
  if (scenarioShown) {
    parkMap.highlight("building", scenarioShown.buildings, false);
    scenarioShown = null;
  }
  if (!id) {
    chip.hidden = true;
    return;
  }
  chip.hidden = false;
  chip.textContent = `规划方案 ${id}`;
  try {
    const response = await fetch(`/api/scenarios/${encodeURIComponent(id)}`, { headers: { Accept: "application/json" } });
    if (!response.ok) {
      chip.textContent = `规划方案 ${id}（暂不可用）`;
      return;
    }
    const scenario = (await response.json()) as { name?: string; assignments?: { buildingId?: string }[] };
    if (sync.state?.scenarioId !== id) {
      return;
    }
    const buildings = (scenario.assignments ?? []).map((a) => a.buildingId).filter((b): b is string => typeof b === "string");
    scenarioShown = { id, buildings };
    const found = parkMap.highlight("building", buildings, true);
    chip.textContent = `规划方案：${scenario.name ?? id} · ${found} 栋厂房`;
  } catch {
    chip.textContent = `规划方案 ${id}（暂不可用）`;
  }
}

/** The wall flies back to its focus when it changed, when following ends, or when the presenter acts during the tour. */
function mustRefocus(before: WallState | null, state: WallState): boolean {
  if (before === null) {
    return true;
  }
  return before.focusZoneId !== state.focusZoneId || before.following || (before.lastActionAt !== state.lastActionAt && tourStop !== undefined);
}

function applyState(state: WallState): void {
  const before = applied;
  applied = state;
  hook.applied = state.version;
  hook.appliedAt = Date.now();
  for (const key of LAYER_KEYS) {
    parkMap.setLayerVisible(key, !state.hiddenLayers.includes(key));
  }
  if (before?.coloring !== state.coloring) {
    parkMap.setColorMode(state.coloring);
    renderCompliance();
  }
  if (before?.scenarioId !== state.scenarioId) {
    void showScenario(state.scenarioId);
  }
  if (state.following && state.camera) {
    const c = state.camera;
    parkMap.map.easeTo({ center: [c.lon, c.lat], zoom: c.zoom, bearing: c.bearing, pitch: c.pitch, duration: before?.following ? 250 : 1200 });
    byId("w-focus").textContent = "跟随主讲人";
  } else if (mustRefocus(before, state)) {
    tourStop = undefined;
    flyToStop(state.focusZoneId, false);
    byId("w-focus").textContent = focusLabel(state);
  }
  renderMode(state);
  alarmsDirty = true;
}

// ---- the tour and the clock ----
function everySecond(): void {
  byId("w-clock").textContent = new Date().toLocaleString("zh-CN", { hour12: false });
  const state = sync.state;
  if (state) {
    renderMode(state);
  }
  if (hook.ready && shouldTour(state, Date.now()) && Date.now() - tourSince >= TOUR_DWELL_MS) {
    tourStop = nextStop(tourStop ?? state?.focusZoneId ?? null, zones().map((z) => z.id));
    tourSince = Date.now();
    flyToStop(tourStop, true);
  }
  if (alarmsDirty) {
    renderAlarms();
  }
  if (tickerDirty) {
    renderTicker();
  }
  kpis.fit();
}

// ---- wiring ----
live.on("changed", ({ feature, changed, geometryChanged, flash }) => {
  parkMap.update(feature, geometryChanged, flash);
  if (!flash) {
    return;
  }
  const text = describeChange(changed, feature, zoneName);
  const at = Date.parse(feature.properties.updatedAt ?? "") || Date.now();
  if (text && ticker.push({ key: text.key, at, text: text.text, tone: text.tone })) {
    tickerDirty = true;
  }
  if (feature.properties.kind === "plant") {
    alarmsDirty = true;
    if (applied?.coloring === "compliance") {
      renderCompliance();
    }
  }
});
live.on("resynced", (features) => {
  void parkMap.load(features);
  alarmsDirty = true;
});
live.on("stats", () => {
  renderFigures();
});
hub.on("status", (status: HubStatus) => {
  const badge = byId("w-live");
  badge.dataset["status"] = status;
  badge.textContent = { connected: "实时", connecting: "连接中", reconnecting: "重新连接中", offline: "离线" }[status];
});
sync.on("state", (state) => {
  if (hook.ready) {
    applyState(state);
  }
});
window.addEventListener("resize", () => {
  charts.resize();
});

async function start(): Promise<void> {
  // A kiosk opens /wall?id=main#key=tk_…: the display key becomes a session for this wall and
  // leaves the address at once (the fragment never reaches the server or its logs).
  const key = new URLSearchParams(window.location.hash.replace(/^#/, "")).get("key");
  if (key) {
    history.replaceState(null, "", window.location.pathname + window.location.search);
    await signInDisplay(key);
  }
  // A person's session or a wall screen's display session; anyone else signs in first.
  const session = await fetchSession();
  if (!session.authenticated) {
    window.location.assign(loginUrl(window.location.pathname + window.location.search));
    return;
  }
  const [features] = await Promise.all([live.load(), sync.start()]);
  await parkMap.load(features);
  renderFigures();
  renderCompliance();
  parkMap.map.once("idle", () => {
    byId("w-loading").hidden = true;
    hook.ready = true;
    // A wall left alone tours, but shows its focus (or the park) first for one stop's time.
    tourSince = Date.now();
    if (sync.state) {
      applyState(sync.state);
    }
    renderAlarms();
    void live.connect();
  });
  parkMap.map.triggerRepaint();
  window.setInterval(everySecond, 1000);
  everySecond();
  // Changes that arrive as fast as the feed goes are drawn at most twice a second.
  window.setInterval(() => {
    if (tickerDirty) {
      renderTicker();
    }
    if (alarmsDirty) {
      renderAlarms();
    }
  }, 500);
}

void start();
