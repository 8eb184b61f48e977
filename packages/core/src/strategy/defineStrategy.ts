import { type Decision, DecisionSchema, holdDecision } from '../decision/Decision.js';
import { formatZodIssues } from '../config/formatZodIssues.js';
import { InvalidArgumentError } from '../errors/InvalidArgumentError.js';
import type { DecisionContext, DecisionPolicy } from '../runner/DecisionPolicy.type.js';
import type { Strategy, StrategyDefinition } from './Strategy.type.js';

const HOOKS = ['decide', 'onCandle', 'customStop', 'confirmEntry'] as const;

/**
 * Define a strategy plug-in: a name, a version and optional hooks, every hook
 * taking one context object so new context fields never break user code
 * (freqtrade's `IStrategy` callbacks, as one object). Run it with
 * `strategy.toPolicy(base)`: on each candle `onCandle` runs, the base policy
 * (e.g. a `DecisionEngine`) proposes, `decide` may replace the proposal, and
 * `confirmEntry` has the last word on a BUY. Pass `strategy.customStop` to the
 * risk gate (`new RiskValidator(config, { customStop })`).
 *
 * @param definition - name, version and hooks
 * @returns the frozen strategy
 * @throws InvalidArgumentError when the name or version is empty or a hook is not a function
 * @example
 * ```ts
 * import { DecisionEngine, defineStrategy } from '@sextant/core';
 * const rsiGuard = defineStrategy({
 *   name: 'rsi-guard',
 *   version: '1.0.0',
 *   confirmEntry: ({ features, featureNames }) => features[featureNames.indexOf('rsi_14')]! < 70,
 * });
 * const decisions = rsiGuard.toPolicy(new DecisionEngine());
 * ```
 */
export function defineStrategy(definition: StrategyDefinition): Strategy {
  const { name, version } = definition;
  if (typeof name !== 'string' || name.trim() === '') {
    throw new InvalidArgumentError(`Strategy name must be a non-empty string, got "${String(name)}"`);
  }
  if (typeof version !== 'string' || version.trim() === '') {
    throw new InvalidArgumentError(`Strategy "${name}" version must be a non-empty string, got "${String(version)}"`);
  }
  for (const hook of HOOKS) {
    const fn = definition[hook];
    if (fn !== undefined && typeof fn !== 'function') {
      throw new InvalidArgumentError(`Strategy "${name}" hook ${hook} must be a function, got "${typeof fn}"`);
    }
  }
  const tag = `${name}@${version}`;
  const strategy: Strategy = {
    ...definition,
    toPolicy(base?: DecisionPolicy): DecisionPolicy {
      return { decide: (context) => runHooks(definition, tag, base, context) };
    },
  };
  return Object.freeze(strategy);
}

function runHooks(
  def: StrategyDefinition,
  tag: string,
  base: DecisionPolicy | undefined,
  context: DecisionContext,
): Decision {
  const { symbol, candle } = context.event;
  def.onCandle?.(context);
  const proposed = base?.decide(context) ?? holdDecision(symbol, candle.timestamp, [`${tag}: no base policy`]);
  let decision = proposed;
  if (def.decide !== undefined) {
    const replaced = def.decide({ ...context, proposed });
    if (replaced !== undefined && replaced !== proposed) {
      const parsed = DecisionSchema.safeParse(replaced);
      if (!parsed.success) {
        throw new InvalidArgumentError(
          `Strategy ${tag} decide returned an invalid decision: ${formatZodIssues(parsed.error.issues)
            .map((i) => `${i.path}: ${i.message}`)
            .join('; ')}`,
        );
      }
      if (parsed.data.symbol !== symbol || parsed.data.timestamp !== candle.timestamp) {
        throw new InvalidArgumentError(
          `Strategy ${tag} decide returned a decision for "${parsed.data.symbol}" at ${parsed.data.timestamp}, expected "${symbol}" at ${candle.timestamp}`,
        );
      }
      decision = { ...parsed.data, reasons: [...parsed.data.reasons, `decided by strategy ${tag}`] };
    }
  }
  if (
    decision.action === 'BUY' &&
    def.confirmEntry !== undefined &&
    def.confirmEntry({ ...context, decision }) !== true
  ) {
    return {
      ...decision,
      action: 'HOLD',
      confidence: 0,
      reasons: [...decision.reasons, `entry not confirmed by strategy ${tag}`],
    };
  }
  return decision;
}
