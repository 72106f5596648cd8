// A Fedify peer for Corkboard's interop tests: one Person actor, "peer",
// on its own loopback host, that records every activity it receives and
// is driven by the Go tests through a small JSON control API under
// /_control/ on the same port.
//
//   PEER_URL=http://127.0.0.9:8090 node peer.mjs
//
// PEER_URL is the peer's public base URL; it listens on that host and
// port. PEER_LOG_LEVEL (default "info") sets Fedify's log level; the log
// goes to stdout/stderr.
//
// Control API (JSON in, JSON out; errors are {"error": "..."}):
//   GET  /_control/health                 {ok, url, actor, fedify, node}
//   POST /_control/follow    {actor}      send Follow to actor (an IRI)
//   POST /_control/unfollow  {actor}      send Undo(Follow)
//   POST /_control/like      {object}     send Like to the object's attributedTo
//   POST /_control/unlike    {object}     send Undo(Like)
//   POST /_control/send-dm   {to, content, imageUrl?, imageName?,
//                             imageMediaType?, imageWidth?, imageHeight?,
//                             inReplyTo?, context?}
//                                         send a direct Create(Note) with a
//                                         Mention and an Image attachment
//   POST /_control/create-note {content, imageUrl?, ...}
//                                         send a public Create(Note) to followers
//   GET  /_control/received[?type=T]     activities received (newest last)
//   GET  /_control/sent                  deliveries made (ok or error)
//   GET  /_control/inbox-log             every POST to an inbox: signature
//                                         scheme, keyId, status answered
//   GET  /_control/followers             actors following the peer
//   GET  /_control/following             actors the peer follows, with state
//
// A received activity is recorded with verified: true only when Fedify
// called an inbox listener for it, which it does only after verifying
// the sender's signature (skipSignatureVerification is off). Activities
// whose signature failed are recorded with verified: false and Fedify's
// reason (and answered 401, as Fedify does).

// Fedify 2.x reads globalThis.navigator, which Node.js 20 does not define
// (21+ does): the shim must be in place before Fedify's modules load, so
// they are imported dynamically below.
globalThis.navigator ??= { userAgent: "node" };

const http = await import("node:http");
const { randomUUID } = await import("node:crypto");
const { readFileSync } = await import("node:fs");
const zlib = await import("node:zlib");
const { AsyncLocalStorage } = await import("node:async_hooks");
const { configure, getConsoleSink } = await import("@logtape/logtape");
const { Temporal } = await import("@js-temporal/polyfill"); // what Fedify uses
const {
  createFederation,
  generateCryptoKeyPair,
  MemoryKvStore,
} = await import("@fedify/fedify");
const {
  Accept,
  Activity,
  Create,
  Endpoints,
  Follow,
  Image,
  isActor,
  Like,
  Mention,
  Note,
  Person,
  PUBLIC_COLLECTION,
  Reject,
  Undo,
} = await import("@fedify/fedify/vocab");

const FEDIFY_VERSION = JSON.parse(
  readFileSync(
    new URL("./node_modules/@fedify/fedify/package.json", import.meta.url),
  ),
).version;

// --- Settings -----------------------------------------------------------

const PEER_URL = process.env.PEER_URL;
if (!PEER_URL) {
  console.error("peer: set PEER_URL, e.g. http://127.0.0.9:8090");
  process.exit(2);
}
const base = new URL(PEER_URL);
if (base.pathname !== "/" || base.search || base.hash) {
  console.error(`peer: PEER_URL must be an origin without a path, got ${PEER_URL}`);
  process.exit(2);
}
const ORIGIN = base.origin;
const LISTEN_HOST = base.hostname.replace(/^\[|\]$/g, "");
const LISTEN_PORT = Number(base.port || (base.protocol === "https:" ? 443 : 80));
const ID = "peer"; // the one actor's identifier and preferredUsername
const MAX_BODY = 1 << 20; // inbox and control bodies

await configure({
  contextLocalStorage: new AsyncLocalStorage(),
  sinks: { console: getConsoleSink() },
  loggers: [
    {
      category: "fedify",
      lowestLevel: process.env.PEER_LOG_LEVEL || "info",
      sinks: ["console"],
    },
    { category: ["logtape", "meta"], lowestLevel: "warning", sinks: ["console"] },
  ],
});

