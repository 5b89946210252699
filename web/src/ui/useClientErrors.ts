import { useState } from 'react';

/** Per field: the (translated) message of a failed check, or false when the value is fine. */
export type Checks<F extends string> = Partial<Record<F, string | false>>;

/**
 * Checks a form makes before sending. `check` shows the messages of the failed checks (and
 * clears the others) and says whether the form may be sent.
 */
export function useClientErrors<F extends string>(): [Partial<Record<F, string>>, (checks: Checks<F>) => boolean] {
  const [errors, setErrors] = useState<Partial<Record<F, string>>>({});
  const check = (checks: Checks<F>): boolean => {
    const found = failedChecks(checks);
    setErrors(found);
    return Object.keys(found).length === 0;
  };
  return [errors, check];
}

/** The messages of the checks that failed, by field. */
export function failedChecks<F extends string>(checks: Checks<F>): Partial<Record<F, string>> {
  const found: Partial<Record<F, string>> = {};
  for (const field of Object.keys(checks) as F[]) {
    const message = checks[field];
    if (typeof message === 'string' && message) found[field] = message;
  }
  return found;
}
