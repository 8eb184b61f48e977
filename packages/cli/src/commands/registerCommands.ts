import type { Command } from 'commander';
import type { CliContext } from '../io/CliContext.type.js';

/** Attach every command to the program; `context()` resolves global flags at run time. */
export function registerCommands(program: Command, context: () => CliContext): void {
  void program;
  void context;
}
