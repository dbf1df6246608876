/**
 * Composes the page: app state from the URL, the map, the live twins (REST + hub), the panels.
 * Data flow: hub `changes` → LiveTwins (store, gaps) → ParkMap.update (diff per feature) + panels.
 */
import "./styles/app.css";
import type { TwinFeature } from "./api/types";
import { AppState } from "./app/app-state";
import { requirePerson, signOut } from "./auth/session";
import type { Searchable } from "./app/search";
import { installHook } from "./app/test-hook";
import { displayName, htmlLang, translate, type Lang } from "./i18n/i18n";
import type { MessageKey } from "./i18n/messages";
import { LiveTwins } from "./live/live-twins";
import { TwinHub, type HubStatus } from "./live/twin-hub";
import { ParkMap } from "./map/park-map";
import { DetailsPanel } from "./panels/details-panel";
import { LegendPanel } from "./panels/legend-panel";
import { SearchBox } from "./panels/search-box";
import { StatsPanel } from "./panels/stats-panel";
import { Tooltip } from "./panels/tooltip";
import { byId, inputById } from "./ui/dom";
import { parseHash } from "./url/state";
import { syncUrl } from "./url/url-sync";

const app = new AppState(parseHash(window.location.hash));
const initialView = app.state.view;
const lang = (): Lang => app.state.lang;
const theme = () => app.state.theme;

const hub = new TwinHub();
const live = new LiveTwins(hub);
const parkMap = new ParkMap({
  container: byId("map"),
  view: app.state.view,
  theme: app.state.theme,
  lang: app.state.lang,
  color: app.state.color,
  off: app.state.off,
});

const hook = installHook({
  ready: false,
  featureCounts: {},
  lastChangeAt: 0,
  version: (id) => live.store.version(id),
  lang: app.state.lang,
  screenPoint: (id) => {
    const feature = live.store.get(id);
    return feature ? parkMap.screenPoint(feature) : null;
  },
  renderedLabels: () => parkMap.renderedLabels(),
  selection: () => app.state.sel,
  detailsReadings: () => details.readingTimes(),
  hub: hub.state,
  synced: [],
  view: () => parkMap.view(),
});

// ---- panels ----
const select = (id: string | null) => {
  app.set({ sel: id });
};
const details = new DetailsPanel(byId("details"), { lang, theme, twin: (id) => live.store.get(id), select });
const stats = new StatsPanel(byId("stats"), { lang, theme, backToPark: () => select(null) });
const legend = new LegendPanel(byId("legend"), {
  toggle: (key, visible) => app.set({ off: visible ? app.state.off.filter((k) => k !== key) : [...app.state.off, key].sort() }),
  colorMode: (color) => app.set({ color }),
});
const tooltip = new Tooltip(byId("tooltip"));
const searchables = (): Iterable<Searchable> =>
  [...live.store.all()]
    .filter((f) => f.properties.kind !== "park")
    .map((f) => ({ id: f.id, kind: f.properties.kind, name: f.properties.name ?? f.id, nameEn: f.properties.nameEn ?? f.properties.name ?? f.id }));
const searchBox = new SearchBox(inputById("search"), byId("search-results"), searchables, (id) => {
  select(id);
  const feature = live.store.get(id);
  if (feature) {
    parkMap.flyTo(feature);
  }
}, lang);

/** The zone whose figures the stats panel shows: the selected zone, or the selected twin's zone. */
function statsScope(): string | null {
  const sel = app.state.sel;
  const feature = sel ? live.store.get(sel) : undefined;
  if (!feature) {
    return null;
  }
  if (feature.properties.kind === "zone") {
    return feature.id;
  }
  return typeof feature.properties.zoneId === "string" ? feature.properties.zoneId : null;
}

function renderStats(): void {
  const scope = statsScope();
  const zone = scope ? live.store.get(scope) : undefined;
  const park = live.store.ofKind("park")[0];
  stats.render({
    scope,
    scopeName: zone ? displayName(lang(), zone.properties, zone.id) : park ? displayName(lang(), park.properties) : translate(lang(), "stats.park"),
    figures: live.stats.get(scope),
    targets: live.stats.targets(),
    updatedAt: live.stats.updatedAt(scope),
  });
}

function relabel(): void {
  const l = lang();
  document.documentElement.lang = htmlLang(l);
  document.title = translate(l, "app.title");
  for (const element of document.querySelectorAll<HTMLElement>("[data-i18n]")) {
    element.textContent = translate(l, element.dataset["i18n"] as MessageKey);
  }
  byId("lang-toggle").textContent = translate(l, "toolbar.language");
  byId("theme-toggle").title = translate(l, "toolbar.theme");
  byId("reset-view").title = translate(l, "toolbar.reset");
  byId("planner-link").setAttribute("href", l === "en" ? "/plan?lang=en" : "/plan");
  byId("sign-out").textContent = translate(l, "auth.signOut");
  searchBox.relabel();
  setHubStatus(hub.state);
  legend.render(l, app.state);
  details.relabel();
  renderStats();
  hook.lang = l;
}

