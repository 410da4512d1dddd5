// Fault definitions and the "apply to the next n requests" bookkeeping.

/**
 * @typedef {'429' | '500' | 'cut' | 'malformed-tool-args' | 'slow' | 'no-cors' | 'context-length'} FaultType
 * @typedef {{
 *   type: FaultType,
 *   times?: number,
 *   retryAfter?: number,
 *   afterChunks?: number,
 *   delayMs?: number
 * }} Fault
 *   `times`: applies to the next n matching requests, then clears (default: until cleared).
 *   `retryAfter`: seconds, for 429 (default 1). `afterChunks`: SSE events sent before `cut` (default 2).
 *   `delayMs`: per streamed chunk for `slow` (default 50).
 */

/** @type {readonly FaultType[]} */
export const FAULT_TYPES = ['429', '500', 'cut', 'malformed-tool-args', 'slow', 'no-cors', 'context-length'];

/** Faults that answer any /v1 request; the others only change chat completions. */
export const HTTP_FAULTS = new Set(['429', '500', 'no-cors']);

/**
 * Accepts `'429'`, `429`, `{ type: '429', ... }`, or null/undefined/'' (no fault). Throws on unknown
 * names so a typo in a test fails loudly instead of silently testing the happy path.
 * @param {unknown} input
 * @returns {Fault | null}
 */
export function parseFault(input) {
	if (input === null || input === undefined || input === '') return null;
	const fault = typeof input === 'object' ? /** @type {Record<string, unknown>} */ (input) : { type: String(input) };
	if (fault.type === null || fault.type === undefined) return null;
	const type = String(fault.type);
	if (!FAULT_TYPES.includes(/** @type {FaultType} */ (type))) {
		throw new Error(`unknown fault "${type}"; expected one of ${FAULT_TYPES.join(', ')}`);
	}
	return /** @type {Fault} */ ({ ...fault, type });
}

/**
 * Parses the `x-mock-fault` header: a fault name, or a JSON object for options.
 * @param {string | string[] | undefined} header
 */
export function parseFaultHeader(header) {
	const value = Array.isArray(header) ? header[0] : header;
	if (!value) return null;
	return parseFault(value.trim().startsWith('{') ? JSON.parse(value) : value.trim());
}

/** Holds the fault set by setFault()/admin, counting down `times`. */
export class FaultSlot {
	/** @type {Fault | null} */
	#fault = null;
	#remaining = Infinity;

	/** @param {Fault | null} fault */
	set(fault) {
		this.#fault = fault;
		this.#remaining = fault?.times ?? Infinity;
	}

	peek() {
		return this.#fault;
	}

	/** Marks one use of the current fault; clears it once `times` is used up. */
	consume() {
		this.#remaining -= 1;
		if (this.#remaining <= 0) this.set(null);
	}
}
