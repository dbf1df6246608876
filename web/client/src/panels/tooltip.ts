/** The hover tooltip: a twin's name and one line of state, next to the pointer. */
import type { TwinFeature } from "../api/types";
import type { Lang } from "../i18n/i18n";
import { h, replace } from "../ui/dom";
import { kindLabel, summary, title } from "./describe";

export class Tooltip {
  constructor(private readonly element: HTMLElement) {}

  show(lang: Lang, feature: TwinFeature, point: { x: number; y: number }): void {
    replace(
      this.element,
      h("div", { class: "tip-kind" }, kindLabel(lang, feature)),
      h("div", { class: "tip-title" }, title(lang, feature)),
      h("div", { class: "tip-line" }, summary(lang, feature)),
    );
    this.element.hidden = false;
    const parent = this.element.parentElement?.getBoundingClientRect();
    const width = this.element.offsetWidth;
    const x = parent && point.x + 16 + width > parent.width ? point.x - 16 - width : point.x + 16;
    this.element.style.transform = `translate(${Math.round(x)}px, ${Math.round(point.y + 14)}px)`;
  }

  hide(): void {
    this.element.hidden = true;
  }
}
