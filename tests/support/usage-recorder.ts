/**
 * A usage log for unit tests: keeps the events in memory, each checked
 * against the closed schema as the kiosk's writer checks it (strictly).
 */
import { UsageEvent, type UsageLog } from '../../main/usage/usage-event.js';

export class RecordingUsageLog implements UsageLog {
  readonly events: UsageEvent[] = [];

  record(event: UsageEvent): void {
    this.events.push(UsageEvent.parse(event));
  }
}
