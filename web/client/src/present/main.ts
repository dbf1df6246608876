/**
 * The presenter's remote at `/present?wall={wallId}`: focus a zone, switch layers and colouring,
 * show a planner scenario, pause the tour, acknowledge alarms, and "follow me" (the wall mirrors
 * this page's map). Every control sends a command to `/api/walls/{id}/…` and shows the wall's
 * state as it comes back (from the answer or the hub), so a reload shows where the wall is.
 */
import "../styles/app.css";
import "./present.css";
import { requirePerson } from "../auth/session";
import { LiveTwins } from "../live/live-twins";
import { TwinHub, type HubStatus } from "../live/twin-hub";
import { ParkMap } from "../map/park-map";
import { byId, h, replace } from "../ui/dom";
import { COLOR_MODES, LAYER_KEYS, type ColorMode, type LayerKey, type View } from "../url/state";
import { activeAlarms, describeExceedance } from "../wall/alarms";
import { WallSync } from "../wall/wall-sync";
import { wallIdFrom, type WallState } from "../wall/wall-state";
import { scenarioOptions, type ScenarioOption } from "./scenarios";

/** Camera updates while following: at most one every this many ms. */
const FOLLOW_INTERVAL_MS = 120;

const LAYER_NAMES: Record<LayerKey, string> = {
  zones: "园区分区",
  buildings: "标准厂房",
  enterprises: "企业",
  plants: "污水处理厂",
  network: "路网与管网",
  stations: "监测站点",
  facilities: "公共服务设施",
  labels: "名称标注",
};
const COLORING_NAMES: Record<ColorMode, string> = { stage: "建设进度", occupancy: "入驻情况", compliance: "达标排放" };

const wallId = wallIdFrom(window.location.search, "wall");
const hub = new TwinHub();
const live = new LiveTwins(hub);
const sync = new WallSync(hub, wallId);
const parkMap = new ParkMap({ container: byId("map"), view: null, theme: "dark", lang: "zh", color: "stage", off: [], framing: "plain" });
let scenarios: ScenarioOption[] = [];

declare global {
  interface Window {
    __present?: { ready: boolean; version: () => number; camera: () => View; sentAt: number };
  }
}
window.__present = { ready: false, version: () => sync.state?.version ?? -1, camera: () => parkMap.view(), sentAt: 0 };
byId("p-wall").textContent = wallId;

function send(command: string, body: unknown): void {
  const error = byId("p-error");
  if (window.__present) {
    // When the last command left this page (the tests time its way to the wall from here).
    window.__present.sentAt = Date.now();
  }
  sync.command(command, body).then(
    () => {
      error.hidden = true;
    },
    (reason: unknown) => {
      error.hidden = false;
      error.textContent = `发送失败：${String(reason)}`;
    },
  );
}

// ---- controls ----
function renderControls(state: WallState | null): void {
  const zones = live.store.ofKind("zone");
  replace(
    byId("p-zones"),
    h("button", { class: `p-button${state?.focusZoneId === null ? " on" : ""}`, type: "button", "data-zone": "park", onclick: () => focus(null) }, "全园"),
    ...zones.map((z) =>
      h("button", { class: `p-button${state?.focusZoneId === z.id ? " on" : ""}`, type: "button", "data-zone": z.id, onclick: () => focus(z.id) }, z.properties.name ?? z.id),
    ),
  );
  replace(
    byId("p-coloring"),
    ...COLOR_MODES.map((m) =>
      h("button", { class: `p-button${state?.coloring === m ? " on" : ""}`, type: "button", "data-coloring": m, onclick: () => send("coloring", { coloring: m }) }, COLORING_NAMES[m]),
    ),
  );
  const hidden = state?.hiddenLayers ?? [];
  replace(
    byId("p-layers"),
    ...LAYER_KEYS.map((key) =>
      h(
        "button",
        {
          class: `p-button${hidden.includes(key) ? "" : " on"}`,
          type: "button",
          "data-layer": key,
          "aria-pressed": String(!hidden.includes(key)),
          onclick: () => send("layers", { hidden: hidden.includes(key) ? hidden.filter((k) => k !== key) : [...hidden, key] }),
        },
        LAYER_NAMES[key],
      ),
    ),
  );
  const tour = byId("p-tour");
  tour.textContent = state?.tourPaused ? "继续巡览" : "暂停巡览";
  tour.dataset["paused"] = String(state?.tourPaused ?? false);
  const follow = byId("p-follow");
  follow.setAttribute("aria-pressed", String(state?.following ?? false));
  follow.textContent = state?.following ? "正在跟随：点此停止" : "大屏跟随我的地图视角";
  const select = byId("p-scenario") as HTMLSelectElement;
  if (state?.scenarioId && select.querySelector(`option[value="${CSS.escape(state.scenarioId)}"]`)) {
    select.value = state.scenarioId;
  }
  byId("p-version").textContent = state ? `状态版本 ${state.version}` : "";
  renderAlarms(state);
}

