/**
 * The sign-in page: user name and password (the twin's own accounts) or the organisation's
 * provider, then, after a one-time password, the new password; back to where the user came from.
 */
import "../styles/app.css";
import "./login.css";
import { changePassword, fetchSession, safeReturn, signIn, type Session } from "../auth/session";
import { htmlLang, isLang, translate, type Lang } from "../i18n/i18n";
import type { MessageKey } from "../i18n/messages";
import { byId, inputById } from "../ui/dom";

const params = new URLSearchParams(window.location.search);
const returnTo = safeReturn(params.get("return"));
let lang: Lang = isLang(params.get("lang")) ? (params.get("lang") as Lang) : "zh";

function relabel(): void {
  document.documentElement.lang = htmlLang(lang);
  document.title = translate(lang, "auth.title");
  for (const element of document.querySelectorAll<HTMLElement>("[data-i18n]")) {
    element.textContent = translate(lang, element.dataset["i18n"] as MessageKey);
  }
  byId("lang-toggle").textContent = translate(lang, "toolbar.language");
}

function showError(id: string, text: string | null): void {
  const element = byId(id);
  element.hidden = text === null;
  element.textContent = text ?? "";
}

function route(session: Session): void {
  if (session.authenticated && session.mustChangePassword) {
    byId("sign-in").hidden = true;
    byId("change-password").hidden = false;
    inputById("current-password").focus();
    return;
  }
  if (session.authenticated && session.wall === null) {
    window.location.replace(returnTo);
  }
}

byId("lang-toggle").addEventListener("click", () => {
  lang = lang === "zh" ? "en" : "zh";
  relabel();
});

byId("sign-in").addEventListener("submit", (event) => {
  event.preventDefault();
  const button = byId("sign-in-button") as HTMLButtonElement;
  const userName = inputById("user-name").value.trim();
  const password = inputById("password").value;
  if (!userName || !password) {
    showError("sign-in-error", translate(lang, "auth.failed"));
    return;
  }
  button.disabled = true;
  button.textContent = translate(lang, "auth.signingIn");
  void signIn(userName, password)
    .then((result) => {
      if (result.ok && result.session) {
        showError("sign-in-error", null);
        route(result.session);
      } else {
        showError("sign-in-error", translate(lang, "auth.failed"));
        inputById("password").select();
      }
    })
    .finally(() => {
      button.disabled = false;
      button.textContent = translate(lang, "auth.signIn");
    });
});

byId("change-password").addEventListener("submit", (event) => {
  event.preventDefault();
  const current = inputById("current-password").value;
  const next = inputById("new-password").value;
  if (next !== inputById("confirm-password").value) {
    showError("change-error", translate(lang, "auth.mismatch"));
    return;
  }
  void changePassword(current, next).then((result) => {
    if (result.ok) {
      window.location.replace(returnTo);
    } else {
      showError("change-error", result.error);
    }
  });
});

relabel();
void fetchSession().then((session) => {
  const oidc = byId("oidc") as HTMLAnchorElement;
  oidc.hidden = !session.oidc;
  oidc.href = `/api/auth/oidc/login?returnUrl=${encodeURIComponent(returnTo)}`;
  if (session.oidc) {
    byId("sign-in").querySelectorAll("label, #sign-in-button").forEach((element) => {
      (element as HTMLElement).hidden = true;
    });
  }
  route(session);
  inputById("user-name").focus();
});
