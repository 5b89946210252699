/** Polls `check` until it returns something truthy; fails naming what it waited for. */
export async function until<T>(what: string, check: () => Promise<T | undefined | false | null>, ms = 40_000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = await check();
    if (v) return v;
    if (Date.now() > end) throw new Error(`timed out waiting for: ${what}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}
