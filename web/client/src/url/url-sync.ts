/** Keeps the URL's hash and the app state in step, both ways, without adding history entries per pan. */
import type { AppState } from "../app/app-state";
import { formatHash, parseHash } from "./state";

export function syncUrl(app: AppState): void {
  let writing = false;
  let timer: ReturnType<typeof setTimeout> | null = null;
  // What the pending write carries: a camera move arriving meanwhile must not postpone a selection or
  // a language change, nor turn its history step into a replacement.
  let pendingPush = false;
  let pendingNow = false;
  app.on("change", ({ keys }) => {
    if (writing) {
      return;
    }
    if (timer) {
      clearTimeout(timer);
    }
    // A new selection is a step worth going back to; other choices replace the entry at once;
    // camera moves (many while panning) only settle into it.
    pendingPush ||= keys.includes("sel");
    pendingNow ||= !keys.every((k) => k === "view");
    timer = setTimeout(() => {
      const push = pendingPush;
      timer = null;
      pendingPush = false;
      pendingNow = false;
      const hash = formatHash(app.state);
      if (hash !== window.location.hash) {
        if (push) {
          history.pushState(null, "", hash);
        } else {
          history.replaceState(null, "", hash);
        }
      }
    }, pendingNow ? 0 : 250);
  });
  window.addEventListener("hashchange", () => {
    writing = true;
    try {
      app.set(parseHash(window.location.hash));
    } finally {
      writing = false;
    }
  });
  window.addEventListener("popstate", () => {
    writing = true;
    try {
      app.set(parseHash(window.location.hash));
    } finally {
      writing = false;
    }
  });
}
