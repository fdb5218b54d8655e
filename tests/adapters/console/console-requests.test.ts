import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createConsoleAdapter } from '../../../src/adapters/console/console-adapter.js';
import { buildCore } from '../../../src/app/build-core.js';
import type { Core } from '../../../src/core/core.js';
import { importSource } from '../../../src/ingest/import-source.js';
import { recordRequest } from '../../../src/requests/record-request.js';
import { openStore } from '../../../src/store/open-store.js';
import { SEED_PATH, seedCore } from '../../helpers/seed-core.js';

let core: Core;
let dispose: () => Promise<void>;
beforeAll(async () => ({ core, dispose } = await seedCore()));
afterAll(() => dispose());

/** Runs the console adapter in-process on `lines` (typed in one go) and returns what it printed. */
async function session(lines: string[], on: Core = core): Promise<string> {
  const input = new PassThrough();
  const output = new PassThrough();
  let printed = '';
  output.on('data', (chunk: Buffer) => (printed += chunk.toString()));
  const closed = new Promise<void>((resolve) => {
    const adapter = createConsoleAdapter(on, { input, output, colors: false, onClose: resolve });
    void adapter.start().then(() => input.end(`${lines.join('\n')}\n`));
  });
  await closed;
  return printed;
}

describe('console: requests and curation', () => {
  it('offers a request on no match, takes it with /request, asks for a new fact-check field by field, and tells the asker', async () => {
    const printed = await session([
      'Zebras in Lake Verrow are painted horses',
      '/request',
      '/factcheck-add Zebras in Lake Verrow are painted horses',
      'False',
      '',
      'Lake Verrow Desk',
      '',
      'They are zebras from the Norvale zoo.',
      '',
      '',
      '',
      '',
      '',
      '/quit',
    ]);
    expect(printed).toContain('→ Request a fact-check: type /request');
    expect(printed).toContain('Request recorded: the fact-check desk will look at “Zebras in Lake Verrow are painted horses”.');
    expect(printed).toContain('Rating (False, Misleading');
    expect(printed).toContain('Checked by is needed.');
    expect(printed).toContain('Added to the fact-check store: It answers 1 open request: 1 person will be told where they asked.');
    expect(printed).toMatch(/A fact-check you requested is out\nYou asked for a fact-check of “Zebras in Lake Verrow are painted horses” on \d{4}-\d{2}-\d{2}\. It has been checked:\n\n1\. {2}FALSE/);
    expect(printed).toContain('They are zebras from the Norvale zoo.');
    expect((await core.store.listRequests({ status: 'answered' }))[0]?.askers[0]?.notifiedAt).toEqual(expect.any(String));
  });

  it('abandons a form on /cancel and changes nothing', async () => {
    const before = (await core.store.listClaims()).length;
    const printed = await session(['/factcheck-add', 'A claim typed then abandoned', '/cancel', '/quit']);
    expect(printed).toContain('Cancelled; nothing was changed.');
    expect(await core.store.listClaims()).toHaveLength(before);
  });

  it('lists requests and stats for whoever sits at the console', async () => {
    const printed = await session(['/request', '/factcheck-requests', '/factcheck-stats', '/quit']);
    expect(printed).toContain('/request takes the action offered under a reply; there is none now.');
    expect(printed).toContain('There are no open fact-check requests.');
    expect(printed).toMatch(/Fact-check store: \d+ entries/);
  });
});

describe('console: a request answered by a CLI import while the bot was down', () => {
  it('is delivered when the console next starts', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'factdesk-console-import-'));
    const config = { storePath: path.join(dir, 'store.json'), seedPath: SEED_PATH };
    try {
      const store = await openStore(config);
      await recordRequest(store, 'Do the Verrow ferries run on solar power?', { platform: 'console', scope: 'console', userId: 'console', channelId: 'console' });
      const line = JSON.stringify({ claim: 'The Verrow ferries run on solar power', rating: 'Mostly true', reviewer: 'Lake Verrow Desk' });
      const summary = await importSource(store, { text: line, file: 'ferries.jsonl', format: 'auto' });
      expect(summary.answeredRequests).toBe(1);
      await store.close();

      const restarted = await buildCore(config);
      try {
        const printed = await session(['/quit'], restarted);
        const beforePrompt = printed.slice(0, printed.indexOf('factdesk> '));
        expect(beforePrompt).toContain('A fact-check you requested is out');
        expect(beforePrompt).toContain('The Verrow ferries run on solar power');
      } finally {
        await restarted.store.close();
      }
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
