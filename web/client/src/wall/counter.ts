/**
 * KPI counters that roll to their new value. The maths is pure (tested); `AnimatedCounter`
 * drives one element with requestAnimationFrame and stops when it arrives, so an idle wall
 * schedules no frames.
 */

export const COUNTER_MS = 1200;

/** Ease-out cubic on [0, 1]. */
export function easeOutCubic(t: number): number {
  const c = Math.min(1, Math.max(0, t));
  return 1 - (1 - c) ** 3;
}

/** The value shown `elapsed` ms into a roll from `from` to `to`; exactly `to` at the end. */
export function counterValue(from: number, to: number, elapsed: number, duration = COUNTER_MS): number {
  if (duration <= 0 || elapsed >= duration) {
    return to;
  }
  return from + (to - from) * easeOutCubic(elapsed / duration);
}

/** A number with thousands separators and a fixed number of decimals. */
export function formatNumber(value: number, decimals = 0): string {
  return value.toLocaleString("zh-CN", { minimumFractionDigits: decimals, maximumFractionDigits: decimals });
}

export class AnimatedCounter {
  private shown = 0;
  private target: number | null = null;
  private from = 0;
  private startedAt = 0;
  private frame: number | null = null;

  constructor(
    readonly element: HTMLElement,
    private readonly decimals = 0,
  ) {}

  get value(): number | null {
    return this.target;
  }

  set(target: number): void {
    if (target === this.target) {
      return;
    }
    // The element holds the value to compare with the figures (tests read it).
    this.element.dataset["value"] = String(target);
    if (this.target === null || document.hidden) {
      this.target = target;
      this.show(target);
      return;
    }
    this.from = this.shown;
    this.target = target;
    this.startedAt = performance.now();
    this.frame ??= requestAnimationFrame(this.tick);
  }

  private readonly tick = (now: number): void => {
    const target = this.target ?? 0;
    const value = counterValue(this.from, target, now - this.startedAt);
    this.show(value);
    this.frame = value === target ? null : requestAnimationFrame(this.tick);
  };

  private show(value: number): void {
    this.shown = value;
    this.element.textContent = formatNumber(value, this.decimals);
  }
}
