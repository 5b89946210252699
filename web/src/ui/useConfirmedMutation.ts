import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import type { ErrorOverrides } from './errors';
import { notifyError } from './notify';

interface Options<T> {
  mutationFn: (item: T) => Promise<unknown>;
  /** After the request succeeded (the dialog is closed by then). */
  onSuccess: (item: T) => Promise<void> | void;
  /** Clearer messages for some error codes, shown in the error notification. */
  errorOverrides?: ErrorOverrides;
}

/**
 * A destructive action on one item that is confirmed first: `ask(item)` opens the dialog, and
 * `dialog` holds the props that wire a <ConfirmDialog> to the request. Failures are notified.
 */
export function useConfirmedMutation<T>({ mutationFn, onSuccess, errorOverrides }: Options<T>) {
  const [target, setTarget] = useState<T | null>(null);
  const mutation = useMutation({
    mutationFn,
    onSuccess: async (_r, item) => {
      setTarget(null);
      await onSuccess(item);
    },
    onError: (e) => notifyError(e, errorOverrides),
  });
  return {
    target,
    ask: (item: T) => setTarget(item),
    dialog: {
      opened: target !== null,
      loading: mutation.isPending,
      onConfirm: () => {
        if (target) mutation.mutate(target);
      },
      onClose: () => setTarget(null),
    },
  };
}
