const UUID = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';
/** Where community images are served; the only images posts may show. */
export const OWN_IMAGE_PATH = new RegExp(`^/api/communities/(${UUID})/images/(${UUID})$`);

export const imagePath = (workspaceId: string, imageId: string) => `/api/communities/${workspaceId}/images/${imageId}`;

/** The path of one of our images, from the root-relative form or the absolute one on PUBLIC_URL; null for anything else. */
export function ownImagePath(src: string, publicUrl: string | undefined): { workspaceId: string; imageId: string } | null {
  let path = src;
  if (publicUrl && src.startsWith(`${publicUrl}/`)) path = src.slice(publicUrl.length);
  const m = OWN_IMAGE_PATH.exec(path);
  return m ? { workspaceId: m[1]!, imageId: m[2]! } : null;
}

/** Every image id of this community a Markdown source mentions (the renderer then checks each image's place). */
export function mentionedImageIds(source: string, workspaceId: string): string[] {
  const re = new RegExp(`/api/communities/${workspaceId}/images/(${UUID})`, 'g');
  return [...new Set([...source.matchAll(re)].map((m) => m[1]!))];
}
