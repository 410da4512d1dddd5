import { SpecwrightError } from '../errors';

/**
 * Reads a zip's central directory: the list of entries with their declared sizes and attributes.
 * Everything an import decides before inflating (unsafe paths, symlinks, zip bombs, too many
 * files) is decided from this list, so a hostile archive is refused before any byte is unpacked.
 */

export type ZipEntryKind = 'file' | 'dir' | 'symlink';

export interface ZipEntry {
	/** The name exactly as stored: it is checked by the import plan, never trusted here. */
	name: string;
	kind: ZipEntryKind;
	/** 0 stored, 8 deflate; anything else is refused when inflating. */
	method: number;
	flags: number;
	crc: number;
	compressedSize: number;
	/** The uncompressed size the archive declares; inflating enforces it. */
	size: number;
	localHeaderOffset: number;
}

const EOCD_SIGNATURE = 0x06054b50;
const EOCD_SIZE = 22;
const ZIP64_LOCATOR_SIGNATURE = 0x07064b50;
const ZIP64_EOCD_SIGNATURE = 0x06064b50;
const CENTRAL_SIGNATURE = 0x02014b50;
const CENTRAL_SIZE = 46;
const ZIP64_EXTRA_ID = 0x0001;
const FLAG_UTF8 = 0x800;
const S_IFMT = 0o170000;
const S_IFLNK = 0o120000;
const S_IFDIR = 0o040000;

export function invalidZip(detail?: string): SpecwrightError {
	return new SpecwrightError('archive-invalid', 'This file is not a valid zip archive.', {
		hint: detail ?? 'It may be damaged or only partly downloaded. Download it again, or choose another file.'
	});
}

export function readZipDirectory(zip: Uint8Array): ZipEntry[] {
	const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
	const eocd = findEndOfDirectory(view);
	let count = view.getUint16(eocd + 10, true);
	let size = view.getUint32(eocd + 12, true);
	let offset = view.getUint32(eocd + 16, true);
	if (view.getUint16(eocd + 4, true) !== 0 || view.getUint16(eocd + 6, true) !== 0) {
		throw invalidZip('Archives split across several files are not supported. Join the parts into one zip first.');
	}
	if (count === 0xffff || size === 0xffffffff || offset === 0xffffffff) {
		({ count, size, offset } = readZip64End(view, eocd));
	}
	// A directory that runs past the end, or claims more entries than it has room for, is damaged.
	if (offset + size > view.byteLength || count * CENTRAL_SIZE > size) throw invalidZip();
	const entries: ZipEntry[] = [];
	let at = offset;
	for (let i = 0; i < count; i++) {
		if (at + CENTRAL_SIZE > view.byteLength || view.getUint32(at, true) !== CENTRAL_SIGNATURE) throw invalidZip();
		const { entry, next } = readCentralEntry(zip, view, at);
		entries.push(entry);
		at = next;
	}
	return entries;
}

/** The end record sits in the last 22 bytes plus an optional comment of up to 64 KiB. */
function findEndOfDirectory(view: DataView): number {
	const lowest = Math.max(0, view.byteLength - EOCD_SIZE - 0xffff);
	for (let at = view.byteLength - EOCD_SIZE; at >= lowest; at--) {
		if (view.getUint32(at, true) === EOCD_SIGNATURE && at + EOCD_SIZE + view.getUint16(at + 20, true) <= view.byteLength) {
			return at;
		}
	}
	throw invalidZip();
}

function readZip64End(view: DataView, eocd: number): { count: number; size: number; offset: number } {
	const locator = eocd - 20;
	if (locator < 0 || view.getUint32(locator, true) !== ZIP64_LOCATOR_SIGNATURE) throw invalidZip();
	const at = safeNumber(view.getBigUint64(locator + 8, true));
	if (at + 56 > view.byteLength || view.getUint32(at, true) !== ZIP64_EOCD_SIGNATURE) throw invalidZip();
	return {
		count: safeNumber(view.getBigUint64(at + 32, true)),
		size: safeNumber(view.getBigUint64(at + 40, true)),
		offset: safeNumber(view.getBigUint64(at + 48, true))
	};
}

function readCentralEntry(zip: Uint8Array, view: DataView, at: number): { entry: ZipEntry; next: number } {
	const flags = view.getUint16(at + 8, true);
	const nameLength = view.getUint16(at + 28, true);
	const extraLength = view.getUint16(at + 30, true);
	const commentLength = view.getUint16(at + 32, true);
	const externalAttributes = view.getUint32(at + 38, true);
	const nameStart = at + CENTRAL_SIZE;
	const next = nameStart + nameLength + extraLength + commentLength;
	if (next > view.byteLength) throw invalidZip();
	const name = decodeName(zip.subarray(nameStart, nameStart + nameLength), (flags & FLAG_UTF8) !== 0);
	let compressedSize = view.getUint32(at + 20, true);
	let size = view.getUint32(at + 24, true);
	let localHeaderOffset = view.getUint32(at + 42, true);
	if (size === 0xffffffff || compressedSize === 0xffffffff || localHeaderOffset === 0xffffffff) {
		// Zip64: only the fields that overflowed are in the extra field, in this order.
		const extra = findExtra(view, nameStart + nameLength, extraLength, ZIP64_EXTRA_ID);
		if (extra === null) throw invalidZip();
		let field = extra.start;
		const take = () => {
			if (field + 8 > extra.end) throw invalidZip();
			const value = safeNumber(view.getBigUint64(field, true));
			field += 8;
			return value;
		};
		if (size === 0xffffffff) size = take();
		if (compressedSize === 0xffffffff) compressedSize = take();
		if (localHeaderOffset === 0xffffffff) localHeaderOffset = take();
	}
	const entry: ZipEntry = {
		name,
		kind: entryKind(name, externalAttributes),
		method: view.getUint16(at + 10, true),
		flags,
		crc: view.getUint32(at + 16, true),
		compressedSize,
		size,
		localHeaderOffset
	};
	return { entry, next };
}

/** Unix hosts keep the file mode in the upper 16 bits of the external attributes. */
export function entryKind(name: string, externalAttributes: number): ZipEntryKind {
	const mode = (externalAttributes >>> 16) & S_IFMT;
	if (mode === S_IFLNK) return 'symlink';
	if (mode === S_IFDIR || name.endsWith('/') || name.endsWith('\\')) return 'dir';
	return 'file';
}

function findExtra(view: DataView, start: number, length: number, id: number): { start: number; end: number } | null {
	for (let at = start; at + 4 <= start + length; ) {
		const size = view.getUint16(at + 2, true);
		if (view.getUint16(at, true) === id) return { start: at + 4, end: Math.min(at + 4 + size, start + length) };
		at += 4 + size;
	}
	return null;
}

const utf8 = new TextDecoder('utf-8', { fatal: true });
const legacy = new TextDecoder('latin1');

/** Names are UTF-8 when flagged; older tools wrote a code page, usually UTF-8 in practice anyway. */
function decodeName(bytes: Uint8Array, flaggedUtf8: boolean): string {
	try {
		return utf8.decode(bytes);
	} catch {
		if (flaggedUtf8) throw invalidZip();
		return legacy.decode(bytes);
	}
}

function safeNumber(value: bigint): number {
	if (value > BigInt(Number.MAX_SAFE_INTEGER)) throw invalidZip();
	return Number(value);
}
