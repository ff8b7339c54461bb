import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";

// The function app listens on 7071 standalone; the dev server forwards /api there so the SPA and API share an origin.
const api = { "/api": { target: "http://127.0.0.1:7071", changeOrigin: false } };

export default defineConfig({
  base: "/",
  plugins: [react()],
  server: { host: "127.0.0.1", port: 5173, proxy: api },
  preview: { host: "127.0.0.1", port: 4173, proxy: api },
  build: {
    outDir: "dist",
    emptyOutDir: true,
    // scripts/bundle-size.mjs reads the manifest to find what the initial route loads.
    manifest: true,
    target: "es2022",
  },
});
