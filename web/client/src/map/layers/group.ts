/** What each map layer group provides to the map view. */
import type { LayerSpecification, Map as MapLibreMap } from "maplibre-gl";
import type { TwinKind } from "../../api/types";
import type { Lang } from "../../i18n/i18n";
import type { ColorMode, LayerKey } from "../../url/state";
import type { TwinSource } from "../twin-source";

/** A paint or layout value that differs between the dark and the light theme. */
export interface Themed {
  layer: string;
  property: string;
  dark: string;
  light: string;
  layout?: boolean;
}

export interface LayerGroup {
  readonly key: LayerKey;
  /** The source each kind draws in: flashes, hover and selection go to it. */
  readonly primary: Partial<Record<TwinKind, TwinSource>>;
  /** Every source of the group, fed with the kinds it lists. */
  readonly sources: readonly { source: TwinSource; kinds: readonly TwinKind[] }[];
  /** Layers a click or hover can hit, most specific first. */
  readonly interactive: readonly string[];
  readonly layers: readonly LayerSpecification[];
  readonly themed: readonly Themed[];
  setColorMode?(map: MapLibreMap, mode: ColorMode): void;
  setLang?(map: MapLibreMap, lang: Lang): void;
}
