/** The search box: Chinese or English names and ids; Enter or a click flies to the result. */
import { search, type Searchable } from "../app/search";
import { translate, type Lang } from "../i18n/i18n";
import type { MessageKey } from "../i18n/messages";
import { h, replace } from "../ui/dom";

export class SearchBox {
  private results: Searchable[] = [];
  private active = 0;

  constructor(
    private readonly input: HTMLInputElement,
    private readonly list: HTMLElement,
    private readonly items: () => Iterable<Searchable>,
    private readonly choose: (id: string) => void,
    private readonly lang: () => Lang,
  ) {
    input.addEventListener("input", () => {
      this.update();
    });
    input.addEventListener("focus", () => {
      this.update();
    });
    input.addEventListener("keydown", (event) => {
      this.key(event);
    });
    input.addEventListener("blur", () => {
      setTimeout(() => {
        this.close();
      }, 150);
    });
  }

  relabel(): void {
    this.input.placeholder = translate(this.lang(), "search.placeholder");
    this.input.setAttribute("aria-label", this.input.placeholder);
  }

  private update(): void {
    this.results = search(this.items(), this.input.value);
    this.active = 0;
    this.render();
  }

  private render(): void {
    const lang = this.lang();
    if (this.input.value.trim() === "") {
      this.close();
      return;
    }
    this.list.hidden = false;
    if (this.results.length === 0) {
      replace(this.list, h("li", { class: "search-empty" }, translate(lang, "search.none")));
      return;
    }
    replace(
      this.list,
      ...this.results.map((item, index) =>
        h(
          "li",
          {
            class: index === this.active ? "search-hit active" : "search-hit",
            role: "option",
            "data-id": item.id,
            onmousedown: (event: Event) => {
              event.preventDefault();
              this.pick(item.id);
            },
          },
          h("span", { class: "search-name" }, lang === "en" ? item.nameEn : item.name),
          h("span", { class: "search-kind" }, translate(lang, `kind.${item.kind}` as MessageKey)),
        ),
      ),
    );
  }

  private key(event: KeyboardEvent): void {
    if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      event.preventDefault();
      const step = event.key === "ArrowDown" ? 1 : -1;
      this.active = (this.active + step + this.results.length) % Math.max(this.results.length, 1);
      this.render();
    } else if (event.key === "Enter") {
      const hit = this.results[this.active];
      if (hit) {
        this.pick(hit.id);
      }
    } else if (event.key === "Escape") {
      this.input.value = "";
      this.close();
      this.input.blur();
    }
  }

  private pick(id: string): void {
    this.close();
    this.input.blur();
    this.choose(id);
  }

  private close(): void {
    this.list.hidden = true;
    replace(this.list);
  }
}