// --- State (all in memory, gone when the process ends) --------------------

const keyPairs = [
  await generateCryptoKeyPair("RSASSA-PKCS1-v1_5"), // publicKey: HTTP Signatures
  await generateCryptoKeyPair("Ed25519"), // assertionMethod: Object Integrity Proofs
];
const received = []; // recorded activities, in order of arrival
const sent = []; // deliveries: {type, id, to, ok, error}
const inboxLog = []; // every POST to an inbox, with its signature and status
const followers = new Map(); // follower actor IRI -> {id, inbox, sharedInbox, followId}
const following = new Map(); // followed actor IRI -> {id, follow (Follow), state}
const likes = new Map(); // liked object IRI -> Like
const notes = new Map(); // our Note id -> {note: Note, direct, recipients: [IRI]}
let seq = 0; // numbers received activities
let sendSeq = 0; // numbers deliveries

// --- Federation ---------------------------------------------------------

const federation = createFederation({
  kv: new MemoryKvStore(),
  // No queue: inbox listeners run while the sender waits (so a listener
  // knows the request it came with), and sends from the control API are
  // made at once so their errors can be answered.
  origin: ORIGIN,
  // The peer and Corkboard talk on loopback addresses, over http://.
  allowPrivateAddress: true,
});

federation
  .setActorDispatcher("/users/{identifier}", async (ctx, identifier) => {
    if (identifier !== ID) return null;
    const keys = await ctx.getActorKeyPairs(identifier);
    return new Person({
      id: ctx.getActorUri(identifier),
      preferredUsername: identifier,
      name: "Fedify interop peer",
      summary: "Loopback interop test peer for Corkboard",
      url: ctx.getActorUri(identifier),
      inbox: ctx.getInboxUri(identifier),
      outbox: ctx.getOutboxUri(identifier),
      endpoints: new Endpoints({ sharedInbox: ctx.getInboxUri() }),
      followers: ctx.getFollowersUri(identifier),
      following: ctx.getFollowingUri(identifier),
      manuallyApprovesFollowers: false,
      publicKey: keys[0].cryptographicKey,
      assertionMethods: keys.map((k) => k.multikey),
    });
  })
  .mapHandle((_ctx, username) => (username === ID ? ID : null))
  .setKeyPairsDispatcher((_ctx, identifier) =>
    identifier === ID ? keyPairs : []
  );

federation
  .setFollowersDispatcher("/users/{identifier}/followers", (_ctx, identifier) => {
    if (identifier !== ID) return null;
    return {
      items: [...followers.values()].map((f) => ({
        id: new URL(f.id),
        inboxId: f.inbox ? new URL(f.inbox) : null,
        endpoints: f.sharedInbox ? { sharedInbox: new URL(f.sharedInbox) } : null,
      })),
    };
  })
  .setCounter((_ctx, identifier) => (identifier === ID ? followers.size : null));

federation
  .setFollowingDispatcher("/users/{identifier}/following", (_ctx, identifier) => {
    if (identifier !== ID) return null;
    return {
      items: [...following.values()]
        .filter((f) => f.state === "accepted")
        .map((f) => new URL(f.id)),
    };
  });

federation.setOutboxDispatcher("/users/{identifier}/outbox", (_ctx, identifier) =>
  identifier === ID ? { items: [] } : null
);

// Our notes, so that a receiver may dereference them. A direct note is
// shown only to a request signed by one of its recipients (as Mastodon
// does), a public one to anybody.
federation
  .setObjectDispatcher(Note, "/users/{identifier}/notes/{id}", (ctx, values) => {
    const n = notes.get(ctx.getObjectUri(Note, values).href);
    return n?.note ?? null;
  })
  .authorize(async (ctx, values) => {
    const n = notes.get(ctx.getObjectUri(Note, values).href);
    if (n == null || !n.direct) return true;
    const owner = await ctx.getSignedKeyOwner();
    return owner?.id != null && n.recipients.includes(owner.id.href);
  });

