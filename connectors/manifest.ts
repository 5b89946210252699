import type { ChannelCapabilities } from './types';

/**
 * What is wrong with a connector's manifest, in words (empty when it is sound). The registry refuses a
 * connector with problems at load, and the contract suite checks every connector with it.
 */
export function manifestProblems(m: ChannelCapabilities): string[] {
  const problems: string[] = [];
  if (!/^[a-z][a-z0-9-]{1,30}$/.test(m.network)) problems.push(`network id "${m.network}" must be lower-case letters, digits and dashes`);
  if (!m.displayName.trim()) problems.push('displayName is empty');
  if (m.text.length === 0) problems.push('no text counting rule');
  for (const r of m.text) if (!(r.max > 0)) problems.push(`text rule ${r.unit} has no positive max`);
  const oauth = m.auth === 'oauth2' || m.auth === 'oauth2_pkce';
  if (oauth && !m.oauth) problems.push(`auth "${m.auth}" needs an oauth spec`);
  // A network whose app is registered per server may offer its sign-in beside typed credentials.
  if (!oauth && m.oauth && !m.oauth.dynamicRegistration) problems.push(`an oauth spec with auth "${m.auth}"`);
  if (m.oauth?.dynamicRegistration && !m.connectFields.some((f) => f.kind === 'url')) problems.push('oauth.dynamicRegistration needs a url connect field (the server to register on)');
  if (m.oauth && m.oauth.pkce !== (m.auth === 'oauth2_pkce')) problems.push('oauth.pkce must agree with auth "oauth2_pkce"');
  if (!oauth && !m.connectFields.some((f) => f.required)) problems.push(`auth "${m.auth}" needs at least one required connect field`);
  const keys = m.connectFields.map((f) => f.key);
  if (new Set(keys).size !== keys.length) problems.push('connect fields repeat a key');
  const media = m.media;
  if (media.maxItems < 0) problems.push('media.maxItems is negative');
  if (media.imageTypes.length > 0 && !(media.imageMaxBytes > 0)) problems.push('image types without imageMaxBytes');
  if (media.videoTypes.length > 0 && !(media.videoMaxBytes > 0)) problems.push('video types without videoMaxBytes');
  if (media.aspectRatio && !(media.aspectRatio.min > 0 && media.aspectRatio.min <= media.aspectRatio.max)) problems.push('media.aspectRatio min/max out of order');
  if (m.mediaRequired && media.imageTypes.length + media.videoTypes.length === 0) problems.push('mediaRequired without any image or video type');
  for (const q of m.quotas) if (!(q.windowSeconds > 0 && q.limit > 0 && q.cost > 0)) problems.push(`quota for ${q.action} must have positive window, limit and cost`);
  const w = m.nativeSchedulingWindow;
  if (w && !m.nativeScheduling) problems.push('nativeSchedulingWindow without nativeScheduling');
  if (w && !(w.minLeadSeconds >= 0 && w.maxLeadSeconds > w.minLeadSeconds)) problems.push('nativeSchedulingWindow: minLeadSeconds must be ≥ 0 and below maxLeadSeconds');
  const optionKeys = (m.options ?? []).map((o) => o.key);
  if (new Set(optionKeys).size !== optionKeys.length) problems.push('options repeat a key');
  for (const o of m.options ?? []) if (o.kind === 'select' && !o.choices.includes(o.default)) problems.push(`option ${o.key}: default is not a choice`);
  return problems;
}
