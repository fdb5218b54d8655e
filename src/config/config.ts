import path from 'node:path';
import { z } from 'zod';

const optionalText = z
  .string()
  .trim()
  .transform((value) => (value === '' ? undefined : value))
  .optional();

const commaList = z
  .string()
  .optional()
  .transform((value) => (value ?? '').split(',').map((item) => item.trim()).filter(Boolean));

/** Environment variables factdesk reads; names are the contract in DESIGN.md and .env.example. */
export const envSchema = z.object({
  FACTDESK_STORE: optionalText,
  FACTDESK_SEED: optionalText,
  DATABASE_URL: optionalText,
  FACTDESK_INDEX_SNAPSHOT: optionalText,
  FACTDESK_SEMANTIC: z.enum(['auto', 'on', 'off']).default('auto'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  LOG_LEVEL: optionalText,
  SLACK_BOT_TOKEN: optionalText,
  SLACK_SIGNING_SECRET: optionalText,
  SLACK_APP_TOKEN: optionalText,
  SLACK_API_URL: optionalText,
  SLACK_MODERATORS_CHANNEL: optionalText,
  SLACK_WATCH_ADMIN_GROUP: optionalText,
  DISCORD_TOKEN: optionalText,
  DISCORD_APPLICATION_ID: optionalText,
  DISCORD_GUILD_ID: optionalText,
  DISCORD_API_URL: optionalText,
  DISCORD_MODERATORS_CHANNEL: optionalText,
  DISCORD_WATCH_ROLE: optionalText,
  FACTDESK_CURATOR_GROUPS: commaList,
});
export type Env = z.infer<typeof envSchema>;

/** The project root, so default paths work whatever the current directory is. */
export const PROJECT_ROOT = path.resolve(import.meta.dirname, '../..');

export interface StoreConfig {
  storePath: string;
  seedPath: string;
  databaseUrl?: string;
  /**
   * Where the search index's snapshot is kept (FACTDESK_INDEX_SNAPSHOT), false for nowhere (`off`);
   * undefined for the default place (see `indexSnapshotPathFor`).
   */
  indexSnapshotPath?: string | false;
  /**
   * Rank with the sentence encoder too (FACTDESK_SEMANTIC): MAP@5 +2 to +4 points on the bench sets,
   * for 0.5–1 ms more per lookup, 0.7 ms of one core per claim embedded (once: the vectors are
   * kept), about 60 MB for the encoder and 0.5 KB per claim. `auto`, the default, turns it on for stores of up to
   * `SEMANTIC_AUTO_MAX_ENTRIES`; buildCore without it leaves it off.
   */
  semantic?: 'auto' | 'on' | 'off';
}

export function storeConfigFrom(env: Env): StoreConfig {
  return {
    storePath: path.resolve(env.FACTDESK_STORE ?? path.join(PROJECT_ROOT, 'data/store.json')),
    seedPath: path.resolve(env.FACTDESK_SEED ?? path.join(PROJECT_ROOT, 'data/seed.json')),
    databaseUrl: env.DATABASE_URL,
    indexSnapshotPath: indexSnapshotSetting(env.FACTDESK_INDEX_SNAPSHOT),
    semantic: env.FACTDESK_SEMANTIC,
  };
}

function indexSnapshotSetting(value: string | undefined): string | false | undefined {
  if (value === undefined) return undefined;
  return value.toLowerCase() === 'off' ? false : path.resolve(value);
}

/**
 * Reads the environment. Errors name the variable, never its value (it may be a secret).
 */
export function loadEnv(source: NodeJS.ProcessEnv = process.env): Env {
  const parsed = envSchema.safeParse(source);
  if (!parsed.success) {
    const names = parsed.error.issues.map((issue) => `${issue.path.join('.')} (${issue.message})`).join(', ');
    throw new Error(`Invalid environment variable(s): ${names}`);
  }
  return parsed.data;
}
