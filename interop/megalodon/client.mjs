// A Mastodon client library (megalodon) driving Corkboard's messaging API,
// as TestMegalodonInterop runs it against the real binary:
//
//   BASE_URL=http://127.0.0.1:PORT TOKEN_A=... TOKEN_B=... IMAGE_PATH=square.png \
//     RECIPIENT=bob node client.mjs
//
// With TOKEN_A (alice) it uploads IMAGE_PATH through POST /api/v2/media and
// sends a direct status with it to @RECIPIENT; with TOKEN_B (bob) it finds
// the conversation, reads the status and checks its media attachment. It
// prints one JSON summary line and exits non-zero on any mismatch.
import { createReadStream } from 'node:fs';
import generator from 'megalodon';

const env = (name, fallback) => {
  const v = process.env[name] ?? fallback;
  if (!v) {
    throw new Error(`${name} is required`);
  }
  return v;
};

const base = env('BASE_URL');
const recipient = env('RECIPIENT', 'bob');
const description = 'a square from megalodon';
const problems = [];
const check = (ok, what) => {
  if (!ok) problems.push(what);
};

async function main() {
  const alice = generator('mastodon', base, env('TOKEN_A'));
  const bob = generator('mastodon', base, env('TOKEN_B'));

  const uploaded = (await alice.uploadMedia(createReadStream(env('IMAGE_PATH')), { description })).data;
  check(typeof uploaded.id === 'string' && uploaded.id !== '', 'upload: id');
  check(uploaded.type === 'image', `upload: type ${uploaded.type}`);
  check(typeof uploaded.url === 'string' && uploaded.url.includes('/media/'), 'upload: url');
  check(uploaded.description === description, `upload: description ${uploaded.description}`);

  const text = `@${recipient} a picture for you`;
  const posted = (await alice.postStatus(text, { visibility: 'direct', media_ids: [uploaded.id] })).data;
  check(posted.visibility === 'direct', `post: visibility ${posted.visibility}`);
  check(posted.media_attachments?.length === 1, 'post: one media attachment');

  const conversations = (await bob.getConversationTimeline({ limit: 20 })).data;
  const conversation = conversations.find((c) => c.last_status?.id === posted.id);
  check(conversation !== undefined, `conversations: status ${posted.id} not found among ${conversations.length}`);
  check(conversation?.unread === true, 'conversation: unread');

  const status = (await bob.getStatus(posted.id)).data;
  const media = status.media_attachments?.[0];
  const meta = media?.meta;
  check(status.id === posted.id, 'status: id');
  check(status.account?.username === 'alice', `status: account ${status.account?.username}`);
  check(typeof media?.blurhash === 'string' && media.blurhash.length >= 6, `status: blurhash ${media?.blurhash}`);
  check(media?.blurhash === uploaded.blurhash, 'status: blurhash differs from the upload');
  check(meta?.original?.width > 0 && meta?.original?.height > 0, 'status: meta.original');
  check(meta?.small?.width > 0 && meta?.small?.height > 0, 'status: meta.small');

  const summary = {
    ok: problems.length === 0,
    problems,
    media_id: uploaded.id,
    status_id: posted.id,
    conversation_id: conversation?.id ?? null,
    blurhash: media?.blurhash ?? null,
    original: meta?.original ?? null,
    small: meta?.small ?? null,
  };
  console.log(JSON.stringify(summary));
  process.exitCode = summary.ok ? 0 : 1;
}

main().catch((err) => {
  const response = err?.response;
  console.log(JSON.stringify({ ok: false, problems: [String(err?.message ?? err)], status: response?.status ?? null, body: response?.data ?? null }));
  process.exitCode = 1;
});