federation.setNodeInfoDispatcher("/nodeinfo/2.1", () => ({
  software: { name: "corkboard-fedify-peer", version: FEDIFY_VERSION },
  protocols: ["activitypub"],
  openRegistrations: false,
  usage: { users: { total: 1 }, localPosts: notes.size, localComments: 0 },
}));

federation
  .setInboxListeners("/users/{identifier}/inbox", "/inbox")
  .on(Follow, async (ctx, follow) => {
    const entry = await record(ctx, follow);
    if (follow.objectId?.href !== ctx.getActorUri(ID).href) return;
    const follower = await follow.getActor(ctx);
    if (follower == null || follower.id == null || follower.inboxId == null) {
      entry.note = "follower actor could not be fetched: no Accept sent";
      return;
    }
    followers.set(follower.id.href, {
      id: follower.id.href,
      inbox: follower.inboxId.href,
      sharedInbox: follower.endpoints?.sharedInbox?.href ?? null,
      followId: follow.id?.href ?? null,
    });
    const accept = new Accept({
      id: new URL(`#accepts/${randomUUID()}`, ctx.getActorUri(ID)),
      actor: ctx.getActorUri(ID),
      object: follow,
      to: follower.id,
    });
    // Answer after the Follow's own request has been answered, as a
    // queueing server would, retrying for a while if the receiver fails.
    setTimeout(() => deliverWithRetry(accept, follower), 0);
  })
  .on(Accept, async (ctx, accept) => {
    await record(ctx, accept);
    const f = followingByFollowId(accept.objectId?.href);
    if (f && f.id === accept.actorId?.href) f.state = "accepted";
  })
  .on(Reject, async (ctx, reject) => {
    await record(ctx, reject);
    const f = followingByFollowId(reject.objectId?.href);
    if (f && f.id === reject.actorId?.href) f.state = "rejected";
  })
  .on(Undo, async (ctx, undo) => {
    await record(ctx, undo);
    const raw = ctx.data?.json?.object;
    const type = raw && typeof raw === "object" ? raw.type : null;
    const followId = typeof raw === "string" ? raw : raw?.id;
    for (const [id, f] of followers) {
      if (
        id === undo.actorId?.href &&
        (type === "Follow" || (followId && followId === f.followId))
      ) {
        followers.delete(id);
      }
    }
  })
  .on(Activity, async (ctx, activity) => {
    await record(ctx, activity);
  })
  .onUnverifiedActivity(async (ctx, activity, reason) => {
    await record(ctx, activity, { verified: false, reason: describeReason(reason) });
  })
  .onError((ctx, error) => {
    console.error("peer: inbox listener failed:", error);
    const e = received.at(-1);
    if (e && ctx.data && e.requestSeq === ctx.data.seq) e.error = String(error);
  });

function followingByFollowId(followId) {
  if (!followId) return null;
  for (const f of following.values()) {
    if (f.follow.id?.href === followId) return f;
  }
  return null;
}

function describeReason(reason) {
  if (reason == null) return null;
  try {
    return JSON.parse(JSON.stringify(reason, (_k, v) =>
      v instanceof URL ? v.href : v instanceof Error ? String(v) : v));
  } catch {
    return String(reason);
  }
}

// --- Recording ----------------------------------------------------------

// record notes an activity Fedify has handed to us, with what the wire
// carried (the raw JSON the adapter kept in the context data) and what
// Fedify made of it.
async function record(ctx, activity, { verified = true, reason = null } = {}) {
  const req = ctx.data ?? {};
  const raw = req.json ?? null;
  const entry = {
    seq: ++seq,
    receivedAt: new Date().toISOString(),
    requestSeq: req.seq ?? null,
    inbox: req.path ?? null,
    recipient: ctx.recipient ?? null,
    verified,
    reason,
    signature: req.signature ?? null,
    bodyHasProof: raw != null && raw.proof != null,
    bodyHasLdSignature: raw != null && raw.signature != null,
    id: activity.id?.href ?? raw?.id ?? null,
    type: typeName(activity),
    rawType: raw?.type ?? null,
    actor: activity.actorId?.href ?? null,
    objectId: activity.objectId?.href ?? null,
    object: summarize(raw?.object),
    parsedObject: null,
    raw,
  };
  if (verified && raw?.object && typeof raw.object === "object") {
    entry.parsedObject = await parsedSummary(ctx, activity);
  }
  received.push(entry);
  console.log(
    `peer: received ${entry.type} ${entry.id} from ${entry.actor}` +
      ` (verified=${verified}, ${entry.signature?.scheme ?? "unsigned"})`,
  );
  return entry;
}

