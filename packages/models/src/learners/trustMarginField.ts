import { z } from 'zod';

/** Shared `trustMargin` config field of every learner (see FeatureRange). */
export const trustMarginField = z
  .number()
  .min(0)
  .default(0.5)
  .describe(
    'Rows with a feature further than trustMargin x (training max - min) outside the training range are flagged untrusted. @default 0.5',
  );
