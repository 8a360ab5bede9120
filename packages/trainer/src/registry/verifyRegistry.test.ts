import { cp, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parseMonthlyCsv, weightSlots } from '@gatecast/core';
import { type Manifest, parseManifest } from '@gatecast/core/registry';
import { describe, expect, it } from 'vitest';
import { REFERENCE_CSV, REPO_ROOT, scratchDir } from '../testing/paths.js';
import { sha256 } from './sha256.js';
import { RegistryVerificationError, verifyRegistry } from './verifyRegistry.js';

const committed = join(REPO_ROOT, 'models');
const seriesCsv = await readFile(REFERENCE_CSV, 'utf8');
const latestWindow = parseMonthlyCsv(seriesCsv).values.slice(-12);

/** A copy of the committed registry with one model's NaN-free weights edited, hash updated. */
async function tampered(
  id: string,
  edit: (view: DataView, spec: Manifest['models'][number]['spec']) => void,
) {
  const dir = join(scratchDir('verify'), 'models');
  await cp(committed, dir, { recursive: true });
  const manifest = parseManifest(JSON.parse(await readFile(join(dir, 'manifest.json'), 'utf8')));
  const entry = manifest.models.find((m) => m.id === id);
  if (!entry) throw new Error(`${id} is not in the committed registry`);
  const path = join(dir, entry.files.weights);
  const bytes = await readFile(path);
  edit(new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength), entry.spec);
  await writeFile(path, bytes);
  entry.files.weightsSha256 = sha256(bytes);
  await writeFile(join(dir, 'manifest.json'), JSON.stringify(manifest, null, 2));
  return dir;
}

describe('verifyRegistry', () => {
  it('passes the committed registry in full: every recorded test prediction reproduced', async () => {
    const manifest = await verifyRegistry(committed, latestWindow, { seriesCsv });
    expect(manifest.models.length).toBeGreaterThanOrEqual(10);
  });

  it('given the series, refuses a change the one recorded forecast cannot see', async () => {
    // dense_1's kernel row of each dense_0 unit scaled: the first that leaves the latest window's
    // forecast alone (its unit is 0 there) but not every test window's.
    for (let unit = 0; unit < 16; unit++) {
      const dir = await tampered('gru-32@relative', (view, spec) => {
        let offset = 0;
        for (const slot of weightSlots(spec)) {
          if (slot.layer === 'dense_1' && slot.role === 'kernel') break;
          offset += 4 * slot.shape.reduce((a, b) => a * b, 1);
        }
        const at = offset + 4 * unit;
        view.setFloat32(at, view.getFloat32(at, true) * 40 + 1, true);
      });
      const withoutSeries = await verifyRegistry(dir, latestWindow).then(
        () => 'passed',
        () => 'refused',
      );
      if (withoutSeries === 'refused') continue; // the unit is active on the latest window
      await expect(verifyRegistry(dir, latestWindow, { seriesCsv })).rejects.toThrow(
        /gru-32@relative: the weights do not reproduce test prediction \d+ of 184/,
      );
      return;
    }
    throw new Error('no head unit of gru-32@relative is inactive on the latest window');
  });

  it('refuses a NaN weight whose hash was updated, naming it', async () => {
    const dir = await tampered('lstm-32@relative', (view) => view.setFloat32(0, Number.NaN, true));
    await expect(verifyRegistry(dir, latestWindow)).rejects.toThrow(RegistryVerificationError);
    await expect(verifyRegistry(dir, latestWindow)).rejects.toThrow(
      'lstm-32@relative: weight rnn_0/kernel holds NaN at index 0: every weight must be finite',
    );
  });
});
