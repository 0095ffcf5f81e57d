/**
 * Which page is showing, kept in the URL fragment so the back button, reloads and links work. Not saved
 * anywhere else: the fragment is the state. Hashes that are not routes (`#history`, a skip link) leave the
 * tutor showing.
 */
import { create } from 'zustand';

export type Route =
  | { name: 'tutor' }
  | { name: 'library'; setId: string | null }
  | { name: 'edit'; setId: string; itemId: string }
  | { name: 'handout'; setId: string }
  /** The bare print view the command-line handout tool renders; its document is handed in by the tool. */
  | { name: 'print' }
  /** A solution shared by link: `payload` is the encoded solution, never sent to a server. */
  | { name: 'share'; payload: string };

const part = (s: string | undefined): string | null => (s === undefined || s === '' ? null : decodeURIComponent(s));

export function parseRoute(hash: string): Route {
  const path = hash.replace(/^#/, '');
  if (!path.startsWith('/')) return { name: 'tutor' };
  const [head, a, b] = path.slice(1).split('/');
  switch (head) {
    case 'library':
      return { name: 'library', setId: part(a) };
    case 'edit': {
      const setId = part(a);
      const itemId = part(b);
      return setId && itemId ? { name: 'edit', setId, itemId } : { name: 'library', setId };
    }
    case 'handout': {
      const setId = part(a);
      return setId ? { name: 'handout', setId } : { name: 'library', setId: null };
    }
    case 'print':
      return { name: 'print' };
    case 'share':
      // The payload is everything after "/share/", slashes included (base64url has none, but be lenient).
      return { name: 'share', payload: path.slice('/share/'.length) };
    default:
      return { name: 'tutor' };
  }
}

export function routeHash(route: Route): string {
  const enc = encodeURIComponent;
  switch (route.name) {
    case 'tutor':
      return '#/';
    case 'library':
      return route.setId === null ? '#/library' : `#/library/${enc(route.setId)}`;
    case 'edit':
      return `#/edit/${enc(route.setId)}/${enc(route.itemId)}`;
    case 'handout':
      return `#/handout/${enc(route.setId)}`;
    case 'print':
      return '#/print';
    case 'share':
      return `#/share/${route.payload}`;
  }
}

const current = (): Route => (typeof location === 'undefined' ? { name: 'tutor' } : parseRoute(location.hash));

export const useRouteStore = create<{ route: Route }>()(() => ({ route: current() }));

/** Shows `route` and records it in the address bar (a history entry, so Back returns). */
export function navigate(route: Route): void {
  const hash = routeHash(route);
  if (typeof location !== 'undefined' && location.hash !== hash) location.hash = hash;
  useRouteStore.setState({ route });
}

/** Follows the address bar when the user edits it or goes back; returns the unsubscribe. */
export function followLocation(): () => void {
  const sync = () => useRouteStore.setState({ route: current() });
  sync();
  window.addEventListener('hashchange', sync);
  return () => window.removeEventListener('hashchange', sync);
}
