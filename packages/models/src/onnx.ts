/**
 * `@sextant/models/onnx`: models exported to ONNX, run with onnxruntime-node.
 * A separate entry so that importing `@sextant/models` never loads the
 * native runtime.
 *
 * @module
 */
export { OnnxModel, type OnnxModelJSON, type OnnxModelOptions } from './onnx/OnnxModel.js';
export {
  type CreateOnnxPredictorOptions,
  createOnnxPredictor,
  type OnnxPredictor,
} from './onnx/createOnnxPredictor.js';
export { readOnnxMetadata } from './onnx/readOnnxMetadata.js';
