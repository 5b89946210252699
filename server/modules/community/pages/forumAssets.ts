import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

export interface ForumAssets {
  script: string;
  styles: string[];
  preloads: string[];
}

interface ManifestEntry {
  file: string;
  css?: string[];
  imports?: string[];
}

const ENTRY = 'src/forum/main.tsx';
let cached: { mtimeMs: number; assets: ForumAssets | null } | null = null;

/**
 * The forum bundle's files from the web build's manifest (null without a build: pages are then
 * served without JavaScript, still complete). Re-read when the build changes, like the SPA files.
 */
export function forumAssets(webDist: string): ForumAssets | null {
  const path = join(webDist, '.vite', 'manifest.json');
  let mtimeMs: number;
  try {
    mtimeMs = statSync(path).mtimeMs;
  } catch {
    return null;
  }
  if (cached?.mtimeMs === mtimeMs) return cached.assets;
  const manifest = JSON.parse(readFileSync(path, 'utf8')) as Record<string, ManifestEntry>;
  const entry = manifest[ENTRY];
  let assets: ForumAssets | null = null;
  if (entry) {
    const preloads = new Set<string>();
    const styles = new Set(entry.css ?? []);
    const visit = (key: string) => {
      const chunk = manifest[key];
      if (!chunk || preloads.has(chunk.file)) return;
      preloads.add(chunk.file);
      for (const css of chunk.css ?? []) styles.add(css);
      for (const next of chunk.imports ?? []) visit(next);
    };
    for (const key of entry.imports ?? []) visit(key);
    assets = { script: `/${entry.file}`, styles: [...styles].map((f) => `/${f}`), preloads: [...preloads].map((f) => `/${f}`) };
  }
  cached = { mtimeMs, assets };
  return assets;
}