function typeName(obj) {
  const id = obj?.constructor?.typeId?.href;
  return id ? id.replace(/^.*[#/]/, "") : null;
}

// What Fedify understood of an embedded object (after JSON-LD
// processing): its type and its attachments' types. An object that Fedify
// cannot parse is reported with the error.
async function parsedSummary(ctx, activity) {
  try {
    const obj = await activity.getObject({
      documentLoader: ctx.documentLoader,
      contextLoader: ctx.contextLoader,
    });
    if (obj == null) return null;
    const out = { id: obj.id?.href ?? null, type: typeName(obj), attachments: [] };
    if (typeof obj.getAttachments === "function") {
      for await (const a of obj.getAttachments({
        documentLoader: ctx.documentLoader,
        contextLoader: ctx.contextLoader,
      })) {
        out.attachments.push({
          type: typeName(a),
          mediaType: a.mediaType ?? null,
          url: a.url instanceof URL ? a.url.href : a.url?.href?.href ?? null, // URL or Link
        });
      }
    }
    return out;
  } catch (error) {
    return { error: String(error) };
  }
}

// summarize reduces the raw object of an activity to what tests check,
// with JSON-LD's one-or-many values always as arrays.
function summarize(obj) {
  if (obj == null) return null;
  if (typeof obj === "string") return { id: obj };
  if (typeof obj !== "object") return null;
  const s = {
    id: obj.id ?? null,
    type: obj.type ?? null,
    attributedTo: many(obj.attributedTo).map(idOf),
    to: many(obj.to).map(idOf),
    cc: many(obj.cc).map(idOf),
    content: typeof obj.content === "string" ? obj.content.slice(0, 2000) : null,
    url: many(obj.url).map(hrefOf),
    attachment: many(obj.attachment).map((a) => ({
      type: a?.type ?? null,
      mediaType: a?.mediaType ?? null,
      url: many(a?.url).map(hrefOf)[0] ?? null,
      name: a?.name ?? null,
      width: a?.width ?? null,
      height: a?.height ?? null,
      blurhash: a?.blurhash ?? null,
    })),
    tag: many(obj.tag).map((t) => ({ type: t?.type ?? null, href: t?.href ?? null, name: t?.name ?? null })),
  };
  if (obj.object !== undefined) s.object = idOf(obj.object);
  if (obj.actor !== undefined) s.actor = idOf(obj.actor);
  return s;
}

function many(v) {
  return v == null ? [] : Array.isArray(v) ? v : [v];
}

function idOf(v) {
  return typeof v === "string" ? v : v?.id ?? null;
}

function hrefOf(v) {
  return typeof v === "string" ? v : v?.href ?? v?.id ?? null;
}

// --- Sending ------------------------------------------------------------

function context() {
  return federation.createContext(new URL(ORIGIN), undefined);
}

// send delivers activity to recipient (an Actor or a {id, inboxId}
// recipient) now, and records the outcome.
async function send(activity, recipient, attempt = 1) {
  const entry = {
    seq: ++sendSeq,
    at: new Date().toISOString(),
    type: typeName(activity),
    id: activity.id?.href ?? null,
    to: recipient.id?.href ?? null,
    inbox: recipient.inboxId?.href ?? null,
    attempt,
    ok: false,
    error: null,
  };
  sent.push(entry);
  try {
    await context().sendActivity({ identifier: ID }, recipient, activity, {
      immediate: true,
      preferSharedInbox: false,
    });
    entry.ok = true;
  } catch (error) {
    // Fedify's message includes the response body, which may be a whole
    // HTML page: keep the start (the peer's log has it all).
    const message = String(error?.message ?? error);
    entry.error = message.length > 600 ? `${message.slice(0, 600)}…` : message;
    throw error;
  }
}

async function deliverWithRetry(activity, recipient) {
  const delays = [500, 1000, 2000, 4000, 8000];
  for (let attempt = 1; ; attempt++) {
    try {
      await send(activity, recipient, attempt);
      return;
    } catch (error) {
      if (attempt > delays.length) {
        console.error(`peer: giving up delivering ${activity.id?.href}:`, error);
        return;
      }
      await new Promise((r) => setTimeout(r, delays[attempt - 1]));
    }
  }
}

// lookup fetches a remote object by IRI: unsigned first, then signed as
// the peer (for servers that want signed fetches).
async function lookup(iri) {
  const ctx = context();
  let url;
  try {
    url = new URL(iri);
  } catch {
    throw new HttpError(400, `not an absolute IRI: ${JSON.stringify(iri)}`);
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") {
    throw new HttpError(400, `not an http(s) IRI: ${iri}`);
  }
  const errors = [];
  for (const documentLoader of [
    ctx.documentLoader,
    ctx.getDocumentLoader({ identifier: ID }),
  ]) {
    try {
      const obj = await ctx.lookupObject(url.href, { documentLoader });
      if (obj != null) return obj;
      errors.push("not found or not an ActivityPub object");
    } catch (error) {
      errors.push(String(error?.message ?? error));
    }
  }
  throw new HttpError(502, `could not fetch ${iri}: ${errors.join("; signed: ")}`);
}

async function lookupActor(iri) {
  const actor = await lookup(iri);
  if (!isActor(actor)) {
    throw new HttpError(422, `${iri} is a ${typeName(actor)}, not an actor`);
  }
  if (actor.inboxId == null) throw new HttpError(422, `${iri} has no inbox`);
  return actor;
}

class HttpError extends Error {
  constructor(status, message) {
    super(message);
    this.status = status;
  }
}

function deliveryError(error) {
  if (error instanceof HttpError) return error;
  const message = String(error?.message ?? error);
  return new HttpError(502, `delivery failed: ${message.length > 600 ? `${message.slice(0, 600)}…` : message}`);
}

// --- Control API --------------------------------------------------------

const control = {
  "GET /_control/health": () => ({
    ok: true,
    url: ORIGIN,
    actor: actorIri(),
    fedify: FEDIFY_VERSION,
    node: process.version,
  }),

  "GET /_control/received": (_body, url) => {
    const type = url.searchParams.get("type");
    return { activities: type ? received.filter((e) => e.type === type || e.rawType === type) : received };
  },

  "GET /_control/sent": () => ({ deliveries: sent }),

  "GET /_control/inbox-log": () => ({ requests: inboxLog }),

  "GET /_control/followers": () => ({ followers: [...followers.keys()] }),

  "GET /_control/following": () => ({
    following: [...following.values()].map((f) => ({
      id: f.id,
      followId: f.follow.id?.href ?? null,
      state: f.state,
    })),
  }),

  "POST /_control/follow": async (body) => {
    const target = await lookupActor(required(body, "actor"));
    const ctx = context();
    const follow = new Follow({
      id: new URL(`/users/${ID}/follows/${randomUUID()}`, ORIGIN),
      actor: ctx.getActorUri(ID),
      object: target.id,
      to: target.id,
    });
    following.set(target.id.href, { id: target.id.href, follow, state: "pending" });
    try {
      await send(follow, target);
    } catch (error) {
      following.delete(target.id.href);
      throw deliveryError(error);
    }
    return { ok: true, id: follow.id.href, actor: target.id.href, inbox: target.inboxId.href };
  },

  "POST /_control/unfollow": async (body) => {
    const iri = required(body, "actor");
    const f = following.get(iri);
    if (f == null) throw new HttpError(404, `the peer does not follow ${iri}`);
    const target = await lookupActor(iri);
    const undo = new Undo({
      id: new URL(`/users/${ID}/undos/${randomUUID()}`, ORIGIN),
      actor: context().getActorUri(ID),
      object: f.follow,
      to: target.id,
    });
    try {
      await send(undo, target);
    } catch (error) {
      throw deliveryError(error);
    }
    following.delete(iri);
    return { ok: true, id: undo.id.href };
  },

  "POST /_control/like": async (body) => {
    const object = await lookup(required(body, "object"));
    const author = await authorOf(object);
    const like = new Like({
      id: new URL(`/users/${ID}/likes/${randomUUID()}`, ORIGIN),
      actor: context().getActorUri(ID),
      object: object.id,
      to: author.id,
    });
    try {
      await send(like, author);
    } catch (error) {
      throw deliveryError(error);
    }
    likes.set(object.id.href, like);
    return { ok: true, id: like.id.href, object: object.id.href, to: author.id.href };
  },

  "POST /_control/unlike": async (body) => {
    const iri = required(body, "object");
    const like = likes.get(iri);
    if (like == null) throw new HttpError(404, `the peer has not liked ${iri}`);
    const author = await lookupActor(like.toId.href);
    const undo = new Undo({
      id: new URL(`/users/${ID}/undos/${randomUUID()}`, ORIGIN),
      actor: context().getActorUri(ID),
      object: like,
      to: author.id,
    });
    try {
      await send(undo, author);
    } catch (error) {
      throw deliveryError(error);
    }
    likes.delete(iri);
    return { ok: true, id: undo.id.href };
  },

  "POST /_control/send-dm": async (body) => {
    const recipient = await lookupActor(required(body, "to"));
    const ctx = context();
    const noteId = new URL(`/users/${ID}/notes/${randomUUID()}`, ORIGIN);
    const host = recipient.id.host;
    const handle = `@${recipient.preferredUsername ?? "unknown"}@${host}`;
    const profile = recipient.url instanceof URL ? recipient.url.href : recipient.id.href;
    const note = new Note({
      id: noteId,
      attribution: ctx.getActorUri(ID),
      to: recipient.id,
      content:
        `<p><span class="h-card"><a href="${escapeHtml(profile)}" class="u-url mention">` +
        `@<span>${escapeHtml(recipient.preferredUsername ?? "")}</span></a></span> ` +
        `${escapeHtml(String(body.content ?? ""))}</p>`,
      tags: [new Mention({ href: recipient.id, name: handle })],
      attachments: [imageAttachment(body)],
      replyTarget: optionalUrl(body, "inReplyTo"),
      contexts: body.context ? [optionalUrl(body, "context")] : [],
      published: Temporal.Now.instant(),
    });
    const create = new Create({
      id: new URL(`${noteId.pathname}/activity`, ORIGIN),
      actor: ctx.getActorUri(ID),
      object: note,
      to: recipient.id,
      published: note.published,
    });
    notes.set(noteId.href, { note, direct: true, recipients: [recipient.id.href] });
    try {
      await send(create, recipient);
    } catch (error) {
      throw deliveryError(error);
    }
    return { ok: true, id: create.id.href, note: noteId.href, to: recipient.id.href };
  },

  "POST /_control/create-note": async (body) => {
    const ctx = context();
    const noteId = new URL(`/users/${ID}/notes/${randomUUID()}`, ORIGIN);
    const note = new Note({
      id: noteId,
      attribution: ctx.getActorUri(ID),
      to: PUBLIC_COLLECTION,
      cc: ctx.getFollowersUri(ID),
      content: `<p>${escapeHtml(String(body.content ?? ""))}</p>`,
      attachments: body.imageUrl === null ? [] : [imageAttachment(body)],
      published: Temporal.Now.instant(),
      url: noteId,
    });
    const create = new Create({
      id: new URL(`${noteId.pathname}/activity`, ORIGIN),
      actor: ctx.getActorUri(ID),
      object: note,
      to: PUBLIC_COLLECTION,
      cc: ctx.getFollowersUri(ID),
      published: note.published,
    });
    notes.set(noteId.href, { note, direct: false, recipients: [] });
    const results = [];
    for (const f of followers.values()) {
      const recipient = { id: new URL(f.id), inboxId: new URL(f.inbox), endpoints: null };
      try {
        await send(create, recipient);
        results.push({ to: f.id, ok: true });
      } catch (error) {
        results.push({ to: f.id, ok: false, error: String(error?.message ?? error) });
      }
    }
    return { ok: results.every((r) => r.ok), id: create.id.href, note: noteId.href, deliveries: results };
  },
};

function required(body, name) {
  const v = body?.[name];
  if (typeof v !== "string" || v === "") {
    throw new HttpError(400, `${name} is required (a string)`);
  }
  return v;
}

function optionalUrl(body, name) {
  const v = body?.[name];
  if (v == null || v === "") return null;
  try {
    return new URL(v);
  } catch {
    throw new HttpError(400, `${name} must be an absolute URL, got ${JSON.stringify(v)}`);
  }
}

// authorOf returns the actor an object is attributed to (the first that
// is an actor with an inbox).
async function authorOf(object) {
  const ids = object.attributionIds ?? [];
  if (ids.length === 0) {
    throw new HttpError(422, `${object.id?.href} has no attributedTo`);
  }
  const errors = [];
  for (const id of ids) {
    try {
      return await lookupActor(id.href);
    } catch (error) {
      errors.push(String(error.message));
    }
  }
  throw new HttpError(502, `no attributedTo actor of ${object.id?.href} could be used: ${errors.join("; ")}`);
}

const PIXEL = { width: 64, height: 48 };

function imageAttachment(body) {
  const own = body.imageUrl == null;
  const url = own ? new URL("/media/pixel.png", ORIGIN) : optionalUrl(body, "imageUrl");
  return new Image({
    url,
    mediaType: body.imageMediaType ?? (/\.jpe?g$/i.test(url.pathname) ? "image/jpeg" : "image/png"),
    name: body.imageName ?? "a test image from the Fedify peer",
    width: body.imageWidth ?? (own ? PIXEL.width : null),
    height: body.imageHeight ?? (own ? PIXEL.height : null),
  });
}

function escapeHtml(s) {
  return String(s).replace(/[&<>"']/g, (c) => ({
    "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;",
  })[c]);
}

function actorIri() {
  return context().getActorUri(ID).href;
}

// --- A small PNG, served at /media/*.png for image attachments -------------

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(buf) {
  let c = 0xffffffff;
  for (const b of buf) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function pngChunk(type, data) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, "ascii"), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}

