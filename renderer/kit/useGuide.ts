import { useEffect, useState } from 'react';
import {
  type CatalogueView,
  type GuideView,
  type LanguageCode,
  languageDirection,
} from '../../main/contract/ipc-contract';
import { isolateProcedure } from './bidi';
import type { HostClient } from './host-client';
import { useHostView } from './useHostView';

const NONE: GuideView = { state: 'none' };

/** The visitor's guided procedure as the services see it, kept current from their events. */
export function useGuide(host: HostClient): GuideView {
  return useHostView(host, 'guide.get', 'guide.changed', NONE);
}

/** The procedures offered here, in the visitor's language (null while loading, or on failure). */
export function useCatalogue(host: HostClient, language: LanguageCode): CatalogueView | null {
  const [loaded, setLoaded] = useState<{ language: LanguageCode; view: CatalogueView } | null>(
    null,
  );
  useEffect(() => {
    let cancelled = false;
    const load = () =>
      host.call('procedures.catalogue', { language }).then(
        (view) => !cancelled && setLoaded({ language, view: forReading(view) }),
        () => undefined,
      );
    void load();
    const unsubscribe = host.on('app.info.changed', () => void load());
    return () => {
      cancelled = true;
      unsubscribe();
    };
  }, [host, language]);
  return loaded?.language === language ? loaded.view : null;
}

/** Procedures shown right to left keep their Latin runs (site labels, numbers, addresses) in order. */
function forReading(view: CatalogueView): CatalogueView {
  return {
    procedures: view.procedures.map((procedure) =>
      languageDirection(procedure.language as LanguageCode) === 'rtl'
        ? isolateProcedure(procedure)
        : procedure,
    ),
  };
}
