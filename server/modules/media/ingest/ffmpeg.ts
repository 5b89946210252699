import { spawn } from 'node:child_process';
import type { Readable } from 'node:stream';

let available: Promise<boolean> | undefined;

/** Whether an `ffmpeg` binary can be started (looked up on PATH by the OS, once per process). */
export function ffmpegAvailable(): Promise<boolean> {
  available ??= new Promise((resolve) => {
    const p = spawn('ffmpeg', ['-version'], { stdio: 'ignore' });
    p.once('error', () => resolve(false));
    p.once('exit', (code) => resolve(code === 0));
  });
  return available;
}

/**
 * The first frame of a video as PNG, or null without ffmpeg or when it cannot decode the stream
 * (an MP4 whose index sits at the end cannot be read from a pipe). No thumbnail is not an error:
 * the web app then shows a video icon.
 */
export async function videoThumbnail(source: Readable): Promise<Buffer | null> {
  if (!(await ffmpegAvailable())) {
    source.destroy();
    return null;
  }
  return new Promise((resolve) => {
    const p = spawn('ffmpeg', ['-hide_banner', '-loglevel', 'error', '-i', 'pipe:0', '-frames:v', '1', '-f', 'image2pipe', '-vcodec', 'png', 'pipe:1'], { stdio: ['pipe', 'pipe', 'ignore'] });
    const out: Buffer[] = [];
    const timer = setTimeout(() => p.kill('SIGKILL'), 60_000);
    p.stdout.on('data', (d: Buffer) => out.push(d));
    p.once('error', () => resolve(null));
    p.once('close', (code) => {
      clearTimeout(timer);
      source.destroy();
      resolve(code === 0 && out.length > 0 ? Buffer.concat(out) : null);
    });
    // ffmpeg stops reading once it has its frame: the broken pipe that follows is expected.
    p.stdin.on('error', () => undefined);
    source.on('error', () => p.stdin.destroy());
    source.pipe(p.stdin);
  });
}
