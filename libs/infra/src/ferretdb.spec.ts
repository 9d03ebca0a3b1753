import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  FERRETDB_VERSION,
  ferretDbCacheDir,
  ferretDbPatchDir,
  readFerretDbPatches,
} from './ferretdb';

describe('FerretDB patches and the cache key of the build', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'prepmate-patches-'));
  });
  afterEach(() => rm(dir, { recursive: true, force: true }));

  it("finds the repository's patches, id-pushdown among them", async () => {
    const patches = await readFerretDbPatches(ferretDbPatchDir());
    expect(patches.files.map((file) => file.split('/').at(-1))).toContain('id-pushdown.patch');
    expect(patches.hash).toMatch(/^[0-9a-f]{12}$/);
  });

  it('applies patches in name order, and any change of name or content changes the key', async () => {
    await writeFile(join(dir, 'b.patch'), 'second');
    await writeFile(join(dir, 'a.patch'), 'first');
    await writeFile(join(dir, 'notes.txt'), 'not a patch');
    const first = await readFerretDbPatches(dir);
    expect(first.files).toEqual([join(dir, 'a.patch'), join(dir, 'b.patch')]);
    await writeFile(join(dir, 'b.patch'), 'second, changed');
    const changed = await readFerretDbPatches(dir);
    expect(changed.hash).not.toBe(first.hash);
    await rm(join(dir, 'b.patch'));
    await writeFile(join(dir, 'c.patch'), 'second, changed');
    expect((await readFerretDbPatches(dir)).hash).not.toBe(changed.hash);
  });

  it('keeps the stock build under the version alone and a patched one beside it', () => {
    expect(ferretDbCacheDir().endsWith(join('prepmate', 'ferretdb', FERRETDB_VERSION))).toBe(true);
    expect(ferretDbCacheDir('0123456789ab')).toBe(
      join(ferretDbCacheDir(), '..', `${FERRETDB_VERSION}-patched-0123456789ab`),
    );
  });
});
