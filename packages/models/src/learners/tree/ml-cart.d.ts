// Types for the parts of ml-cart (untyped) used by the decision tree learners.
declare module 'ml-cart' {
  interface CartOptions {
    gainFunction?: string;
    splitFunction?: string;
    minNumSamples?: number;
    maxDepth?: number;
    gainThreshold?: number;
  }
  interface CartNode {
    classify(row: number[]): number | { to1DArray(): number[] };
  }
  export class DecisionTreeRegression {
    constructor(options?: CartOptions);
    root: CartNode;
    train(X: number[][], y: number[]): void;
    predict(X: number[][]): number[];
    toJSON(): object;
    static load(model: object): DecisionTreeRegression;
  }
  export class DecisionTreeClassifier {
    constructor(options?: CartOptions);
    root: CartNode;
    train(X: number[][], y: number[]): void;
    predict(X: number[][]): number[];
    toJSON(): object;
    static load(model: object): DecisionTreeClassifier;
  }
}
