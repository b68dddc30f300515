// What a form or a button is waiting for: whether its request is under way (to disable the button)
// and the server's refusal (for FormError and each Field), cleared when it is tried again.
import { asApiError, type ApiError } from './errors';

export class Action {
  busy = $state(false);
  error = $state<ApiError | null>(null);

  /** Runs `work`; a failure becomes `error`. Says whether it succeeded. */
  async run(work: () => Promise<unknown>): Promise<boolean> {
    this.busy = true;
    this.error = null;
    try {
      await work();
      return true;
    } catch (failure) {
      this.error = asApiError(failure);
      return false;
    } finally {
      this.busy = false;
    }
  }
}
