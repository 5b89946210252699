import { forwardRef, useId, type TextareaHTMLAttributes } from 'react';

/** A labelled textarea with an optional hint tied to it for screen readers. */
export const TextArea = forwardRef<HTMLTextAreaElement, { label: string; hint?: string; name: string } & TextareaHTMLAttributes<HTMLTextAreaElement>>(function TextArea({ label, hint, ...area }, ref) {
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <textarea ref={ref} id={id} aria-describedby={hint ? `${id}-hint` : undefined} {...area} />
      {hint && (
        <small id={`${id}-hint`} className="hint">
          {hint}
        </small>
      )}
    </div>
  );
});
