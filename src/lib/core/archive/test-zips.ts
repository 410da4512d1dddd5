import { zipSync, type Zippable } from 'fflate';

/** Builders for the zips the archive tests need, including the broken and hostile ones. */

const encoder = new TextEncoder();
export const text = (s: string) => encoder.encode(s);

export const SYMLINK_ATTRS = { os: 3, attrs: (0o120777 << 16) >>> 0 };

export function makeZip(files: Zippable): Uint8Array {
	return zipSync(files, { mtime: Date.UTC(2024, 0, 1) });
}

/** Offsets of each central directory record, in order. */
export function centralRecords(zip: Uint8Array): number[] {
	const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
	const out: number[] = [];
	for (let at = 0; at + 4 <= zip.length; at++) if (view.getUint32(at, true) === 0x02014b50) out.push(at);
	return out;
}

/** Rewrites a 32-bit field of one central record: forged sizes, flags, methods. */
export function patchCentral(zip: Uint8Array, index: number, field: 'flags' | 'method' | 'crc' | 'compressedSize' | 'size', value: number): Uint8Array {
	const copy = zip.slice();
	const at = centralRecords(copy)[index];
	if (at === undefined) throw new Error(`no central record ${index}`);
	const view = new DataView(copy.buffer);
	const offsets = { flags: 8, method: 10, crc: 16, compressedSize: 20, size: 24 };
	if (field === 'flags' || field === 'method') view.setUint16(at + offsets[field], value, true);
	else view.setUint32(at + offsets[field], value >>> 0, true);
	return copy;
}

/** A one-entry stored zip written by hand in the Zip64 layout, as some tools write even small files. */
export function zip64Stored(name: string, data: Uint8Array, crc: number): Uint8Array {
	const nameBytes = encoder.encode(name);
	const parts: Uint8Array[] = [];
	const local = new DataView(new ArrayBuffer(30));
	local.setUint32(0, 0x04034b50, true);
	local.setUint16(4, 45, true);
	local.setUint32(14, crc, true);
	local.setUint32(18, 0xffffffff, true);
	local.setUint32(22, 0xffffffff, true);
	local.setUint16(26, nameBytes.length, true);
	parts.push(new Uint8Array(local.buffer), nameBytes, data);
	const centralAt = 30 + nameBytes.length + data.length;
	const central = new DataView(new ArrayBuffer(46));
	central.setUint32(0, 0x02014b50, true);
	central.setUint16(4, (3 << 8) | 45, true);
	central.setUint16(6, 45, true);
	central.setUint32(16, crc, true);
	central.setUint32(20, 0xffffffff, true);
	central.setUint32(24, 0xffffffff, true);
	central.setUint16(28, nameBytes.length, true);
	central.setUint16(30, 4 + 24, true);
	central.setUint32(42, 0xffffffff, true);
	const extra = new DataView(new ArrayBuffer(28));
	extra.setUint16(0, 0x0001, true);
	extra.setUint16(2, 24, true);
	extra.setBigUint64(4, BigInt(data.length), true);
	extra.setBigUint64(12, BigInt(data.length), true);
	extra.setBigUint64(20, 0n, true);
	parts.push(new Uint8Array(central.buffer), nameBytes, new Uint8Array(extra.buffer));
	const centralSize = 46 + nameBytes.length + 28;
	const endAt = centralAt + centralSize;
	const end64 = new DataView(new ArrayBuffer(56));
	end64.setUint32(0, 0x06064b50, true);
	end64.setBigUint64(4, 44n, true);
	end64.setBigUint64(24, 1n, true);
	end64.setBigUint64(32, 1n, true);
	end64.setBigUint64(40, BigInt(centralSize), true);
	end64.setBigUint64(48, BigInt(centralAt), true);
	const locator = new DataView(new ArrayBuffer(20));
	locator.setUint32(0, 0x07064b50, true);
	locator.setBigUint64(8, BigInt(endAt), true);
	locator.setUint32(16, 1, true);
	const end = new DataView(new ArrayBuffer(22));
	end.setUint32(0, 0x06054b50, true);
	end.setUint16(8, 0xffff, true);
	end.setUint16(10, 0xffff, true);
	end.setUint32(12, 0xffffffff, true);
	end.setUint32(16, 0xffffffff, true);
	parts.push(new Uint8Array(end64.buffer), new Uint8Array(locator.buffer), new Uint8Array(end.buffer));
	const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
	let at = 0;
	for (const part of parts) {
		out.set(part, at);
		at += part.length;
	}
	return out;
}
