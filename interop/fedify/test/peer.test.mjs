// Self-test of the interop peer, without Corkboard: two peers on two
// loopback hosts follow, like and message each other through the control
// API, and a stub receiver that answers 401 to RFC 9421 (as Corkboard's
// inbox does) checks the peer's draft-cavage retry and its signature.
//
//   npm test

import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { createHash, createPublicKey, verify } from "node:crypto";
import http from "node:http";
import net from "node:net";
import { fileURLToPath } from "node:url";

const PEER = fileURLToPath(new URL("../peer.mjs", import.meta.url));
const AP = "application/activity+json";

const children = [];
after(() => {
  for (const c of children) c.kill("SIGKILL");
});

async function freePort(host) {
  return await new Promise((resolve, reject) => {
    const s = net.createServer();
    s.on("error", reject);
    s.listen(0, host, () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });
}

// startPeer runs peer.mjs on host and waits for its health endpoint.
async function startPeer(host) {
  const url = `http://${host}:${await freePort(host)}`;
  const child = spawn(process.execPath, [PEER], {
    env: { ...process.env, PEER_URL: url, PEER_LOG_LEVEL: "warning" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  children.push(child);
  let log = "";
  child.stdout.on("data", (d) => (log += d));
  child.stderr.on("data", (d) => (log += d));
  const deadline = Date.now() + 20_000;
  while (Date.now() < deadline) {
    if (child.exitCode != null) throw new Error(`peer exited ${child.exitCode}:\n${log}`);
    try {
      const r = await fetch(`${url}/_control/health`);
      if (r.ok) break;
    } catch {
      // not listening yet
    }
    await sleep(100);
  }
  const health = await (await fetch(`${url}/_control/health`)).json();
  return { url, actor: health.actor, log: () => log };
}

function sleep(ms) {
  return new Promise((r) => setTimeout(r, ms));
}

async function call(peer, method, path, body) {
  const r = await fetch(`${peer.url}/_control/${path}`, {
    method,
    headers: body ? { "Content-Type": "application/json" } : {},
    body: body ? JSON.stringify(body) : undefined,
  });
  return { status: r.status, json: await r.json() };
}

async function ok(peer, method, path, body) {
  const { status, json } = await call(peer, method, path, body);
  assert.equal(status, 200, `${method} /_control/${path}: ${status} ${JSON.stringify(json)}\n${peer.log()}`);
  return json;
}

// eventually polls fn until it returns a truthy value (10 s at most).
async function eventually(what, fn) {
  const deadline = Date.now() + 10_000;
  let last;
  while (Date.now() < deadline) {
    last = await fn();
    if (last) return last;
    await sleep(100);
  }
  assert.fail(`timed out waiting for ${what}`);
}

async function receivedBy(peer, pred) {
  const { activities } = await ok(peer, "GET", "received");
  return activities.find(pred);
}

describe("peer", () => {
  let a, b;
  before(async () => {
    [a, b] = await Promise.all([startPeer("127.0.0.21"), startPeer("127.0.0.22")]);
  });

  test("serves its actor with publicKey and the security context", async () => {
    const r = await fetch(a.actor, { headers: { Accept: AP } });
    assert.equal(r.status, 200);
    assert.match(r.headers.get("content-type"), /^application\/activity\+json/);
    const actor = await r.json();
    assert.ok(actor["@context"].includes("https://w3id.org/security/v1"), JSON.stringify(actor["@context"]));
    assert.equal(actor.id, `${a.url}/users/peer`);
    assert.equal(actor.type, "Person");
    assert.equal(actor.preferredUsername, "peer");
    assert.equal(actor.inbox, `${a.url}/users/peer/inbox`);
    assert.equal(actor.endpoints.sharedInbox, `${a.url}/inbox`);
    assert.equal(actor.publicKey.id, `${a.url}/users/peer#main-key`);
    assert.equal(actor.publicKey.owner, actor.id);
    const key = createPublicKey(actor.publicKey.publicKeyPem);
    assert.equal(key.asymmetricKeyType, "rsa");
    assert.ok(Array.isArray(actor.assertionMethod) && actor.assertionMethod.length === 2);
  });

  test("answers WebFinger and NodeInfo", async () => {
    const host = new URL(a.url).host;
    const wf = await (await fetch(`${a.url}/.well-known/webfinger?resource=acct:peer@${host}`)).json();
    assert.equal(wf.subject, `acct:peer@${host}`);
    assert.ok(wf.links.some((l) => l.rel === "self" && l.href === a.actor && l.type === AP));
    const links = await (await fetch(`${a.url}/.well-known/nodeinfo`)).json();
    const ni = await (await fetch(links.links[0].href)).json();
    assert.equal(ni.software.name, "corkboard-fedify-peer");
  });

  test("control API refuses bad input", async () => {
    assert.equal((await call(a, "POST", "follow", {})).status, 400);
    assert.equal((await call(a, "POST", "follow", { actor: "not a url" })).status, 400);
    assert.equal((await call(a, "GET", "nope")).status, 404);
    const closed = `http://127.0.0.21:${await freePort("127.0.0.21")}/users/nobody`;
    const r = await call(a, "POST", "follow", { actor: closed });
    assert.equal(r.status, 502, JSON.stringify(r.json));
    assert.match(r.json.error, /could not fetch/);
  });

  test("an unsigned activity is refused and recorded as unverified", async () => {
    const id = `${b.url}/fake/${Date.now()}`;
    const r = await fetch(`${a.url}/users/peer/inbox`, {
      method: "POST",
      headers: { "Content-Type": AP },
      body: JSON.stringify({
        "@context": "https://www.w3.org/ns/activitystreams",
        id,
        type: "Like",
        actor: b.actor,
        object: a.actor,
      }),
    });
    assert.equal(r.status, 401);
    const { requests } = await ok(a, "GET", "inbox-log");
    const logged = requests.find((q) => q.activityId === id);
    assert.equal(logged?.status, 401);
    assert.equal(logged.signature.scheme, "none");
    const e = await receivedBy(a, (x) => x.id === id);
    assert.equal(e?.verified, false, JSON.stringify(e));
    assert.equal(e.reason.type, "noSignature");
  });

  test("follow, Accept, public note, like, DM, unlike, unfollow", async () => {
    // a follows b; b accepts automatically.
    const follow = await ok(a, "POST", "follow", { actor: b.actor });
    assert.equal(follow.actor, b.actor);
    const gotFollow = await eventually("b to record the Follow", () =>
      receivedBy(b, (x) => x.type === "Follow" && x.id === follow.id));
    assert.equal(gotFollow.verified, true);
    assert.equal(gotFollow.actor, a.actor);
    assert.equal(gotFollow.objectId, b.actor);
    assert.equal(gotFollow.signature.keyId, `${a.actor}#main-key`);
    const accept = await eventually("a to record the Accept", () =>
      receivedBy(a, (x) => x.type === "Accept" && x.objectId === follow.id));
    assert.equal(accept.verified, true);
    assert.equal(accept.actor, b.actor);
    assert.deepEqual((await ok(b, "GET", "followers")).followers, [a.actor]);
    assert.deepEqual((await ok(a, "GET", "following")).following.map((f) => [f.id, f.state]), [[b.actor, "accepted"]]);
    const coll = await (await fetch(`${b.actor}/followers`, { headers: { Accept: AP } })).json();
    assert.ok(JSON.stringify(coll).includes(a.actor), JSON.stringify(coll));
    assert.ok((await ok(b, "GET", "sent")).deliveries.some((d) => d.type === "Accept" && d.ok));

    // b posts a public note with an image; a, its follower, gets it.
    const post = await ok(b, "POST", "create-note", { content: "hello followers" });
    assert.ok(post.ok, JSON.stringify(post));
    const create = await eventually("a to record the Create", () =>
      receivedBy(a, (x) => x.type === "Create" && x.id === post.id));
    assert.equal(create.verified, true);
    assert.equal(create.object.type, "Note");
    assert.equal(create.object.id, post.note);
    assert.equal(create.object.attachment[0].type, "Image");
    assert.equal(create.parsedObject.type, "Note");
    assert.equal(create.parsedObject.attachments[0].type, "Image");
    const img = await fetch(create.object.attachment[0].url);
    assert.equal(img.headers.get("content-type"), "image/png");

    // a likes it: the Like goes to the note's attributedTo.
    const like = await ok(a, "POST", "like", { object: post.note });
    assert.equal(like.to, b.actor);
    const gotLike = await eventually("b to record the Like", () =>
      receivedBy(b, (x) => x.type === "Like" && x.id === like.id));
    assert.equal(gotLike.verified, true);
    assert.equal(gotLike.objectId, post.note);

    // a sends b a direct message with a Mention and an Image.
    const dm = await ok(a, "POST", "send-dm", { to: b.actor, content: "a pin for you", imageName: "alt" });
    const gotDM = await eventually("b to record the DM", () =>
      receivedBy(b, (x) => x.type === "Create" && x.id === dm.id));
    assert.equal(gotDM.verified, true);
    assert.equal(gotDM.object.type, "Note");
    assert.deepEqual(gotDM.object.to, [b.actor]);
    assert.deepEqual(gotDM.object.cc, []);
    assert.deepEqual(gotDM.object.tag, [{ type: "Mention", href: b.actor, name: `@peer@${new URL(b.url).host}` }]);
    assert.equal(gotDM.object.attachment.length, 1);
    assert.equal(gotDM.object.attachment[0].type, "Image");
    assert.equal(gotDM.object.attachment[0].name, "alt");
    assert.match(gotDM.object.content, /a pin for you/);
    // The direct note is not shown to an unsigned request.
    const unsigned = await fetch(dm.note, { headers: { Accept: AP } });
    assert.equal(unsigned.status, 401);

    // unlike and unfollow.
    const unlike = await ok(a, "POST", "unlike", { object: post.note });
    await eventually("b to record the Undo(Like)", () =>
      receivedBy(b, (x) => x.type === "Undo" && x.id === unlike.id && x.object?.type === "Like"));
    const unfollow = await ok(a, "POST", "unfollow", { actor: b.actor });
    await eventually("b to record the Undo(Follow)", () =>
      receivedBy(b, (x) => x.type === "Undo" && x.id === unfollow.id));
    assert.deepEqual((await ok(b, "GET", "followers")).followers, []);
  });
});

// A receiver that behaves like Corkboard's inbox: 401 to an RFC 9421
// signature, 202 to a valid draft-cavage one over (request-target) host
// date digest, checked here against the peer's published key.
describe("draft-cavage retry", () => {
  let peer, stub;
  const posts = [];
  before(async () => {
    peer = await startPeer("127.0.0.24");
    const host = "127.0.0.23";
    const port = await freePort(host);
    const origin = `http://${host}:${port}`;
    const actor = {
      "@context": ["https://www.w3.org/ns/activitystreams", "https://w3id.org/security/v1"],
      id: `${origin}/users/carol`,
      type: "Person",
      preferredUsername: "carol",
      inbox: `${origin}/users/carol/inbox`,
    };
    const server = http.createServer(async (req, res) => {
      const chunks = [];
      for await (const c of req) chunks.push(c);
      const body = Buffer.concat(chunks);
      if (req.method === "GET" && req.url === "/users/carol") {
        res.writeHead(200, { "Content-Type": AP });
        return res.end(JSON.stringify(actor));
      }
      if (req.method !== "POST" || req.url !== "/users/carol/inbox") {
        res.writeHead(404);
        return res.end();
      }
      const post = { headers: req.headers, body: body.toString(), status: 401, error: null };
      posts.push(post);
      try {
        if (req.headers["signature-input"]) throw new Error("RFC 9421 is not accepted here");
        await verifyCavage(req, body);
        post.status = 202;
      } catch (error) {
        post.error = String(error.message);
      }
      res.writeHead(post.status);
      res.end();
    });
    await new Promise((r) => server.listen(port, host, r));
    stub = { origin, actor: actor.id, server };
  });
  after(() => stub?.server.close());

  async function verifyCavage(req, body) {
    const params = Object.fromEntries(
      [...(req.headers.signature ?? "").matchAll(/(\w+)="([^"]*)"/g)].map((m) => [m[1], m[2]]),
    );
    const headers = params.headers.split(" ");
    for (const h of ["(request-target)", "host", "date", "digest"]) {
      if (!headers.includes(h)) throw new Error(`${h} is not signed: ${params.headers}`);
    }
    const digest = "SHA-256=" + createHash("sha256").update(body).digest("base64");
    if (req.headers.digest !== digest) throw new Error(`Digest ${req.headers.digest}, want ${digest}`);
    const skew = Math.abs(Date.now() - Date.parse(req.headers.date));
    if (!(skew < 300_000)) throw new Error(`Date ${req.headers.date} is off by ${skew} ms`);
    const keyRes = await fetch(params.keyId, { headers: { Accept: AP } });
    const owner = await keyRes.json();
    if (owner.publicKey.id !== params.keyId) throw new Error(`key ${params.keyId} not found on ${owner.id}`);
    const signing = headers
      .map((h) => (h === "(request-target)" ? `${h}: ${req.method.toLowerCase()} ${req.url}` : `${h}: ${req.headers[h]}`))
      .join("\n");
    const ok = verify("sha256", Buffer.from(signing), createPublicKey(owner.publicKey.publicKeyPem),
      Buffer.from(params.signature, "base64"));
    if (!ok) throw new Error("bad signature");
  }

  test("a 401 to RFC 9421 is retried with a valid draft-cavage signature", async () => {
    const follow = await ok(peer, "POST", "follow", { actor: stub.actor });
    const mine = posts.filter((p) => JSON.parse(p.body).id === follow.id);
    assert.equal(mine.length, 2, JSON.stringify(mine, null, 1));
    assert.ok(mine[0].headers["signature-input"], "first knock is RFC 9421");
    assert.equal(mine[0].status, 401);
    assert.ok(mine[1].headers.signature && !mine[1].headers["signature-input"], "second knock is draft-cavage");
    assert.equal(mine[1].status, 202, mine[1].error);
    const { deliveries } = await ok(peer, "GET", "sent");
    assert.ok(deliveries.some((d) => d.id === follow.id && d.ok));
  });
});
