import { Command } from 'commander';
import { startApp } from '../app/start-app.js';
import { loadEnv } from '../config/config.js';

export function startCommand(): Command {
  return new Command('start')
    .exitOverride()
    .description('Start every adapter whose credentials are set; with none, the console')
    .action(async () => {
      await startApp(loadEnv());
    });
}
