import type { ModelSpec, WeightArray } from '@gatecast/core';
import { buildLayersModel } from '@gatecast/core/tfjs';
import * as tf from '@tensorflow/tfjs';

/** A model in the tfjs layers format: the `model.json` object and the weights file's bytes. */
export interface LayersArtifacts {
  modelJson: {
    format: 'layers-model';
    generatedBy: string;
    convertedBy: null;
    modelTopology: unknown;
    weightsManifest: { paths: string[]; weights: tf.io.WeightsManifestEntry[] }[];
  };
  weightsBin: Uint8Array;
}

/**
 * Serializes a spec and its weights in the format `tf.loadLayersModel` reads: `model.json`
 * pointing at one weights file named `weightsFileName`.
 */
export async function toLayersArtifacts(
  spec: ModelSpec,
  weights: WeightArray[],
  weightsFileName: string,
): Promise<LayersArtifacts> {
  const model = buildLayersModel(spec);
  try {
    model.setWeights(weights.map((w) => tf.tensor(w.values, w.shape)));
    let saved: tf.io.ModelArtifacts | undefined;
    await model.save(
      tf.io.withSaveHandler(async (artifacts) => {
        saved = artifacts;
        return { modelArtifactsInfo: { dateSaved: new Date(), modelTopologyType: 'JSON' } };
      }),
    );
    if (!saved?.weightData || !saved.weightSpecs) throw new Error('tfjs produced no weights');
    const data = tf.io.CompositeArrayBuffer.join(saved.weightData);
    return {
      modelJson: {
        format: 'layers-model',
        generatedBy: `TensorFlow.js tfjs-layers v${tf.version.tfjs}`,
        convertedBy: null,
        modelTopology: saved.modelTopology,
        weightsManifest: [{ paths: [weightsFileName], weights: saved.weightSpecs }],
      },
      weightsBin: new Uint8Array(data),
    };
  } finally {
    model.dispose();
  }
}

/** Loads `model.json` and its weights' bytes with `tf.loadLayersModel`, as any tfjs user would. */
export function loadLayersArtifacts(
  modelJson: LayersArtifacts['modelJson'],
  weightsBin: Uint8Array,
): Promise<tf.LayersModel> {
  const weightSpecs = modelJson.weightsManifest.flatMap((group) => group.weights);
  const weightData = weightsBin.buffer.slice(
    weightsBin.byteOffset,
    weightsBin.byteOffset + weightsBin.byteLength,
  ) as ArrayBuffer;
  return tf.loadLayersModel(
    tf.io.fromMemory({ modelTopology: modelJson.modelTopology as object, weightSpecs, weightData }),
  );
}
