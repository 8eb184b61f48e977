import { existsSync } from 'node:fs';
import type { Command } from 'commander';
import type { CliContext } from '../io/CliContext.type.js';
import { KILL_SWITCH_KEY, type KillSwitchState } from '../state/killSwitchState.js';
import { resolveRun } from './resolveRun.js';

/** `sextant kill-switch`: engage (or release) the kill switch in the state store. */
export function registerKillSwitchCommand(program: Command, context: () => CliContext): void {
  program
    .command('kill-switch')
    .description('engage the kill switch: a running bot closes every position at market and halts; starts are refused')
    .option('--reason <text>', 'why, recorded and sent with the alert', 'manual kill switch')
    .option('--release', 'release the kill switch so bots may start again', false)
    .option('--webhook <url>', 'also POST a kill-switch alert to this URL')
    .option('--state <file>', 'state store (default: config storage.stateDb)')
    .action(async (flags: { reason: string; release: boolean; webhook?: string; state?: string }) => {
      const ctx = context();
      const { resolve } = await import('node:path');
      const path = resolve(
        ctx.io.cwd,
        flags.state ?? (ctx.configPath === undefined ? '.sextant/state.db' : (await resolveRun(ctx, {})).stateDb),
      );
      const { SqliteStateStore } = await import('@sextant/storage/sqlite');
      const existed = existsSync(path);
      const state = new SqliteStateStore({ path });
      const value: KillSwitchState = { engaged: !flags.release, reason: flags.reason, at: Date.now() };
      try {
        state.setValue(KILL_SWITCH_KEY, value, value.at);
      } finally {
        state.close();
      }
      ctx.logger.warn(
        { killSwitch: value, state: path },
        flags.release ? 'kill switch released' : 'kill switch engaged',
      );
      if (flags.webhook !== undefined) {
        const { WebhookAlerter } = await import('../alerts/WebhookAlerter.js');
        await new WebhookAlerter({ url: flags.webhook }).send({
          kind: 'kill-switch',
          severity: flags.release ? 'info' : 'critical',
          message: flags.release ? `Kill switch released: ${flags.reason}` : `Kill switch engaged: ${flags.reason}`,
          timestamp: value.at,
          details: { state: path },
        });
      }
      ctx.result(
        { ok: true, state: path, killSwitch: value, created: !existed },
        flags.release
          ? `Kill switch released (${path}). Bots may start again.`
          : `Kill switch ENGAGED (${path}): "${flags.reason}". A running bot closes its positions at market and halts; new starts are refused until \`sextant kill-switch --release\`.`,
      );
    });
}
