#!/usr/bin/env node
// factdesk runs its TypeScript sources directly through tsx, so there is no build step to forget:
// `npm install` is all a newcomer needs before `npm start` or `npx factdesk`.
import { register } from 'tsx/esm/api';

register();
await import('../src/cli/main.ts');
