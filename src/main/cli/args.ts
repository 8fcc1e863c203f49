import { MAX_QUANTITY } from '../core/bintu/bintu-client';
import { AppError } from '../core/errors';

/** `--quantity` read and checked: a whole number from 1 to `MAX_QUANTITY`, default 50. */
export function parseQuantity(text: string | undefined): number {
  const quantity = text === undefined ? 50 : Number(text);
  if (!Number.isInteger(quantity) || quantity < 1 || quantity > MAX_QUANTITY) {
    throw new AppError('invalid-input', `--quantity must be a whole number from 1 to ${MAX_QUANTITY}.`);
  }
  return quantity;
}
