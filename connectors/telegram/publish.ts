import { InputFile } from 'grammy';
import type { InputMediaPhoto, InputMediaVideo } from 'grammy/types';
import { PublishError, type ConnectorContext, type MediaInput, type PublishInput, type RemoteRef } from '../types';
import { apiOf, parseMessageId, toRef } from './client';
import { call, classify } from './errors';
import { CAPTION_MAX, telegramCapabilities } from './manifest';

const TEXT_MAX = telegramCapabilities.text[0]!.max;

/**
 * Sends one message (or album) to the connected chat. Telegram has no idempotency key and no way
 * for a bot to list a chat's history, so a retried publish after an unknown outcome can post twice;
 * `findPublished` says so by returning null (README, "Idempotency").
 */
export async function publishTelegram(ctx: ConnectorContext, input: PublishInput): Promise<RemoteRef> {
  checkInput(input);
  const { api, auth } = apiOf(ctx);
  const chat = auth.chatId;
  const common = {
    ...(input.options?.silent === true ? { disable_notification: true } : {}),
    ...(input.replyTo ? { reply_parameters: { message_id: parseMessageId(input.replyTo.parent.id).messageId } } : {}),
  };
  const caption = input.text.trim() === '' ? {} : { caption: input.text };
  return call(async () => {
    const [one, ...more] = input.media;
    if (!one) return toRef(auth, chat, [(await api.sendMessage(chat, input.text, common)).message_id]);
    if (more.length === 0) {
      const file = fileOf(one, 0);
      const sent = isVideo(one) ? await api.sendVideo(chat, file, { ...common, ...caption }) : await api.sendPhoto(chat, file, { ...common, ...caption });
      return toRef(auth, chat, [sent.message_id]);
    }
    const album: (InputMediaPhoto | InputMediaVideo)[] = input.media.map((m, i) => ({
      type: isVideo(m) ? 'video' : 'photo',
      media: fileOf(m, i),
      ...(i === 0 ? caption : {}),
    }));
    const sent = await api.sendMediaGroup(chat, album, common);
    return toRef(auth, chat, sent.map((m) => m.message_id));
  });
}

function checkInput(input: PublishInput): void {
  const length = input.text.length;
  if (input.media.length === 0) {
    if (input.text.trim() === '') throw new PublishError('rejected', 'a Telegram message needs text or media');
    if (length > TEXT_MAX) throw new PublishError('rejected', `message is ${length} characters; Telegram allows ${TEXT_MAX}`);
    return;
  }
  if (length > CAPTION_MAX) throw new PublishError('rejected', `a caption is ${length} characters; Telegram allows ${CAPTION_MAX} with media`);
  const rules = telegramCapabilities.media;
  if (input.media.length > rules.maxItems) throw new PublishError('rejected', `Telegram albums hold at most ${rules.maxItems} items (got ${input.media.length})`);
  input.media.forEach((m, i) => {
    const video = isVideo(m);
    if (!video && !rules.imageTypes.includes(m.mimeType)) throw new PublishError('rejected', `item ${i + 1}: type ${m.mimeType} is not supported`);
    const max = video ? rules.videoMaxBytes : rules.imageMaxBytes;
    if (m.bytes.byteLength > max) throw new PublishError('rejected', `item ${i + 1}: ${m.bytes.byteLength} bytes is over the ${max}-byte bot upload limit`);
  });
}

const isVideo = (m: MediaInput) => telegramCapabilities.media.videoTypes.includes(m.mimeType);

function fileOf(m: MediaInput, i: number): InputFile {
  const ext = m.mimeType.split('/')[1] ?? 'bin';
  return new InputFile(m.bytes, `media-${i + 1}.${ext}`);
}

/** Deletes every message of the post (an album is several). A message already gone counts as deleted. */
export async function deleteTelegram(ctx: ConnectorContext, ref: RemoteRef): Promise<void> {
  const { api } = apiOf(ctx);
  const { chatId, messageId } = parseMessageId(ref.id);
  const ids = (ref.meta?.messageIds ?? String(messageId)).split(',').map(Number).filter(Number.isSafeInteger);
  try {
    if (ids.length > 1) await api.deleteMessages(chatId, ids);
    else await api.deleteMessage(chatId, messageId);
  } catch (err) {
    const e = classify(err);
    if (e.kind === 'rejected' && /message to delete not found|message_id_invalid/i.test(e.message)) return;
    throw e;
  }
}
