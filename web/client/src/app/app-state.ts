/** The page's UI state (what the URL holds), with change notification. */
import { Emitter } from "../ui/emitter";
import type { UrlState } from "../url/state";

export class AppState extends Emitter<{ change: { state: UrlState; keys: (keyof UrlState)[] } }> {
  private current: UrlState;

  constructor(initial: UrlState) {
    super();
    this.current = { ...initial, off: [...initial.off] };
  }

  get state(): Readonly<UrlState> {
    return this.current;
  }

  set(patch: Partial<UrlState>): void {
    const keys = (Object.keys(patch) as (keyof UrlState)[]).filter((k) => JSON.stringify(patch[k]) !== JSON.stringify(this.current[k]));
    if (keys.length === 0) {
      return;
    }
    this.current = { ...this.current, ...patch };
    this.emit("change", { state: this.current, keys });
  }
}
