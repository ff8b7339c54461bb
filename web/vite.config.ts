import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import react from "@vitejs/plugin-react";
import { defineConfig, loadEnv, type Plugin } from "vite";

// The function app listens on 7071 standalone; the dev server forwards /api there so the SPA and API share an origin.
const api = { "/api": { target: "http://127.0.0.1:7071", changeOrigin: false } };
const outDir = "dist";

/**
 * public/staticwebapp.config.json sends the function app's Content-Security-Policy (a .NET test keeps them equal), whose
 * connect-src is 'self'. In Azure the API is another origin (VITE_API_ORIGIN), so the built copy adds it there.
 */
function apiOriginInContentSecurityPolicy(apiOrigin: string | undefined): Plugin {
  return {
    name: "penguinmails:api-origin-in-csp",
    apply: "build",
    closeBundle() {
      if (!apiOrigin) return;
      const file = join(outDir, "staticwebapp.config.json");
      const config = JSON.parse(readFileSync(file, "utf8"));
      const policy: string = config.globalHeaders["Content-Security-Policy"];
      if (!policy.includes("connect-src 'self'")) throw new Error(`${file}: its Content-Security-Policy has no "connect-src 'self'" to extend`);
      config.globalHeaders["Content-Security-Policy"] = policy.replace("connect-src 'self'", `connect-src 'self' ${new URL(apiOrigin).origin}`);
      writeFileSync(file, `${JSON.stringify(config, null, 2)}\n`);
    },
  };
}

export default defineConfig(({ mode }) => ({
  base: "/",
  plugins: [react(), apiOriginInContentSecurityPolicy(loadEnv(mode, process.cwd(), "VITE_").VITE_API_ORIGIN)],
  server: { host: "127.0.0.1", port: 5173, proxy: api },
  preview: { host: "127.0.0.1", port: 4173, proxy: api },
  build: {
    outDir,
    emptyOutDir: true,
    // scripts/bundle-size.mjs reads the manifest to find what the initial route loads.
    manifest: true,
    target: "es2022",
  },
}));
