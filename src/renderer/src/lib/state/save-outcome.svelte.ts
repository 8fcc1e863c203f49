import type { Result } from '../../../../shared/errors';
import { locale } from '../i18n';

/**
 * What became of a settings field's last save, for the line under the field: main's refusal in
 * the operator's language, or "Saved". Every field that saves through main keeps one.
 */
export class SaveOutcome {
  /** Why main refused the last save, or null. */
  error = $state<string | null>(null);
  /** Whether the last save went through (until the field is edited or saved again). */
  saved = $state(false);

  /** Forgets the last outcome: the operator is editing again. */
  reset(): void {
    this.error = null;
    this.saved = false;
  }

  /** Waits for one save and records how it went; true when main took the value. */
  async run(saving: Promise<Result<unknown>>): Promise<boolean> {
    this.reset();
    const result = await saving;
    if (result.ok) this.saved = true;
    else this.error = locale.describeError(result.error);
    return result.ok;
  }
}