function makePNG(width, height) {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr.set([8, 2, 0, 0, 0], 8); // 8-bit RGB
  const rows = [];
  for (let y = 0; y < height; y++) {
    const row = Buffer.alloc(1 + 3 * width); // filter 0
    for (let x = 0; x < width; x++) {
      row.set([(x * 255) / width, (y * 255) / height, 160], 1 + 3 * x);
    }
    rows.push(row);
  }
  return Buffer.concat([
    Buffer.from("\x89PNG\r\n\x1a\n", "latin1"),
    pngChunk("IHDR", ihdr),
    pngChunk("IDAT", zlib.deflateSync(Buffer.concat(rows))),
    pngChunk("IEND", Buffer.alloc(0)),
  ]);
}

const PNG = makePNG(PIXEL.width, PIXEL.height);

// --- HTTP: node:http <-> Fedify's fetch API ---------------------------------

let requestSeq = 0;

const server = http.createServer(async (req, res) => {
  try {
    await handle(req, res);
  } catch (error) {
    console.error(`peer: ${req.method} ${req.url} failed:`, error);
    if (!res.headersSent) {
      writeJSON(res, error instanceof HttpError ? error.status : 500, {
        error: String(error?.message ?? error),
      });
    } else {
      res.destroy();
    }
  }
});

