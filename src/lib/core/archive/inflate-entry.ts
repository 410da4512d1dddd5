import { Inflate } from 'fflate';
import { SpecwrightError } from '../errors';
import { crc32 } from './crc32';
import { invalidZip, type ZipEntry } from './zip-directory';

const LOCAL_SIGNATURE = 0x04034b50;
const LOCAL_SIZE = 30;
const FLAG_ENCRYPTED = 0x1;
/**
 * Compressed bytes fed to the inflater per step. Deflate expands at most ~1032:1, so one step can
 * overshoot a lying size by ~16 MB at worst before the check below stops it.
 */
const CHUNK = 16 * 1024;

/**
 * Unpacks one entry, trusting nothing the archive says: the output may not exceed the declared
 * size (checked while inflating, so a forged size cannot make it balloon), and must match the
 * declared size and checksum at the end.
 */
export function inflateEntry(zip: Uint8Array, entry: ZipEntry): Uint8Array {
	if (entry.flags & FLAG_ENCRYPTED) {
		throw new SpecwrightError('archive-encrypted', `"${entry.name}" is password-protected.`, {
			hint: 'Specwright cannot open encrypted zips. Unpack it with your system tools and import the folder.'
		});
	}
	const compressed = entryData(zip, entry);
	let output: Uint8Array;
	if (entry.method === 0) {
		if (compressed.length !== entry.size) throw damaged(entry);
		output = compressed.slice();
	} else if (entry.method === 8) {
		output = inflateBounded(compressed, entry);
	} else {
		throw new SpecwrightError('archive-unsupported', `"${entry.name}" uses a compression method Specwright cannot read (${entry.method}).`, {
			hint: 'Re-create the zip with standard (deflate) compression.'
		});
	}
	if (crc32(output) !== entry.crc) throw damaged(entry);
	return output;
}

/** The compressed bytes: the local header repeats the name and may carry a different extra field. */
function entryData(zip: Uint8Array, entry: ZipEntry): Uint8Array {
	const at = entry.localHeaderOffset;
	if (at + LOCAL_SIZE > zip.length) throw invalidZip();
	const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
	if (view.getUint32(at, true) !== LOCAL_SIGNATURE) throw invalidZip();
	const start = at + LOCAL_SIZE + view.getUint16(at + 26, true) + view.getUint16(at + 28, true);
	const end = start + entry.compressedSize;
	if (end > zip.length) throw invalidZip();
	return zip.subarray(start, end);
}

function inflateBounded(compressed: Uint8Array, entry: ZipEntry): Uint8Array {
	const output = new Uint8Array(entry.size);
	let written = 0;
	const inflater = new Inflate((chunk) => {
		if (written + chunk.length > entry.size) throw sizeLie(entry);
		output.set(chunk, written);
		written += chunk.length;
	});
	try {
		for (let at = 0; at < compressed.length; at += CHUNK) {
			inflater.push(compressed.subarray(at, at + CHUNK), at + CHUNK >= compressed.length);
		}
		if (compressed.length === 0) inflater.push(compressed, true);
	} catch (error) {
		if (error instanceof SpecwrightError) throw error;
		throw damaged(entry, error);
	}
	if (written !== entry.size) throw damaged(entry);
	return output;
}

function damaged(entry: ZipEntry, cause?: unknown): SpecwrightError {
	return new SpecwrightError('archive-damaged', `"${entry.name}" in this zip is damaged.`, {
		hint: 'Its contents do not match what the archive records. Download the zip again.',
		cause
	});
}

function sizeLie(entry: ZipEntry): SpecwrightError {
	return new SpecwrightError(
		'archive-bomb',
		`"${entry.name}" unpacks to more than the ${entry.size} bytes the archive declares.`,
		{ hint: 'The zip misstates its sizes, as zip bombs do, so it was not imported.' }
	);
}
