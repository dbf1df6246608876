import { describe, expect, it } from "vitest";
import { hasRole, loginUrl, safeReturn, type Session } from "./session";

const person = (roles: string[]): Session => ({
  authenticated: true,
  name: "a",
  displayName: "A",
  roles,
  wall: null,
  mustChangePassword: false,
  antiforgeryToken: "t",
  oidc: false,
});

describe("safeReturn", () => {
  it("keeps a local path with its query and hash", () => {
    expect(safeReturn("/plan?x=1#sel=building:a")).toBe("/plan?x=1#sel=building:a");
  });
  it.each(["//evil.example/", "/\\evil.example", "https://evil.example/", "javascript:alert(1)", "", null, undefined])(
    "sends %s to the map instead",
    (value) => {
      expect(safeReturn(value)).toBe("/");
    },
  );
});

describe("loginUrl", () => {
  it("encodes where to come back to", () => {
    expect(loginUrl("/wall?id=main#a")).toBe("/login?return=%2Fwall%3Fid%3Dmain%23a");
  });
});

describe("hasRole", () => {
  it("is true only for a role the session holds", () => {
    expect(hasRole(person(["viewer", "planner"]), "planner")).toBe(true);
    expect(hasRole(person(["viewer"]), "operator")).toBe(false);
    expect(hasRole(null, "viewer")).toBe(false);
  });
});