async function handle(req, res) {
  // The URL as the client asked for it: HTTP signatures cover the host
  // and the target, so Fedify must see what was actually sent.
  const url = new URL(req.url, `${base.protocol}//${req.headers.host ?? base.host}`);
  const body = req.method === "GET" || req.method === "HEAD" ? null : await readBody(req);

  if (url.pathname.startsWith("/_control/")) {
    const fn = control[`${req.method} ${url.pathname}`];
    if (fn == null) return writeJSON(res, 404, { error: `no control endpoint ${req.method} ${url.pathname}` });
    let json = {};
    if (body != null && body.length > 0) {
      try {
        json = JSON.parse(body.toString("utf8"));
      } catch {
        return writeJSON(res, 400, { error: "the body is not JSON" });
      }
    }
    return writeJSON(res, 200, await fn(json, url));
  }

  if (req.method === "GET" && /^\/media\/[\w.-]+\.png$/.test(url.pathname)) {
    res.writeHead(200, { "Content-Type": "image/png", "Content-Length": PNG.length });
    return res.end(PNG);
  }

  const headers = new Headers();
  for (let i = 0; i < req.rawHeaders.length; i += 2) {
    headers.append(req.rawHeaders[i], req.rawHeaders[i + 1]);
  }
  const request = new Request(url, { method: req.method, headers, body });

  // What the handlers learn about this request: its raw JSON and how it
  // was signed (inbox listeners record both).
  const data = { seq: ++requestSeq, path: url.pathname, json: null, signature: signatureOf(headers) };
  let logEntry = null;
  if (req.method === "POST") {
    try {
      data.json = JSON.parse(body.toString("utf8"));
    } catch {
      data.json = null;
    }
    logEntry = {
      requestSeq: data.seq,
      at: new Date().toISOString(),
      path: url.pathname,
      contentType: headers.get("content-type"),
      signature: data.signature,
      activityId: data.json?.id ?? null,
      activityType: data.json?.type ?? null,
      status: null,
    };
    inboxLog.push(logEntry);
  }

  const response = await federation.fetch(request, {
    contextData: data,
    onNotFound: () => jsonResponse(404, { error: `not found: ${url.pathname}` }),
    onNotAcceptable: () => jsonResponse(406, { error: "not acceptable: ask for application/activity+json" }),
  });
  if (logEntry) logEntry.status = response.status;

  const out = {};
  response.headers.forEach((v, k) => {
    out[k] = v;
  });
  const payload = Buffer.from(await response.arrayBuffer());
  res.writeHead(response.status, out);
  res.end(req.method === "HEAD" ? undefined : payload);
}

