import {
  type EventEnvelope,
  type EventName,
  type EventPayload,
  events,
} from '../contract/ipc-contract.js';

/** Fans validated service events out to every connected renderer. */
export class EventHub {
  readonly #subscribers = new Set<(envelope: EventEnvelope) => void>();

  emit<E extends EventName>(event: E, payload: EventPayload<E>): void {
    const envelope = { event, payload: events[event].parse(payload) };
    for (const subscriber of this.#subscribers) subscriber(envelope);
  }

  subscribe(subscriber: (envelope: EventEnvelope) => void): () => void {
    this.#subscribers.add(subscriber);
    return () => this.#subscribers.delete(subscriber);
  }
}
