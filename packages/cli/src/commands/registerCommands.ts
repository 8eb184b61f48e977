import type { Command } from 'commander';
import type { CliContext } from '../io/CliContext.type.js';
import { registerDataCommand } from './dataCommand.js';
import { registerDemoCommand } from './demoCommand.js';

/** Attach every command to the program; `context()` resolves global flags at run time. */
export function registerCommands(program: Command, context: () => CliContext): void {
  registerDemoCommand(program, context);
  registerDataCommand(program, context);
}