// signatureOf tells how a request is signed: RFC 9421 (Signature-Input)
// or draft-cavage (Signature with keyId), and by which key.
function signatureOf(headers) {
  const input = headers.get("signature-input");
  if (input) {
    const m = /keyid="([^"]*)"/i.exec(input);
    return { scheme: "rfc9421", keyId: m?.[1] ?? null };
  }
  const sig = headers.get("signature");
  if (sig) {
    const m = /keyId="([^"]*)"/.exec(sig);
    const h = /headers="([^"]*)"/.exec(sig);
    return { scheme: "draft-cavage", keyId: m?.[1] ?? null, headers: h?.[1] ?? null };
  }
  return { scheme: "none", keyId: null };
}

function readBody(req) {
  return new Promise((resolve, reject) => {
    const chunks = [];
    let size = 0;
    req.on("data", (c) => {
      size += c.length;
      if (size > MAX_BODY) {
        reject(new HttpError(413, `body over ${MAX_BODY} bytes`));
        req.destroy();
        return;
      }
      chunks.push(c);
    });
    req.on("end", () => resolve(Buffer.concat(chunks)));
    req.on("error", reject);
  });
}

function jsonResponse(status, value) {
  return new Response(JSON.stringify(value), {
    status,
    headers: { "Content-Type": "application/json" },
  });
}

function writeJSON(res, status, value) {
  const payload = Buffer.from(JSON.stringify(value));
  res.writeHead(status, { "Content-Type": "application/json", "Content-Length": payload.length });
  res.end(payload);
}

process.on("unhandledRejection", (error) => {
  console.error("peer: unhandled rejection:", error);
});
for (const signal of ["SIGTERM", "SIGINT"]) {
  process.on(signal, () => {
    server.close();
    process.exit(0);
  });
}

server.on("error", (error) => {
  console.error(`peer: cannot listen on ${LISTEN_HOST}:${LISTEN_PORT}:`, error.message);
  process.exit(1);
});
server.listen(LISTEN_PORT, LISTEN_HOST, () => {
  console.log(`peer: listening on ${ORIGIN} (actor ${actorIri()}, Fedify ${FEDIFY_VERSION}, Node.js ${process.version})`);
});
