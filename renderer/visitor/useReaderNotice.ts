import { useCallback, useEffect, useState } from 'react';
import type { ReaderEventView } from '../../main/contract/ipc-contract';
import type { HostClient } from '../kit/host-client';

/** What the visitor is told after a read or a copy. */
export type ReaderNoticeState =
  { kind: 'event'; event: ReaderEventView } | { kind: 'copied'; field: string } | null;

/**
 * The reads of this visit: the notice on screen, and whether an ID card is
 * held (the session bar then offers to show it again, to copy another line).
 * Remounted at every new session, so nothing survives a visitor.
 */
export function useReaderNotice(host: HostClient) {
  const [notice, setNotice] = useState<ReaderNoticeState>(null);
  const [cardHeld, setCardHeld] = useState(false);

  useEffect(
    () =>
      host.on('reader.event', (event) => {
        if (event.kind === 'id-card' && event.valid) setCardHeld(true);
        setNotice({ kind: 'event', event });
      }),
    [host],
  );

  const showCard = useCallback(async () => {
    const { card } = await host.call('reader.card', {});
    setCardHeld(card !== null);
    setNotice(card ? { kind: 'event', event: card } : null);
  }, [host]);

  const forgetCard = useCallback(() => {
    setCardHeld(false);
    setNotice(null);
    void host.call('reader.forget', {}).catch(() => undefined);
  }, [host]);

  return {
    notice,
    setNotice,
    /** Shows the held ID card again (undefined when none is held). */
    showCard: cardHeld ? () => void showCard().catch(() => undefined) : undefined,
    forgetCard,
  };
}
