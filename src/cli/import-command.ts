import { Command, Option } from 'commander';
import { loadEnv, storeConfigFrom } from '../config/config.js';
import { FaultError } from '../core/errors.js';
import { importSource } from '../ingest/import-source.js';
import { progressFor } from '../ingest/progress.js';
import { renderSummary } from '../ingest/render-summary.js';
import { IMPORT_FORMATS, type ImportFormat } from '../ingest/types.js';
import { openStore } from '../store/open-store.js';
import { readInput } from './read-input.js';

interface ImportCliOptions {
  format: ImportFormat;
  dryRun?: boolean;
  skipInvalid?: boolean;
  reviewer?: string;
  json?: boolean;
}

/**
 * `factdesk import <file|->`: reads fact-checks from a file (or stdin), validates every record,
 * and writes them in one atomic store write. Exit 0 when imported (or a clean dry run), 1 when
 * the input is invalid or the store fails, 2 on bad usage.
 */
export function importCommand(): Command {
  return new Command('import')
    .exitOverride()
    .description('Import fact-checks from ClaimReview JSON-LD or HTML, Fact Check Tools JSON, CSV or JSONL')
    .argument('<file>', 'the file to import, or - for standard input')
    .addOption(new Option('--format <format>', 'the source format').choices(IMPORT_FORMATS).default('auto'))
    .option('--dry-run', 'check everything and report what would change, but write nothing')
    .option('--skip-invalid', 'import the valid records even when some are invalid (they are listed)')
    .option('--reviewer <name>', 'publisher of records that name none and have no review URL')
    .option('--json', 'print the summary as JSON')
    .action(async (file: string, options: ImportCliOptions) => {
      const input = await readInput(file);
      if (input.text.trim() === '') throw new FaultError(`${input.name} is empty: there is nothing to import.`);
      // A dry run only reads, so it works while the bot holds the store.
      const store = await openStore({ ...storeConfigFrom(loadEnv()), readOnly: options.dryRun });
      let refused = 0;
      try {
        const summary = await importSource(store, {
          text: input.text,
          file: input.name,
          format: options.format,
          dryRun: options.dryRun,
          skipInvalid: options.skipInvalid,
          defaults: options.reviewer ? { reviewer: options.reviewer } : {},
          progress: progressFor(process.stderr),
        });
        refused = summary.skipped === 0 ? summary.invalid : 0;
        if (options.json) process.stdout.write(`${JSON.stringify(summary, null, 2)}\n`);
        else (refused > 0 ? process.stderr : process.stdout).write(`${renderSummary(summary)}\n`);
      } finally {
        await store.close();
      }
      if (refused > 0) throw new FaultError(`${refused} invalid record${refused === 1 ? '' : 's'}: nothing was imported.`);
    });
}
