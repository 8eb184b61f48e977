// Bootstraps the TypeScript worker: tsx's loader is registered in this thread first.
import { register } from 'tsx/esm/api';

register();
await import('./fakeExchangeWorker.ts');
