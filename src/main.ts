#!/usr/bin/env node
import { Command } from 'commander';
import { main } from './cli/commands.ts';
import { loadConfig } from './config.ts';

/** `npm run totem -- <command>`: the Totem command line. */
main(new Command(), loadConfig()).catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
