/** Style-expression helpers shared by the layer groups. */
import type { ExpressionSpecification } from "maplibre-gl";
import { flashColor, selectedColor } from "./palette";

/** A colour that lights up while feature-state `flash` fades from 1 to 0, and stands out when selected. */
export function liveColor(base: ExpressionSpecification | string): ExpressionSpecification {
  return [
    "case",
    ["boolean", ["feature-state", "selected"], false],
    ["interpolate", ["linear"], 0.55, 0, base, 1, selectedColor],
    ["interpolate", ["linear"], ["number", ["feature-state", "flash"], 0], 0, base, 1, flashColor],
  ];
}

/** A number that grows while selected or hovered. */
export function emphasis(normal: number, hovered: number, selected: number): ExpressionSpecification {
  return [
    "case",
    ["boolean", ["feature-state", "selected"], false],
    selected,
    ["boolean", ["feature-state", "hover"], false],
    hovered,
    ["+", normal, ["*", ["number", ["feature-state", "flash"], 0], hovered - normal + 1]],
  ];
}

export const getColor: ExpressionSpecification = ["get", "color"];

/** The CJK-first font stack; with no `glyphs` URL MapLibre draws these local fonts itself. */
export const FONT_REGULAR = ["Noto Sans CJK SC", "Noto Sans SC", "PingFang SC", "Microsoft YaHei", "sans-serif"];
export const FONT_BOLD = ["Noto Sans CJK SC Bold", "Noto Sans CJK SC", "PingFang SC", "Microsoft YaHei", "sans-serif"];
