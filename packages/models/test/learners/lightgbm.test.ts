/**
 * loadLightGBM against hand-written models in LightGBM's documented text and
 * dump_model() JSON formats (no LightGBM is reachable here: see
 * test/fixtures/lightgbm/README.md). Expected raw scores were worked out by
 * hand from the trees with LightGBM's Tree::NumericalDecision rules; binary
 * and multiclass transforms are LightGBM's sigmoid and softmax.
 */
import { readFileSync } from 'node:fs';
import { isSextantError } from '@sextant/core';
import { describe, expect, it } from 'vitest';
import { loadLightGBM } from '../../src/lightgbm/loadLightGBM.js';

const dir = new URL('../fixtures/lightgbm/', import.meta.url);
const read = (name: string) => readFileSync(new URL(name, dir), 'utf8');
const expected = JSON.parse(read('expected.json')) as {
  regression: { x: (number | null)[]; raw: number }[];
  multiclass: { x: (number | null)[]; raw: number[] }[];
};
const rows = (cases: { x: (number | null)[] }[]) => cases.map((c) => c.x.map((v) => (v === null ? Number.NaN : v)));

describe('loadLightGBM', () => {
  it('evaluates the text format like LightGBM (NaN, zero and default directions, <= thresholds)', () => {
    const model = loadLightGBM(read('regression.txt'));
    const pred = model.predict(rows(expected.regression));
    for (const [i, c] of expected.regression.entries()) expect(pred[i]).toBeCloseTo(c.raw, 12);
    expect(model.manifest.featureNames).toEqual(['f_a', 'f_b', 'f_c']);
  });

  it('reads the same model from dump_model() JSON with identical predictions', () => {
    const X = rows(expected.regression);
    expect(loadLightGBM(read('regression.json')).predict(X)).toEqual(loadLightGBM(read('regression.txt')).predict(X));
  });

  it('applies the binary sigmoid', () => {
    const model = loadLightGBM(read('binary.txt'));
    const p = model.predict(rows(expected.regression));
    for (const [i, c] of expected.regression.entries()) expect(p[i]).toBeCloseTo(1 / (1 + Math.exp(-c.raw)), 12);
    expect(model.predictProba(rows(expected.regression))[0]![0]).toBeCloseTo(1 - p[0]!, 12);
  });

  it('gives multiclass softmax probabilities and class indices, one-leaf trees included', () => {
    const model = loadLightGBM(read('multiclass.txt'));
    const X = rows(expected.multiclass);
    const proba = model.predictProba(X);
    expected.multiclass.forEach((c, i) => {
      const e = c.raw.map(Math.exp);
      const sum = e.reduce((a, b) => a + b, 0);
      for (const [k, v] of e.entries()) expect(proba[i]![k]).toBeCloseTo(v / sum, 12);
      expect(model.predict(X)[i]).toBe(c.raw.indexOf(Math.max(...c.raw)));
    });
  });

  it('survives toJSON and reload', () => {
    const model = loadLightGBM(read('multiclass.txt'), { manifest: { featureHash: 'h1' } });
    const again = loadLightGBM(JSON.parse(JSON.stringify(model)));
    expect(again.manifest.featureHash).toBe('h1');
    expect(again.predictProba(rows(expected.multiclass))).toEqual(model.predictProba(rows(expected.multiclass)));
  });

  it('flags NaN rows untrusted', () => {
    const { trusted } = loadLightGBM(read('regression.txt')).predictWithTrust(rows(expected.regression));
    expect(Array.from(trusted)).toEqual([1, 0, 0, 0, 1]);
  });

  it('refuses bad models and inputs with typed errors quoting the problem', () => {
    const code = (fn: () => unknown) => {
      try {
        fn();
      } catch (e) {
        return isSextantError(e) ? `${e.code}: ${e.message}` : String(e);
      }
      return 'no error';
    };
    expect(code(() => loadLightGBM('hello'))).toMatch(/^MODEL: .*does not start with "tree"/);
    expect(
      code(() => loadLightGBM(read('regression.txt').replace('objective=regression', 'objective=lambdarank'))),
    ).toMatch(/^MODEL: .*"lambdarank" is not supported/);
    expect(code(() => loadLightGBM(read('regression.txt').replace('left_child=1 -1', 'left_child=1')))).toMatch(
      /^MODEL: .*"left_child" must have 2 numbers/,
    );
    expect(code(() => loadLightGBM(read('regression.txt').replace('num_cat=0', 'num_cat=1')))).toMatch(/categorical/);
    expect(code(() => loadLightGBM(read('regression.txt')).predict([[1, 2]]))).toMatch(
      /^FEATURE_MISMATCH: .*2 columns/,
    );
  });
});
