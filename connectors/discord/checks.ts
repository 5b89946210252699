import { PublishError, type ChannelCapabilities, type PublishInput } from '../types';

/** Refuses what Discord would refuse, before uploading anything. */
export function checkInput(cap: ChannelCapabilities, input: PublishInput): void {
  const max = cap.text[0]!.max;
  if (input.text.trim() === '' && input.media.length === 0) throw new PublishError('rejected', 'a Discord message needs text or attachments');
  if (input.text.length > max) throw new PublishError('rejected', `message is ${input.text.length} characters; Discord allows ${max}`);
  const rules = cap.media;
  if (input.media.length > rules.maxItems) throw new PublishError('rejected', `Discord takes at most ${rules.maxItems} attachments (got ${input.media.length})`);
  const total = input.media.reduce((n, m) => n + m.bytes.byteLength, 0);
  if (total > rules.imageMaxBytes) throw new PublishError('rejected', `attachments total ${total} bytes; Discord takes ${rules.imageMaxBytes} per message`);
  input.media.forEach((m, i) => {
    if (![...rules.imageTypes, ...rules.videoTypes].includes(m.mimeType)) throw new PublishError('rejected', `attachment ${i + 1}: type ${m.mimeType} is not supported`);
  });
}
