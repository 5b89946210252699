import { ACTIONS } from '../shared/permissions';
import { ROLES } from '../shared/roles';

/** docs/PERMISSIONS.md, generated from shared/permissions.ts (a test keeps the two equal). */
export function permissionsMarkdown(): string {
  const head = `| action | API token scope | ${ROLES.join(' | ')} |\n|---|---|${ROLES.map(() => ':-:').join('|')}|`;
  const rows = Object.entries(ACTIONS).map(([name, a]) => `| \`${name}\` | \`${a.scope}\` | ${ROLES.map((r) => ((a.roles as readonly string[]).includes(r) ? '✓' : '')).join(' | ')} |`);
  return `# Permission matrix

Generated from \`shared/permissions.ts\` by \`npm run docs:permissions\`; a test fails when they differ.

Every workspace route declares the action it needs (\`config.action\`); the gate in \`server/http/auth.ts\`
checks, before validating the request, that the caller is a member of the workspace in the URL, that one of
their roles allows the action, and, for API tokens, that the token was made for this workspace and carries the
action's scope. Someone outside the workspace gets \`404 NOT_FOUND\`, never a hint that it exists. A member may
hold several roles; the union of their rights applies whatever hat they wear (the hat chooses the home page,
objectives and time tracking, not the rights).

${head}
${rows.join('\n')}

Tokens: a member can only create tokens with scopes their roles can use; tokens cannot create tokens or change
two-factor settings (session only); removing a member revokes their tokens for that workspace.
`;
}
