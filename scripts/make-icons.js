#!/usr/bin/env node
// Draws ClientBook's ribbon and store icons (assets/icon-<size>.png) with no image library:
// an open book with a person above it, in the brand's navy and gold, on a rounded square.
// Shapes are described in a unit square and rasterised with supersampling, so every size is
// drawn from the same geometry rather than scaled from one bitmap. Run: node scripts/make-icons.js
"use strict";

const fs = require("fs");
const path = require("path");
const zlib = require("zlib");

const SIZES = [16, 32, 64, 80, 128];
const NAVY = [0x1b, 0x4f, 0x8a];
const GOLD = [0xe8, 0xa8, 0x2a];
const PAPER = [0xff, 0xff, 0xff];
const SPINE = [0xc9, 0xd6, 0xe6];

// --- geometry in unit coordinates (x right, y down) ---------------------------------------

function insideRoundedSquare(x, y, radius) {
  const cx = Math.min(Math.max(x, radius), 1 - radius);
  const cy = Math.min(Math.max(y, radius), 1 - radius);
  return (x - cx) ** 2 + (y - cy) ** 2 <= radius ** 2;
}

/** Even-odd point-in-polygon test. */
function insidePolygon(x, y, points) {
  let inside = false;
  for (let i = 0, j = points.length - 1; i < points.length; j = i++) {
    const [xi, yi] = points[i];
    const [xj, yj] = points[j];
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

const LEFT_PAGE = [
  [0.13, 0.58],
  [0.485, 0.64],
  [0.485, 0.87],
  [0.13, 0.81],
];
const RIGHT_PAGE = LEFT_PAGE.map(([x, y]) => [1 - x, y]);

/** Colour of the icon at a point, or null where it is transparent. Later shapes paint over earlier ones. */
function colourAt(x, y) {
  if (!insideRoundedSquare(x, y, 0.2)) return null;
  let colour = NAVY;
  if (x > 0.47 && x < 0.53 && y > 0.6 && y < 0.87) colour = SPINE;
  if (insidePolygon(x, y, LEFT_PAGE) || insidePolygon(x, y, RIGHT_PAGE)) colour = PAPER;
  const head = (x - 0.5) ** 2 + (y - 0.27) ** 2 <= 0.115 ** 2;
  const shoulders = y <= 0.545 && ((x - 0.5) / 0.215) ** 2 + ((y - 0.545) / 0.16) ** 2 <= 1;
  if (head || shoulders) colour = GOLD;
  return colour;
}

// --- rasterising -----------------------------------------------------------------------------

/** RGBA pixels (premultiplied averaging, then straight alpha) of a size×size icon. */
function render(size) {
  const samples = size <= 32 ? 8 : 4;
  const rgba = Buffer.alloc(size * size * 4);
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let r = 0;
      let g = 0;
      let b = 0;
      let covered = 0;
      for (let sy = 0; sy < samples; sy++) {
        for (let sx = 0; sx < samples; sx++) {
          const c = colourAt((px + (sx + 0.5) / samples) / size, (py + (sy + 0.5) / samples) / size);
          if (!c) continue;
          r += c[0];
          g += c[1];
          b += c[2];
          covered++;
        }
      }
      const o = (py * size + px) * 4;
      if (covered > 0) {
        rgba[o] = Math.round(r / covered);
        rgba[o + 1] = Math.round(g / covered);
        rgba[o + 2] = Math.round(b / covered);
        rgba[o + 3] = Math.round((255 * covered) / (samples * samples));
      }
    }
  }
  return rgba;
}

// --- PNG encoding ----------------------------------------------------------------------------

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(buf) {
  let c = 0xffffffff;
  for (const byte of buf) c = CRC_TABLE[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, "ascii");
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0);
  return Buffer.concat([head, data, crc]);
}

/** An 8-bit RGBA PNG; each scanline uses filter 0 (none). */
function encodePng(size, rgba) {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 6; // colour type RGBA
  const raw = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) rgba.copy(raw, y * (size * 4 + 1) + 1, y * size * 4, (y + 1) * size * 4);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", ihdr),
    chunk("IDAT", zlib.deflateSync(raw, { level: 9 })),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

function main() {
  const outDir = path.join(__dirname, "..", "assets");
  fs.mkdirSync(outDir, { recursive: true });
  for (const size of SIZES) {
    const file = path.join(outDir, `icon-${size}.png`);
    const png = encodePng(size, render(size));
    fs.writeFileSync(file, png);
    console.log(`${path.relative(process.cwd(), file)}  ${size}×${size}  ${png.length} bytes`);
  }
}

if (require.main === module) main();

module.exports = { SIZES, render, encodePng };
