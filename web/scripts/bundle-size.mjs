#!/usr/bin/env node
// Prints the gzip size of what the browser downloads for the first screen, after `vite build`.
// The initial route is the app shell (index.html's entry and its static imports, with their CSS)
// plus the lazy chunk of the screen shown first: /dashboard for a signed-in user, /sign-in otherwise.
// Usage: node scripts/bundle-size.mjs [--budget-kb 200] [--strict]
import { readFileSync, existsSync } from "node:fs";
import { join, dirname } from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const dist = join(root, "dist");
const manifestPath = join(dist, ".vite", "manifest.json");
const args = process.argv.slice(2);
const budgetKb = Number(args[args.indexOf("--budget-kb") + 1]) || 200;
const strict = args.includes("--strict");

if (!existsSync(manifestPath)) {
  console.error(`No ${manifestPath}: run \`npm run build\` first.`);
  process.exit(2);
}
const manifest = JSON.parse(readFileSync(manifestPath, "utf8"));
const gzipped = new Map();
const sizeOf = (file) => {
  if (!gzipped.has(file)) gzipped.set(file, gzipSync(readFileSync(join(dist, file)), { level: 9 }).length);
  return gzipped.get(file);
};

/** Files a chunk pulls in before it can run: itself, its static imports (recursively) and their CSS. */
function closure(key, files = new Set()) {
  const chunk = manifest[key];
  if (!chunk || files.has(chunk.file)) return files;
  files.add(chunk.file);
  for (const css of chunk.css ?? []) files.add(css);
  for (const imported of chunk.imports ?? []) closure(imported, files);
  return files;
}

const entryKey = Object.keys(manifest).find((key) => manifest[key].isEntry);
if (!entryKey) {
  console.error("The manifest has no entry chunk.");
  process.exit(2);
}
const shell = closure(entryKey);
const routeKey = (name) => Object.keys(manifest).find((key) => key.endsWith(name));
const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;
const total = (files) => [...files].reduce((sum, file) => sum + sizeOf(file), 0);

function route(label, sourceSuffix) {
  const key = routeKey(sourceSuffix);
  const files = new Set(shell);
  if (key) closure(key, files);
  return { label, files, bytes: total(files) };
}

const routes = [route("/sign-in", "pages/SignInPage.tsx"), route("/dashboard", "pages/dashboard/DashboardPage.tsx")];
const initial = routes.reduce((largest, r) => (r.bytes > largest.bytes ? r : largest));

console.log("Shell (entry, static imports, CSS), gzip:");
for (const file of [...shell].sort()) console.log(`  ${kb(sizeOf(file)).padStart(9)}  ${file}`);
console.log(`  ${kb(total(shell)).padStart(9)}  total`);
console.log("Initial route = shell + the first screen's chunk, gzip:");
for (const r of routes) console.log(`  ${kb(r.bytes).padStart(9)}  ${r.label}`);
console.log("Lazy screens (loaded on navigation), gzip of their own chunk:");
for (const [key, chunk] of Object.entries(manifest)) {
  if (chunk.isDynamicEntry) console.log(`  ${kb(sizeOf(chunk.file)).padStart(9)}  ${key}`);
}
const within = initial.bytes <= budgetKb * 1024;
console.log(`Initial route gzip size: ${kb(initial.bytes)} (${initial.label}); budget ${budgetKb} KB: ${within ? "within" : "OVER"}`);
if (strict && !within) process.exit(1);
