import { describe, expect, it } from 'vitest';
import { parseRoute, routeHash, type Route } from './route-store.ts';

describe('routes', () => {
  it('round-trips every route through the fragment', () => {
    const routes: Route[] = [
      { name: 'tutor' },
      { name: 'library', setId: null },
      { name: 'library', setId: 'a b/c' },
      { name: 'edit', setId: 's1', itemId: 'i/2' },
      { name: 'handout', setId: 's1' },
      { name: 'print' },
      { name: 'share', payload: 'AbC-_09' },
    ];
    for (const r of routes) expect(parseRoute(routeHash(r))).toEqual(r);
  });

  it('leaves the tutor showing for anchors and unknown paths', () => {
    expect(parseRoute('')).toEqual({ name: 'tutor' });
    expect(parseRoute('#history')).toEqual({ name: 'tutor' });
    expect(parseRoute('#/nowhere')).toEqual({ name: 'tutor' });
    expect(parseRoute('#/edit/only-set')).toEqual({ name: 'library', setId: 'only-set' });
    expect(parseRoute('#/handout/')).toEqual({ name: 'library', setId: null });
  });
});
