import { useState } from 'react';

/** A piece of view state remembered in localStorage (the calendar's view, zone and colouring). */
export function useStoredState<T extends string>(key: string, initial: T, valid: (v: string) => boolean): [T, (v: T) => void] {
  const [value, setValue] = useState<T>(() => {
    try {
      const v = localStorage.getItem(key);
      return v !== null && valid(v) ? (v as T) : initial;
    } catch {
      return initial;
    }
  });
  const set = (v: T) => {
    setValue(v);
    try {
      localStorage.setItem(key, v);
    } catch {
      // private mode: the choice lasts for this page only
    }
  };
  return [value, set];
}
