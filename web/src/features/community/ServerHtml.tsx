import { Typography } from '@mantine/core';

/**
 * HTML rendered from Markdown and sanitized by the server (allowlist of Markdown's own tags, safe
 * links only): the one place the community's text is put into the page as HTML.
 */
export function ServerHtml({ html }: { html: string }) {
  return (
    <Typography>
      <div dangerouslySetInnerHTML={{ __html: html }} />
    </Typography>
  );
}
