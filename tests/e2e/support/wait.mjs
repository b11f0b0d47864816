// Waiting for a condition with a generous deadline: never a fixed sleep as synchronisation.
import {setTimeout as pause} from 'node:timers/promises';

export async function wait_for(condition, {timeout = 30000, interval = 100, what = 'a condition'} = {}) {
  const deadline = Date.now() + timeout;
  for (;;) {
    if (await condition()) return;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeout} ms waiting for ${what}`);
    await pause(interval);  // poll interval between checks, not a synchronisation point
  }
}
