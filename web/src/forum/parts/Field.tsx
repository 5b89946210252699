import { useId, type InputHTMLAttributes } from 'react';

/** A labelled input with an optional hint tied to it for screen readers. */
export function Field({ label, hint, ...input }: { label: string; hint?: string; name: string } & InputHTMLAttributes<HTMLInputElement>) {
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input id={id} aria-describedby={hint ? `${id}-hint` : undefined} {...input} />
      {hint && (
        <small id={`${id}-hint`} className="hint">
          {hint}
        </small>
      )}
    </div>
  );
}
