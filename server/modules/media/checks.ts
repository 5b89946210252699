import type { MediaRules } from '../../../connectors/types';
import type { MediaProblem } from '../../../shared/contracts/media';

/** What the checks need to know about an asset (a media_assets row has all of it). */
export interface CheckableAsset {
  kind: 'image' | 'gif' | 'video';
  mimeType: string;
  byteSize: number;
  width: number | null;
  height: number | null;
  durationMs: number | null;
  altText: string;
}

/**
 * One asset against one network's media rules (data its connector declares). Pure: the library
 * shows the result per channel, and the publishing module calls it before scheduling.
 * An empty list means the network takes the asset as it is.
 */
export function checkAssetForNetwork(asset: CheckableAsset, rules: MediaRules, network = 'this network'): MediaProblem[] {
  const problems: MediaProblem[] = [];
  const video = asset.kind === 'video';
  const types = video ? rules.videoTypes : rules.imageTypes;
  if (!types.includes(asset.mimeType)) {
    problems.push({
      rule: 'type',
      message: types.length === 0 ? `${network} does not take ${video ? 'videos' : 'images'}.` : `${network} does not take ${asset.mimeType}; it takes ${types.join(', ')}.`,
      params: { network, type: asset.mimeType, accepted: types.join(', ') },
    });
    // Size and duration limits of a kind the network refuses say nothing more.
    return [...problems, ...altTextProblems(asset, rules, network)];
  }
  const maxBytes = video ? rules.videoMaxBytes : rules.imageMaxBytes;
  if (asset.byteSize > maxBytes) {
    problems.push({ rule: 'size', message: `${network} takes files up to ${formatBytes(maxBytes)}; this one is ${formatBytes(asset.byteSize)}.`, params: { network, max: maxBytes, actual: asset.byteSize } });
  }
  if (rules.aspectRatio && asset.width && asset.height) {
    const ratio = asset.width / asset.height;
    const { min, max } = rules.aspectRatio;
    // Rounded like the networks state them (4:5 = 0.8, 1.91:1), so an exact 4:5 image is not refused by a float.
    if (round(ratio) < round(min) || round(ratio) > round(max)) {
      problems.push({ rule: 'aspect_ratio', message: `${network} takes width ÷ height from ${round(min)} to ${round(max)}; this one is ${round(ratio)} (${asset.width}×${asset.height}).`, params: { network, min: round(min), max: round(max), actual: round(ratio) } });
    }
  }
  if (video && rules.videoMaxDurationSeconds !== undefined && asset.durationMs !== null && asset.durationMs > rules.videoMaxDurationSeconds * 1000) {
    const seconds = Math.ceil(asset.durationMs / 1000);
    problems.push({ rule: 'duration', message: `${network} takes videos up to ${rules.videoMaxDurationSeconds} s; this one lasts ${seconds} s.`, params: { network, max: rules.videoMaxDurationSeconds, actual: seconds } });
  }
  return [...problems, ...altTextProblems(asset, rules, network)];
}

function altTextProblems(asset: CheckableAsset, rules: MediaRules, network: string): MediaProblem[] {
  const alt = asset.altText.trim();
  if (rules.altTextRequired && alt === '') return [{ rule: 'alt_text', message: `${network} requires alt text; describe the ${asset.kind === 'video' ? 'video' : 'image'} for people who cannot see it.`, params: { network } }];
  const length = [...asset.altText].length;
  if (rules.altTextMax !== undefined && length > rules.altTextMax) {
    return [{ rule: 'alt_text_length', message: `${network} takes alt text up to ${rules.altTextMax} characters; this one has ${length}.`, params: { network, max: rules.altTextMax, actual: length } }];
  }
  return [];
}

/**
 * A set of assets for one post part: each asset's problems, plus the count limit. The problems of
 * asset i carry `params.item` = i + 1 so a message can say which one.
 */
export function checkMediaForNetwork(assets: CheckableAsset[], rules: MediaRules, network = 'this network'): MediaProblem[] {
  const problems: MediaProblem[] = [];
  if (assets.length > rules.maxItems) {
    problems.push({ rule: 'count', message: `${network} takes at most ${rules.maxItems} media per post; this one has ${assets.length}.`, params: { network, max: rules.maxItems, actual: assets.length, item: 0 } });
  }
  assets.forEach((a, i) => {
    for (const p of checkAssetForNetwork(a, rules, network)) problems.push({ ...p, message: `Item ${i + 1}: ${p.message}`, params: { ...p.params, item: i + 1 } });
  });
  return problems;
}

const round = (n: number) => Math.round(n * 100) / 100;

export function formatBytes(n: number): string {
  if (n >= 1_000_000_000) return `${round(n / 1_000_000_000)} GB`;
  if (n >= 1_000_000) return `${round(n / 1_000_000)} MB`;
  if (n >= 1000) return `${round(n / 1000)} kB`;
  return `${n} B`;
}