function setHubStatus(status: HubStatus): void {
  const badge = byId("live-status");
  badge.dataset["status"] = status;
  badge.textContent = translate(lang(), `live.${status}` as MessageKey);
  hook.hub = status;
}

function showSelection(): void {
  const sel = app.state.sel;
  const feature = sel ? live.store.get(sel) : undefined;
  parkMap.select(feature ?? null);
  if (feature) {
    details.show(feature);
  } else {
    details.hide();
  }
  renderStats();
  setTimeout(() => {
    parkMap.resize();
  }, 220);
}

// ---- wiring ----
app.on("change", ({ state, keys }) => {
  if (keys.includes("lang")) {
    parkMap.setLang(state.lang);
    relabel();
  }
  if (keys.includes("theme")) {
    document.documentElement.dataset["theme"] = state.theme;
    parkMap.setTheme(state.theme);
    details.relabel();
    renderStats();
  }
  if (keys.includes("color")) {
    parkMap.setColorMode(state.color);
  }
  if (keys.includes("off")) {
    for (const key of ["zones", "buildings", "enterprises", "plants", "network", "stations", "facilities", "labels"] as const) {
      parkMap.setLayerVisible(key, !state.off.includes(key));
    }
  }
  if (keys.includes("color") || keys.includes("off")) {
    legend.render(state.lang, state);
  }
  if (keys.includes("sel")) {
    showSelection();
  }
  if (keys.includes("view") && state.view) {
    const current = parkMap.view();
    const v = state.view;
    const moved = Math.abs(current.center[0] - v.center[0]) > 1e-6 || Math.abs(current.center[1] - v.center[1]) > 1e-6 || Math.abs(current.zoom - v.zoom) > 0.01 || Math.abs(current.bearing - v.bearing) > 0.1 || Math.abs(current.pitch - v.pitch) > 0.1;
    if (moved) {
      parkMap.jumpTo(v);
    }
  }
});
syncUrl(app);

parkMap.on("moveend", (view) => {
  app.set({ view });
});
parkMap.on("select", (id) => {
  select(id);
});
parkMap.on("hover", (event) => {
  const feature = event ? live.store.get(event.id) : undefined;
  if (event && feature) {
    tooltip.show(lang(), feature, event.point);
  } else {
    tooltip.hide();
  }
});

live.on("changed", ({ feature, geometryChanged, flash }) => {
  parkMap.update(feature, geometryChanged, flash);
  hook.lastChangeAt = live.lastChangeAt;
  if (details.current === feature.id) {
    details.refresh(feature);
  }
});
live.on("resynced", (features) => {
  void parkMap.load(features);
  hook.lastChangeAt = live.lastChangeAt;
  hook.featureCounts = live.store.counts();
  showSelection();
});
live.on("stats", (key) => {
  const scope = statsScope();
  if (key === "park" ? scope === null : key === scope) {
    renderStats();
  }
});
hub.on("status", setHubStatus);
live.on("synced", (topic) => {
  if (!hook.synced.includes(topic)) {
    hook.synced = [...hook.synced, topic];
  }
});

byId("lang-toggle").addEventListener("click", () => {
  app.set({ lang: lang() === "zh" ? "en" : "zh" });
});
byId("theme-toggle").addEventListener("click", () => {
  app.set({ theme: theme() === "dark" ? "light" : "dark" });
});
byId("reset-view").addEventListener("click", () => {
  select(null);
  parkMap.showPark();
});
window.addEventListener("keydown", (event) => {
  if (event.key === "Escape" && app.state.sel) {
    select(null);
  }
  if (event.key === "/" && document.activeElement?.tagName !== "INPUT") {
    event.preventDefault();
    byId("search").focus();
  }
});

// ---- start ----
document.documentElement.dataset["theme"] = app.state.theme;
relabel();

byId("sign-out").addEventListener("click", () => {
  void signOut().then(() => {
    window.location.assign("/login");
  });
});

async function start(): Promise<void> {
  // Only signed-in people see the park; anyone else goes to the sign-in page first.
  const session = await requirePerson();
  byId("user-name").textContent = session.displayName ?? session.name ?? "";
  const loading = byId("loading");
  let features: readonly TwinFeature[];
  try {
    features = await live.load();
  } catch (error: unknown) {
    loading.textContent = translate(lang(), "app.loadFailed");
    loading.classList.add("failed");
    throw error;
  }
  await parkMap.load(features);
  hook.featureCounts = live.store.counts();
  showSelection();
  const selected = app.state.sel ? live.store.get(app.state.sel) : undefined;
  if (selected && !initialView) {
    parkMap.flyTo(selected);
  }
  renderStats();
  parkMap.map.once("idle", () => {
    loading.hidden = true;
    hook.ready = true;
    document.body.classList.add("ready");
    // Live only once the park is drawn: the snapshot sent on subscribing catches up whatever
    // changed since the load, and flashes never hold back the first idle.
    void live.connect();
  });
  parkMap.map.triggerRepaint();
}

void start();
