/**
 * Every built-in learner passes the shared model contract (learnerContract.ts).
 */
import { DecisionTreeClassifier } from '../../src/learners/DecisionTreeClassifier.js';
import { DecisionTreeRegressor } from '../../src/learners/DecisionTreeRegressor.js';
import { GradientBoostingClassifier } from '../../src/learners/GradientBoostingClassifier.js';
import { GradientBoostingRegressor } from '../../src/learners/GradientBoostingRegressor.js';
import { LinearRegressor } from '../../src/learners/LinearRegressor.js';
import { RandomForestClassifier } from '../../src/learners/RandomForestClassifier.js';
import { RandomForestRegressor } from '../../src/learners/RandomForestRegressor.js';
import { describeLearnerContract } from './learnerContract.js';

const gb = { nEstimators: 40, maxDepth: 3, learningRate: 0.2, subsample: 0.8, colsampleByTree: 0.8 };
const rf = { nEstimators: 25, maxDepth: 6 };

describeLearnerContract({
  name: 'LinearRegressor',
  create: () => new LinearRegressor({ lambda: 0.1 }),
  task: 'regression',
  minScore: 0.4,
});
describeLearnerContract({
  name: 'DecisionTreeRegressor',
  create: () => new DecisionTreeRegressor({ maxDepth: 6 }),
  task: 'regression',
  minScore: 0.4,
});
describeLearnerContract({
  name: 'DecisionTreeClassifier',
  create: () => new DecisionTreeClassifier({ maxDepth: 5 }),
  task: 'binary',
  minScore: 0.7,
});
describeLearnerContract({
  name: 'RandomForestRegressor',
  create: (seed) => new RandomForestRegressor({ ...rf, seed }),
  task: 'regression',
  seeded: true,
  minScore: 0.6,
});
describeLearnerContract({
  name: 'RandomForestClassifier (binary)',
  create: (seed) => new RandomForestClassifier({ ...rf, seed }),
  task: 'binary',
  seeded: true,
  minScore: 0.75,
});
describeLearnerContract({
  name: 'RandomForestClassifier (3 classes)',
  create: (seed) => new RandomForestClassifier({ ...rf, seed }),
  task: 'multiclass',
  seeded: true,
  minScore: 0.6,
});
describeLearnerContract({
  name: 'GradientBoostingRegressor',
  create: (seed) => new GradientBoostingRegressor({ ...gb, seed }),
  task: 'regression',
  seeded: true,
  minScore: 0.7,
});
describeLearnerContract({
  name: 'GradientBoostingClassifier (binary)',
  create: (seed) => new GradientBoostingClassifier({ ...gb, seed }),
  task: 'binary',
  seeded: true,
  minScore: 0.75,
});
describeLearnerContract({
  name: 'GradientBoostingClassifier (3 classes)',
  create: (seed) => new GradientBoostingClassifier({ ...gb, seed }),
  task: 'multiclass',
  seeded: true,
  minScore: 0.6,
});
