// A stand-in for Google's OpenID Connect issuer, served over real HTTP on 127.0.0.1 for the browser tests:
// the discovery document and JWKS the app validates ID tokens with, and POST /id-token, which mints a signed
// ID token for any email (tests only; the app never calls it). Google is a third party, so it is the one thing faked.
//   node e2e/support/fake-google.mjs <port> <client-id> <hosted-domain>
import { generateKeyPairSync, randomUUID, sign } from "node:crypto";
import { createServer } from "node:http";

const [port = "7182", clientId = "penguinmails-admin-e2e", hostedDomain = "penguinmails.test"] = process.argv.slice(2);
const issuer = `http://127.0.0.1:${port}`;
const { privateKey, publicKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });
const kid = randomUUID();
const jwk = { ...publicKey.export({ format: "jwk" }), kid, use: "sig", alg: "RS256" };

const base64url = (value) => Buffer.from(typeof value === "string" ? value : JSON.stringify(value)).toString("base64url");

function idToken(email, audience = clientId) {
  const now = Math.floor(Date.now() / 1000);
  const header = base64url({ alg: "RS256", typ: "JWT", kid });
  const claims = base64url({
    iss: issuer, aud: audience, sub: `sub-${email}`, email, email_verified: true, hd: hostedDomain,
    iat: now - 60, nbf: now - 60, exp: now + 600,
  });
  const signature = sign("sha256", Buffer.from(`${header}.${claims}`), privateKey).toString("base64url");
  return `${header}.${claims}.${signature}`;
}

function send(response, status, body) {
  response.writeHead(status, { "Content-Type": "application/json" });
  response.end(JSON.stringify(body));
}

const server = createServer((request, response) => {
  const path = new URL(request.url ?? "/", issuer).pathname;
  if (request.method === "GET" && path === "/.well-known/openid-configuration") {
    return send(response, 200, { issuer, jwks_uri: `${issuer}/jwks`, id_token_signing_alg_values_supported: ["RS256"] });
  }
  if (request.method === "GET" && path === "/jwks") return send(response, 200, { keys: [jwk] });
  if (request.method === "POST" && path === "/id-token") {
    let body = "";
    request.on("data", (chunk) => (body += chunk));
    request.on("end", () => {
      try {
        const { email, audience } = JSON.parse(body);
        send(response, 200, { idToken: idToken(email, audience) });
      } catch {
        send(response, 400, { error: "send {\"email\": \"...\"}" });
      }
    });
    return undefined;
  }
  return send(response, 404, { error: "not found" });
});

server.listen(Number(port), "127.0.0.1", () => console.log(`fake Google issuer on ${issuer}`));
for (const signal of ["SIGTERM", "SIGINT"]) process.on(signal, () => server.close(() => process.exit(0)));
