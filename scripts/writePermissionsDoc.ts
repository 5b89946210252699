import { writeFileSync } from 'node:fs';
import { permissionsMarkdown } from './permissionsDoc';

writeFileSync(new URL('../docs/PERMISSIONS.md', import.meta.url), permissionsMarkdown());
console.log('docs/PERMISSIONS.md written.');
