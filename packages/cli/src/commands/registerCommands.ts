import type { Command } from 'commander';
import type { CliContext } from '../io/CliContext.type.js';
import { registerBacktestCommand } from './backtestCommand.js';
import { registerCollectCommand } from './collectCommand.js';
import { registerDataCommand } from './dataCommand.js';
import { registerDemoCommand } from './demoCommand.js';
import { registerKillSwitchCommand } from './killSwitchCommand.js';
import { registerModelsCommand } from './modelsCommand.js';
import { registerPaperCommand } from './paperCommand.js';
import { registerPredictCommand } from './predictCommand.js';
import { registerStatusCommand } from './statusCommand.js';
import { registerTrainCommand } from './trainCommand.js';

/** Attach every command to the program; `context()` resolves global flags at run time. */
export function registerCommands(program: Command, context: () => CliContext): void {
  registerDemoCommand(program, context);
  registerCollectCommand(program, context);
  registerTrainCommand(program, context);
  registerBacktestCommand(program, context);
  registerPaperCommand(program, context);
  registerPredictCommand(program, context);
  registerStatusCommand(program, context);
  registerKillSwitchCommand(program, context);
  registerModelsCommand(program, context);
  registerDataCommand(program, context);
}
