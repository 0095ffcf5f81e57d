import { useEffect } from 'react';
import { initLibrary } from '../../stores/library-store.ts';
import { SetList } from './set-list.tsx';
import { SetPage } from './set-page.tsx';
import './library.css';

/** The teacher's library: every set (`setId` null) or one set's page. */
export function LibraryPage({ setId }: { setId: string | null }) {
  useEffect(() => {
    void initLibrary();
  }, []);
  return setId === null ? <SetList /> : <SetPage setId={setId} />;
}
