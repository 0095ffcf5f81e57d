/**
 * A fresh clone's `npm install` must leave package-lock.json as it is: the lock's root entry has to state the
 * same ranges as package.json, or npm rewrites it (it once held katex "^0.16.47" against package.json's "~0.16.47").
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const read = (file: string) => JSON.parse(readFileSync(new URL(`../${file}`, import.meta.url), 'utf8')) as Record<string, unknown>;
const pkg = read('package.json') as { dependencies: Record<string, string>; devDependencies: Record<string, string>; allowScripts?: Record<string, boolean> };
const lock = read('package-lock.json') as { packages: Record<string, { dependencies?: Record<string, string>; devDependencies?: Record<string, string>; hasInstallScript?: boolean }> };
const root = lock.packages[''] ?? {};

describe('package.json and package-lock.json agree', () => {
  it('lists the same dependency ranges', () => {
    expect(root.dependencies).toEqual(pkg.dependencies);
    expect(root.devDependencies).toEqual(pkg.devDependencies);
  });

  it('decides every install script in the tree (no unexplained npm warning)', () => {
    const withScripts = Object.entries(lock.packages)
      .filter(([path, entry]) => path !== '' && entry.hasInstallScript === true)
      .map(([path]) => path.replace(/^.*node_modules\//, ''));
    for (const name of withScripts) expect(pkg.allowScripts ?? {}, `allowScripts has no decision for ${name}`).toHaveProperty(name);
  });
});