function renderAlarms(state: WallState | null): void {
  const alarms = activeAlarms(live.store.ofKind("plant"), state?.acknowledged ?? [], Date.now());
  const count = byId("p-alarm-count");
  count.textContent = String(alarms.length);
  count.dataset["count"] = String(alarms.length);
  (byId("p-ack-all") as HTMLButtonElement).disabled = alarms.length === 0;
  replace(
    byId("p-alarms"),
    ...alarms.slice(0, 20).map((a) =>
      h(
        "li",
        { "data-alarm": `${a.plantId}@${a.atMs}` },
        h("span", {}, `${new Date(a.atMs).toLocaleString("zh-CN", { hour12: false })} ${a.plantName}：${describeExceedance(a)}`),
        h("button", { class: "p-button", type: "button", "data-action": "ack", onclick: () => send("acknowledge", { alarms: [{ plantId: a.plantId, at: a.at }] }) }, "确认"),
      ),
    ),
  );
}

function focus(zoneId: string | null): void {
  send("focus", { zoneId });
  const zone = zoneId ? live.store.get(zoneId) : undefined;
  if (zone) {
    parkMap.flyTo(zone);
  } else {
    parkMap.showPark(true);
  }
}

byId("p-tour").addEventListener("click", () => {
  send("tour", { paused: !(sync.state?.tourPaused ?? false) });
});
byId("p-ack-all").addEventListener("click", () => {
  const alarms = activeAlarms(live.store.ofKind("plant"), sync.state?.acknowledged ?? [], Date.now());
  if (alarms.length > 0) {
    send("acknowledge", { alarms: alarms.map((a) => ({ plantId: a.plantId, at: a.at })) });
  }
});
byId("p-scenario-show").addEventListener("click", () => {
  const value = (byId("p-scenario") as HTMLSelectElement).value;
  if (value) {
    send("scenario", { scenarioId: value });
  }
});
byId("p-scenario-clear").addEventListener("click", () => {
  send("scenario", { scenarioId: null });
});

// ---- follow me ----
let lastSent = 0;
let pending: number | null = null;
let inFlight = false;
let dirty = false;

/**
 * Sends the camera now. One request at a time: two in flight could reach the grain in the other
 * order and leave the wall on the older camera; what moved meanwhile goes when the answer is back.
 */
function sendCamera(): void {
  pending = null;
  if (inFlight) {
    dirty = true;
    return;
  }
  inFlight = true;
  dirty = false;
  lastSent = Date.now();
  const v = parkMap.view();
  sync
    .command("camera", { camera: { lon: v.center[0], lat: v.center[1], zoom: v.zoom, bearing: v.bearing, pitch: v.pitch } })
    .catch((reason: unknown) => {
      byId("p-error").hidden = false;
      byId("p-error").textContent = `发送失败：${String(reason)}`;
    })
    .finally(() => {
      inFlight = false;
      if (dirty && sync.state?.following) {
        sendCamera();
      }
    });
}

parkMap.map.on("move", () => {
  if (!sync.state?.following) {
    return;
  }
  const wait = FOLLOW_INTERVAL_MS - (Date.now() - lastSent);
  if (wait <= 0) {
    sendCamera();
  } else {
    pending ??= window.setTimeout(sendCamera, wait);
  }
});
byId("p-follow").addEventListener("click", () => {
  if (sync.state?.following) {
    send("camera", { camera: null });
  } else {
    sendCamera();
  }
});

// ---- scenarios ----
async function loadScenarios(): Promise<void> {
  scenarios = await scenarioOptions();
  const select = byId("p-scenario") as HTMLSelectElement;
  if (scenarios.length === 0) {
    replace(select, h("option", { value: "" }, "暂无可用方案"));
    select.disabled = true;
    (byId("p-scenario-show") as HTMLButtonElement).disabled = true;
    return;
  }
  replace(select, ...scenarios.map((s) => h("option", { value: s.id }, s.name)));
  select.disabled = false;
  (byId("p-scenario-show") as HTMLButtonElement).disabled = false;
}

// ---- wiring ----
sync.on("state", (state) => {
  for (const key of LAYER_KEYS) {
    parkMap.setLayerVisible(key, !state.hiddenLayers.includes(key));
  }
  parkMap.setColorMode(state.coloring);
  renderControls(state);
});
live.on("changed", ({ feature, geometryChanged, flash }) => {
  parkMap.update(feature, geometryChanged, flash);
  if (feature.properties.kind === "plant") {
    renderAlarms(sync.state);
  }
});
live.on("resynced", (features) => {
  void parkMap.load(features);
});
hub.on("status", (status: HubStatus) => {
  const badge = byId("p-live");
  badge.dataset["status"] = status;
  badge.textContent = { connected: "实时", connecting: "连接中", reconnecting: "重新连接中", offline: "离线" }[status];
});

async function start(): Promise<void> {
  await requirePerson();
  const [features] = await Promise.all([live.load(), sync.start(), loadScenarios()]);
  await parkMap.load(features);
  renderControls(sync.state);
  if (sync.state) {
    parkMap.setColorMode(sync.state.coloring);
    const zone = sync.state.focusZoneId ? live.store.get(sync.state.focusZoneId) : undefined;
    if (zone) {
      parkMap.flyTo(zone);
    }
  }
  parkMap.map.once("idle", () => {
    window.__present = { ready: true, version: () => sync.state?.version ?? -1, camera: () => parkMap.view(), sentAt: 0 };
    void live.connect();
  });
  parkMap.map.triggerRepaint();
}

void start();
