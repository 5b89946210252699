import { useId } from 'react';
import { useT } from '../i18n';
import { Field } from './Field';
import { TextArea } from './TextArea';

const KINDS = ['single', 'multiple', 'ranked'] as const;

/** The poll part of a new thread: question, kind, options one per line. */
export function PollFields() {
  const t = useT();
  const kindId = useId();
  return (
    <fieldset className="poll-fields">
      <legend>{t('forum.poll.legend')}</legend>
      <Field name="pollQuestion" label={t('forum.poll.question')} required minLength={3} maxLength={300} />
      <div className="field">
        <label htmlFor={kindId}>{t('forum.poll.kind')}</label>
        <select id={kindId} name="pollKind" defaultValue="single">
          {KINDS.map((k) => (
            <option key={k} value={k}>
              {t(`forum.poll.kinds.${k}`)}
            </option>
          ))}
        </select>
      </div>
      <TextArea name="pollOptions" label={t('forum.poll.options')} hint={t('forum.poll.optionsHint')} required rows={4} />
    </fieldset>
  );
}

export function readPoll(form: FormData) {
  return {
    question: String(form.get('pollQuestion')),
    kind: String(form.get('pollKind')),
    options: String(form.get('pollOptions'))
      .split('\n')
      .map((o) => o.trim())
      .filter(Boolean),
  };
}
