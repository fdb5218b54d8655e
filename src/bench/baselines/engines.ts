import { bm25Engine } from './bm25-engine.js';
import type { EngineFactory, EngineName } from './engine.js';
import { factdeskEngine, lexicalEngine } from './factdesk-engine.js';
import { fuseEngine } from './fuse-engine.js';

export const ENGINES: Readonly<Record<EngineName, EngineFactory>> = {
  factdesk: factdeskEngine,
  'factdesk-lexical': lexicalEngine,
  fuse: fuseEngine,
  bm25: bm25Engine,
};
