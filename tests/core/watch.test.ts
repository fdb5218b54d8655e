import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../src/config/config.js';
import type { Requester } from '../../src/core/command.js';
import { LookupService } from '../../src/core/lookup.js';
import { checkMessage } from '../../src/core/message-check.js';
import { ChannelWatcher } from '../../src/core/watch.js';
import { MemoryStore } from '../../src/store/memory-store.js';

const TEA_VIDEO = 'https://video.example.net/watch?v=vbtea-30days';
const requester: Requester = { platform: 'slack', scope: 'slack:T1', userId: 'U1', channelId: 'C1' };

async function watchedChannel(mode: 'thread' | 'commands') {
  const seed = JSON.parse(readFileSync(path.join(PROJECT_ROOT, 'data/seed.json'), 'utf8'));
  const store = new MemoryStore(seed);
  const lookup = await LookupService.fromStore(store);
  await store.setChannelSetting({ channelKey: 'slack:slack:T1:C1', mode, updatedAt: new Date().toISOString() });
  return { store, lookup, watcher: new ChannelWatcher(lookup, store) };
}

describe('ChannelWatcher', () => {
  it('answers a watched message that matches a fact-check rated other than true', async () => {
    const { watcher } = await watchedChannel('thread');
    const decision = await watcher.consider({ text: `look ${TEA_VIDEO}` }, requester);
    expect(decision?.mode).toBe('thread');
    expect(decision?.reply.results[0]?.id).toBe('claim-vitabrisk-cures-diabetes');
  });

  it('does not count the messages it watches as lookups in the stats: nobody asked', async () => {
    const { store, lookup, watcher } = await watchedChannel('thread');
    expect(await watcher.consider({ text: `look ${TEA_VIDEO}` }, requester)).toBeDefined();
    await lookup.flushLookupLog();
    expect(await store.listLookups('1970-01-01T00:00:00.000Z')).toEqual([]);

    // The same message checked for someone is counted.
    await checkMessage(lookup, { text: `look ${TEA_VIDEO}` }, { scope: requester.scope });
    await lookup.flushLookupLog();
    expect((await store.listLookups('1970-01-01T00:00:00.000Z')).map((record) => record.query)).toEqual([TEA_VIDEO]);
  });

  it('stays quiet in a channel that only answers commands', async () => {
    const { watcher } = await watchedChannel('commands');
    expect(await watcher.consider({ text: `look ${TEA_VIDEO}` }, requester)).toBeUndefined();
  });
});
