import type { ChannelLimits, MediaRules } from '../types';

/**
 * GET /api/v2/instance `configuration` as masto hands it over (keys camelCased). Every field is
 * optional here: forks and older versions leave some out, and a missing one keeps the manifest's default.
 */
export interface InstanceConfigurationLike {
  statuses?: { maxCharacters?: unknown; maxMediaAttachments?: unknown; charactersReservedPerUrl?: unknown };
  mediaAttachments?: { supportedMimeTypes?: unknown; imageSizeLimit?: unknown; videoSizeLimit?: unknown; descriptionLimit?: unknown };
}

const positive = (v: unknown): number | undefined => (typeof v === 'number' && Number.isFinite(v) && v > 0 ? Math.floor(v) : undefined);

/** The instance's own limits, in the connector interface's terms (only what the instance said). */
export function limitsFromInstance(configuration: InstanceConfigurationLike | undefined): ChannelLimits | undefined {
  if (!configuration) return undefined;
  const limits: ChannelLimits = {};
  const maxCharacters = positive(configuration.statuses?.maxCharacters);
  if (maxCharacters) {
    const urlLength = positive(configuration.statuses?.charactersReservedPerUrl);
    limits.text = [{ unit: 'mastodon', max: maxCharacters, ...(urlLength ? { urlLength } : {}) }];
  }
  const media: Partial<MediaRules> = {};
  const maxItems = positive(configuration.statuses?.maxMediaAttachments);
  if (maxItems) media.maxItems = maxItems;
  const m = configuration.mediaAttachments;
  const types = Array.isArray(m?.supportedMimeTypes) ? m.supportedMimeTypes.filter((t): t is string => typeof t === 'string') : undefined;
  if (types?.length) {
    media.imageTypes = types.filter((t) => t.startsWith('image/'));
    media.videoTypes = types.filter((t) => t.startsWith('video/'));
  }
  const imageMaxBytes = positive(m?.imageSizeLimit);
  if (imageMaxBytes) media.imageMaxBytes = imageMaxBytes;
  const videoMaxBytes = positive(m?.videoSizeLimit);
  if (videoMaxBytes) media.videoMaxBytes = videoMaxBytes;
  // `description_limit` (alt text) is a later addition: older instances do not report it.
  const altTextMax = positive(m?.descriptionLimit);
  if (altTextMax) media.altTextMax = altTextMax;
  if (Object.keys(media).length) limits.media = media;
  return limits.text || limits.media ? limits : undefined;
}
