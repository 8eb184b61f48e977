import { describe, expect, it } from 'vitest';
import * as cli from './index.js';

describe('@sextant/cli public surface', () => {
  it('exports exactly these runtime names', () => {
    expect(Object.keys(cli).sort()).toEqual(
      [
        'CLI_FEATURES',
        'CliError',
        'DEMO_CONFIG',
        'DEMO_DATA_DIR',
        'EXIT_CODES',
        'WebhookAlerter',
        'WebhookAlerterConfigSchema',
        'acquireStateLock',
        'buildTrainingSet',
        'chronologicalSplit',
        'collectSecrets',
        'computeFeatureFrames',
        'createLogger',
        'createMetrics',
        'createProgram',
        'createProgress',
        'evaluateModel',
        'exitCodeFor',
        'formatDemoSummary',
        'loadChartLibrary',
        'loadConfig',
        'loadDemoCandles',
        'observeBot',
        'permutationImportance',
        'redactSecrets',
        'renderReport',
        'runCli',
        'runDemo',
        'serveMetrics',
        'trainModel',
        'watchBotAlerts',
        'writeReport',
      ].sort(),
    );
  });
});
