// A stand-in for the Stripe API, served over real HTTP on 127.0.0.1 for the browser tests. It answers only what the app
// asks through Stripe.net for Journey 6: GET /v1/{subscriptions|invoices|charges|refunds|disputes|invoice_payments}
// (lists filtered by customer, invoice, payment_intent and subscription status, newest first, paged with limit and
// starting_after) and GET /v1/{collection}/{id}, in Stripe's wire format and error shape, behind the secret key.
// The tests put objects with POST /_test/{collection} (the object as JSON; same id replaces) and read the API version the
// app's Stripe.net sends (GET /_test/api-version), which their webhook events must carry. The app never calls /_test.
//   node e2e/support/fake-stripe.mjs <port> <secret-key>
import { createServer } from "node:http";

const [port = "7183", secretKey = "sk_test_penguinmails_e2e"] = process.argv.slice(2);
const collections = ["subscriptions", "invoices", "charges", "refunds", "disputes", "invoice_payments"];
const objects = new Map(collections.map((name) => [name, new Map()]));
let apiVersion = null;

function send(response, status, body) {
  response.writeHead(status, { "Content-Type": "application/json", "Request-Id": `req_fake_${Date.now()}` });
  response.end(JSON.stringify(body));
}

function error(response, status, code, message) {
  send(response, status, { error: { type: "invalid_request_error", code, message } });
}

function matches(object, field, expected) {
  return expected === null || expected === "" || String(object[field] ?? "") === expected;
}

function list(response, collection, query) {
  const limit = Number(query.get("limit") ?? 10);
  const matching = [...objects.get(collection).values()]
    .filter((o) => matches(o, "customer", query.get("customer")) && matches(o, "invoice", query.get("invoice"))
      && matches(o, "payment_intent", query.get("payment_intent")))
    .filter((o) => collection !== "subscriptions" || query.get("status") === "all" || o.status !== "canceled")
    .sort((a, b) => b.created - a.created || (a.id < b.id ? 1 : -1));
  const after = query.get("starting_after");
  const start = after ? matching.findIndex((o) => o.id === after) + 1 : 0;
  const page = matching.slice(start, start + limit);
  send(response, 200, { object: "list", url: `/v1/${collection}`, has_more: start + page.length < matching.length, data: page });
}

function readBody(request) {
  return new Promise((resolve, reject) => {
    let body = "";
    request.on("data", (chunk) => (body += chunk));
    request.on("end", () => resolve(body));
    request.on("error", reject);
  });
}

const server = createServer(async (request, response) => {
  const url = new URL(request.url ?? "/", `http://127.0.0.1:${port}`);
  const [, root, collection, id, extra] = url.pathname.split("/");
  if (request.method === "POST" && root === "_test" && objects.has(collection) && !id) {
    try {
      const object = JSON.parse(await readBody(request));
      if (typeof object.id !== "string") return error(response, 400, "parameter_missing", "The object needs an id.");
      objects.get(collection).set(object.id, object);
      return send(response, 200, object);
    } catch {
      return error(response, 400, "invalid_json", "Send the object as JSON.");
    }
  }
  if (request.method === "GET" && root === "_test" && collection === "api-version" && !id) return send(response, 200, { apiVersion });
  if (root !== "v1" || extra !== undefined) return error(response, 404, "resource_missing", `Unrecognized request URL (${request.method}: ${url.pathname}).`);
  if (request.headers.authorization !== `Bearer ${secretKey}`) return error(response, 401, "authentication_required", "Invalid API Key provided.");
  apiVersion = request.headers["stripe-version"] ?? apiVersion;
  if (request.method !== "GET" || !objects.has(collection)) {
    return error(response, 404, "resource_missing", `Unrecognized request URL (${request.method}: ${url.pathname}).`);
  }
  if (!id) return list(response, collection, url.searchParams);
  const object = objects.get(collection).get(decodeURIComponent(id));
  return object ? send(response, 200, object) : error(response, 404, "resource_missing", `No such ${collection.replace(/s$/, "")}: '${id}'`);
});

server.listen(Number(port), "127.0.0.1", () => console.log(`fake Stripe API on http://127.0.0.1:${port}`));
for (const signal of ["SIGTERM", "SIGINT"]) process.on(signal, () => server.close(() => process.exit(0)));
