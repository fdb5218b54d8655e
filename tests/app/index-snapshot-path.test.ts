import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { indexSnapshotPathFor } from '../../src/app/index-snapshot-path.js';
import { FaultError } from '../../src/core/errors.js';

const storePath = path.resolve('data/store.json');
const seedPath = path.resolve('data/seed.json');

describe('indexSnapshotPathFor', () => {
  it('keeps a JSON store’s snapshot beside its file, and any store’s where FACTDESK_INDEX_SNAPSHOT says', () => {
    expect(indexSnapshotPathFor({ storePath, seedPath })).toBe(`${storePath}.index`);
    expect(indexSnapshotPathFor({ storePath, seedPath, indexSnapshotPath: '/var/cache/factdesk.index' })).toBe('/var/cache/factdesk.index');
    expect(indexSnapshotPathFor({ storePath, seedPath, databaseUrl: 'postgres://db.example/factdesk', indexSnapshotPath: '/var/cache/pg.index' })).toBe('/var/cache/pg.index');
  });

  it('keeps none with FACTDESK_INDEX_SNAPSHOT=off', () => {
    expect(indexSnapshotPathFor({ storePath, seedPath, indexSnapshotPath: false })).toBeUndefined();
    expect(indexSnapshotPathFor({ storePath, seedPath, databaseUrl: 'postgres://db.example/factdesk', indexSnapshotPath: false })).toBeUndefined();
  });

  it('keeps a PostgreSQL store’s in the data folder, one file per database and schema whoever connects', () => {
    const at = (databaseUrl: string, databaseSchema?: string) => indexSnapshotPathFor({ storePath, seedPath, databaseUrl, databaseSchema })!;
    const factdesk = at('postgres://bot:secret@db.example:5432/factdesk');
    expect(path.dirname(factdesk)).toBe(path.dirname(storePath));
    expect(path.basename(factdesk)).toMatch(/^postgres-[0-9a-f]{12}\.index$/);
    expect(factdesk).not.toContain('secret');
    expect(at('postgres://reader:other@db.example:5432/factdesk')).toBe(factdesk);
    const others = [
      at('postgres://db.example/factdesk_staging'),
      at('postgres://db2.example/factdesk'),
      at('postgres://db.example/factdesk', 'tenant_b'),
      at(`postgres://db.example/factdesk?options=${encodeURIComponent('-c search_path=tenant_c')}`),
    ];
    expect(new Set([factdesk, ...others]).size).toBe(5);
  });

  it('refuses a DATABASE_URL that is not one, without echoing it', () => {
    expect(() => indexSnapshotPathFor({ storePath, seedPath, databaseUrl: 'mysql://root:hunter2@db' })).toThrow(FaultError);
    expect(() => indexSnapshotPathFor({ storePath, seedPath, databaseUrl: 'mysql://root:hunter2@db' })).not.toThrow(/hunter2/);
  });
});
