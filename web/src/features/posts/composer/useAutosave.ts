import { useEffect, useRef } from 'react';

/**
 * Calls `save` once the draft has been still for `delayMs` and differs from what the server has.
 * Saves never overlap: a change made while one is in flight is saved after it.
 */
export function useAutosave({ dirty, enabled, delayMs = 1500, save, stamp }: { dirty: boolean; enabled: boolean; delayMs?: number; save: () => Promise<unknown>; stamp: string }) {
  const inFlight = useRef(false);
  useEffect(() => {
    if (!enabled || !dirty) return;
    const timer = setTimeout(() => {
      if (inFlight.current) return;
      inFlight.current = true;
      save().finally(() => {
        inFlight.current = false;
      });
    }, delayMs);
    return () => clearTimeout(timer);
  }, [enabled, dirty, delayMs, save, stamp]);
}
