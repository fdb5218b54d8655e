import { Command, Option } from 'commander';
import { loadEnv, storeConfigFrom } from '../config/config.js';
import { FaultError } from '../core/errors.js';
import { writeAtomically } from '../fs/write-atomically.js';
import { EXPORT_FORMATS, toClaimReviewDocument, toJsonl, type ExportFormat } from '../ingest/export-store.js';
import { openStore } from '../store/open-store.js';

/**
 * `factdesk export`: the store's fact-checks as JSONL (everything, re-importable as is) or as
 * schema.org ClaimReview JSON-LD (claims only), to stdout or a file.
 */
export function exportCommand(): Command {
  return new Command('export')
    .exitOverride()
    .description('Export the fact-checks as JSONL (re-importable) or schema.org ClaimReview JSON-LD')
    .addOption(new Option('--format <format>', 'jsonl or claimreview').choices(EXPORT_FORMATS).default('jsonl'))
    .option('--output <file>', 'write to this file instead of standard output')
    .action(async (options: { format: ExportFormat; output?: string }) => {
      // Reading only: no lock, so it works beside a running bot.
      const store = await openStore({ ...storeConfigFrom(loadEnv()), readOnly: true });
      let text: string;
      let counts: { claims: number; articles: number };
      try {
        const [claims, articles] = await Promise.all([store.listClaims(), store.listArticles()]);
        text = options.format === 'jsonl' ? toJsonl({ claims, articles }) : toClaimReviewDocument(claims);
        counts = { claims: claims.length, articles: options.format === 'jsonl' ? articles.length : 0 };
        if (options.format === 'claimreview' && articles.length > 0) {
          process.stderr.write(`${articles.length} article(s) left out: ClaimReview has no form for them (use --format jsonl for everything).\n`);
        }
      } finally {
        await store.close();
      }
      if (options.output) {
        await writeExport(options.output, text);
        process.stderr.write(`Exported ${counts.claims} claims and ${counts.articles} articles to ${options.output}.\n`);
      } else {
        process.stdout.write(text);
      }
    });
}

/** Atomically (a reader never sees half an export, a failed one leaves the old file), failing with the file named. */
async function writeExport(file: string, text: string): Promise<void> {
  try {
    await writeAtomically(file, text);
  } catch (error) {
    throw new FaultError(`Cannot write ${file}: ${(error as Error).message}`, { cause: error });
  }
}
