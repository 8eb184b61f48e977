// Running the command
export { runCli } from './runCli.js';
export { createProgram } from './createProgram.js';
export type { CliContext, CliIo } from './io/CliContext.type.js';
export { EXIT_CODES, type ExitCode } from './errors/EXIT_CODES.js';
export { exitCodeFor } from './errors/exitCodeFor.js';
export { CliError, type CliErrorOptions } from './errors/CliError.js';
// Config, state, progress
export { loadConfig } from './io/loadConfig.js';
export { acquireStateLock, type StateLock } from './state/acquireStateLock.js';
export { createProgress, type Progress, type ProgressOptions } from './io/createProgress.js';
// Logging and secrets
export { createLogger, type LoggerOptions } from './logging/createLogger.js';
export { collectSecrets } from './logging/collectSecrets.js';
export { redactSecrets } from './logging/redactSecrets.js';
// Metrics
export { createMetrics, type SextantMetrics } from './metrics/createMetrics.js';
export { observeBot, type ObserveBotOptions } from './metrics/observeBot.js';
export { serveMetrics, type MetricsServer } from './metrics/serveMetrics.js';
// Alerts
export type { Alert, AlertKind, Alerter } from './alerts/Alert.type.js';
export {
  WebhookAlerter,
  WebhookAlerterConfigSchema,
  type WebhookAlerterConfig,
} from './alerts/WebhookAlerter.js';
export { watchBotAlerts, type WatchBotAlertsOptions } from './alerts/watchBotAlerts.js';
// Reports
export type { ReportData, ReportMarket, ReportModel, ReportOverlay } from './report/ReportData.type.js';
export { renderReport, type RenderReportOptions } from './report/renderReport.js';
export { writeReport, type WriteReportOptions } from './report/writeReport.js';
export { loadChartLibrary } from './report/loadChartLibrary.js';
// Demo and pipeline wiring
export { DEMO_DATA_DIR } from './demo/DEMO_DATA_DIR.js';
export { loadDemoCandles } from './demo/loadDemoCandles.js';
export { DEMO_CONFIG } from './demo/DEMO_CONFIG.js';
export { runDemo, type DemoOptions } from './demo/runDemo.js';
export type { DemoMarketSummary, DemoResult } from './demo/DemoResult.type.js';
export { formatDemoSummary } from './demo/formatDemoSummary.js';
export { chronologicalSplit, type ChronologicalSplit } from './pipeline/chronologicalSplit.js';
export { buildTrainingSet, type BuildTrainingSetOptions, type TrainingSet } from './pipeline/buildTrainingSet.js';
export { CLI_FEATURES } from './pipeline/CLI_FEATURES.js';
export { computeFeatureFrames } from './pipeline/computeFeatureFrames.js';
export { trainModel, type TrainModelOptions } from './pipeline/trainModel.js';
export { evaluateModel } from './pipeline/evaluateModel.js';
export { permutationImportance } from './pipeline/permutationImportance.js';
