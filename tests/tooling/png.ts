/**
 * Reads a PNG's header and checks that the file is whole: signature, chunk CRCs, IHDR first, IEND last,
 * and image data that inflates to exactly the bytes its header promises. Independent of scripts/make-icons.js.
 */
import { inflateSync } from "zlib";

export interface PngInfo {
  width: number;
  height: number;
  bitDepth: number;
  colorType: number;
}

const SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const CHANNELS: Record<number, number> = { 0: 1, 2: 3, 3: 1, 4: 2, 6: 4 };

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
const crc32 = (buf: Buffer): number => {
  let c = 0xffffffff;
  for (const byte of buf) c = CRC_TABLE[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
};

export function readPng(buf: Buffer, file: string): PngInfo {
  if (buf.length < 8 || !buf.subarray(0, 8).equals(SIGNATURE)) throw new Error(`${file}: not a PNG (bad signature)`);
  const chunks: { type: string; data: Buffer }[] = [];
  for (let at = 8; at < buf.length; ) {
    if (at + 12 > buf.length) throw new Error(`${file}: truncated chunk at byte ${at}`);
    const length = buf.readUInt32BE(at);
    const type = buf.toString("ascii", at + 4, at + 8);
    const end = at + 12 + length;
    if (end > buf.length) throw new Error(`${file}: chunk ${type} runs past the end of the file`);
    const data = buf.subarray(at + 8, at + 8 + length);
    if (crc32(buf.subarray(at + 4, at + 8 + length)) !== buf.readUInt32BE(at + 8 + length)) {
      throw new Error(`${file}: CRC mismatch in chunk ${type}`);
    }
    chunks.push({ type, data });
    at = end;
  }
  if (chunks[0]?.type !== "IHDR") throw new Error(`${file}: first chunk is not IHDR`);
  if (chunks[chunks.length - 1].type !== "IEND") throw new Error(`${file}: last chunk is not IEND`);
  const ihdr = chunks[0].data;
  const info: PngInfo = { width: ihdr.readUInt32BE(0), height: ihdr.readUInt32BE(4), bitDepth: ihdr[8], colorType: ihdr[9] };
  const channels = CHANNELS[info.colorType];
  if (!channels) throw new Error(`${file}: unknown colour type ${info.colorType}`);
  if (ihdr[12] !== 0) throw new Error(`${file}: interlaced PNGs are not expected here`);
  const pixels = inflateSync(Buffer.concat(chunks.filter((c) => c.type === "IDAT").map((c) => c.data)));
  const rowBytes = Math.ceil((info.width * channels * info.bitDepth) / 8) + 1;
  if (pixels.length !== rowBytes * info.height) {
    throw new Error(`${file}: image data is ${pixels.length} bytes, header implies ${rowBytes * info.height}`);
  }
  return info;
}
