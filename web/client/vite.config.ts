import { readdirSync } from "node:fs";
import { resolve } from "node:path";
import { defineConfig } from "vite";

// Every *.html beside this file is a page: index.html at `/`, the others at `/{name}` (wall.html → /wall).
const pages = Object.fromEntries(
  readdirSync(import.meta.dirname)
    .filter((file) => file.endsWith(".html"))
    .map((file) => [file.slice(0, -".html".length), resolve(import.meta.dirname, file)]),
);

// The built files are served by the silo (web/Twin.Web/Hosting/ClientAppExtensions.cs) at `/`;
// `npm run dev` proxies the API and the hub to a silo on TWIN_URL (default http://127.0.0.1:5080).
const silo = process.env["TWIN_URL"] ?? "http://127.0.0.1:5080";

export default defineConfig({
  base: "/",
  build: {
    outDir: "dist",
    emptyOutDir: true,
    target: "es2022",
    sourcemap: true,
    // MapLibre alone is ~1 MB minified; it gets its own long-cached chunk.
    chunkSizeWarningLimit: 1200,
    rolldownOptions: {
      input: pages,
      output: {
        codeSplitting: {
          groups: [{ name: "maplibre", test: /node_modules[\\/]maplibre-gl/ }],
        },
      },
    },
  },
  server: {
    host: "127.0.0.1",
    proxy: {
      "/api": silo,
      "/healthz": silo,
      "/hubs": { target: silo, ws: true },
    },
  },
});
