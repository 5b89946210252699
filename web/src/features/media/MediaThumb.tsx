import { Center, Image } from '@mantine/core';
import { IconMovie, IconPhoto } from '@tabler/icons-react';
import type { MediaAsset } from './api';

/** The thumbnail, or an icon when there is none (videos without ffmpeg on the server). */
export function MediaThumb({ asset, height = 140 }: { asset: MediaAsset; height?: number }) {
  if (asset.thumbnailUrl) return <Image src={asset.thumbnailUrl} alt={asset.altText} h={height} fit="contain" bg="var(--mantine-color-default-hover)" loading="lazy" />;
  const Icon = asset.kind === 'video' ? IconMovie : IconPhoto;
  return (
    <Center h={height} bg="var(--mantine-color-default-hover)">
      <Icon size={Math.round(height / 3)} stroke={1.4} aria-hidden />
    </Center>
  );
}
