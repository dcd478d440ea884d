#!/usr/bin/env node
/*
 * Generates the add-in icons in assets/ (icon-16/32/64/80/128.png):
 * a dark blue rounded square with a white check mark.
 *
 * Uses only Node's built-in zlib, so it runs offline without extra packages:
 *   node scripts/make-icons.js
 *
 * The shapes are described in a 0..1 unit square and rasterised with
 * supersampling so that small sizes (16 px) stay readable.
 */
"use strict";

const fs = require("fs");
const path = require("path");
const zlib = require("zlib");

const SIZES = [16, 32, 64, 80, 128];
const OUT_DIR = path.join(__dirname, "..", "assets");

const BLUE = [0x1b, 0x3a, 0x6b]; // dark blue, contrast with white > 10:1
const WHITE = [0xff, 0xff, 0xff];

// Geometry in unit coordinates (0..1).
const INSET = 0.03; // small margin so the edge is not clipped
const RADIUS = 0.2; // corner radius of the rounded square
const CHECK = [
  [0.25, 0.52],
  [0.43, 0.7],
  [0.76, 0.32],
];
const STROKE = 0.13; // check mark stroke width

function insideRoundedSquare(x, y) {
  const lo = INSET;
  const hi = 1 - INSET;
  if (x < lo || x > hi || y < lo || y > hi) return false;
  const cx = Math.min(Math.max(x, lo + RADIUS), hi - RADIUS);
  const cy = Math.min(Math.max(y, lo + RADIUS), hi - RADIUS);
  const dx = x - cx;
  const dy = y - cy;
  return dx * dx + dy * dy <= RADIUS * RADIUS;
}

function distanceToSegment(px, py, [ax, ay], [bx, by]) {
  const vx = bx - ax;
  const vy = by - ay;
  const t = Math.max(0, Math.min(1, ((px - ax) * vx + (py - ay) * vy) / (vx * vx + vy * vy)));
  const dx = px - (ax + t * vx);
  const dy = py - (ay + t * vy);
  return Math.sqrt(dx * dx + dy * dy);
}

function onCheckMark(x, y) {
  for (let i = 0; i + 1 < CHECK.length; i++) {
    // Round caps and joins: distance to each segment.
    if (distanceToSegment(x, y, CHECK[i], CHECK[i + 1]) <= STROKE / 2) return true;
  }
  return false;
}

/** Returns RGBA pixel data (Uint8Array, row-major) for a square icon. */
function renderIcon(size) {
  const SS = 8; // supersamples per axis
  const data = new Uint8Array(size * size * 4);
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let square = 0;
      let check = 0;
      for (let sy = 0; sy < SS; sy++) {
        for (let sx = 0; sx < SS; sx++) {
          const x = (px + (sx + 0.5) / SS) / size;
          const y = (py + (sy + 0.5) / SS) / size;
          if (insideRoundedSquare(x, y)) {
            square++;
            if (onCheckMark(x, y)) check++;
          }
        }
      }
      const n = SS * SS;
      const alpha = square / n;
      const white = square === 0 ? 0 : check / square;
      const o = (py * size + px) * 4;
      for (let c = 0; c < 3; c++) {
        data[o + c] = Math.round(BLUE[c] * (1 - white) + WHITE[c] * white);
      }
      data[o + 3] = Math.round(alpha * 255);
    }
  }
  return data;
}

// --- Minimal PNG encoder (RGBA, 8 bit, no interlace) -----------------------

const CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

function crc32(buf) {
  let c = 0xffffffff;
  for (let i = 0; i < buf.length; i++) c = CRC_TABLE[(c ^ buf[i]) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type, body) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(body.length, 0);
  const typeAndBody = Buffer.concat([Buffer.from(type, "ascii"), body]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(typeAndBody), 0);
  return Buffer.concat([len, typeAndBody, crc]);
}

function encodePng(size, rgba) {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0); // width
  ihdr.writeUInt32BE(size, 4); // height
  ihdr[8] = 8; // bit depth
  ihdr[9] = 6; // colour type RGBA
  ihdr[10] = 0; // compression
  ihdr[11] = 0; // filter
  ihdr[12] = 0; // interlace
  const stride = size * 4;
  const raw = Buffer.alloc((stride + 1) * size);
  for (let y = 0; y < size; y++) {
    raw[y * (stride + 1)] = 0; // filter type None
    Buffer.from(rgba.buffer, y * stride, stride).copy(raw, y * (stride + 1) + 1);
  }
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return Buffer.concat([
    signature,
    chunk("IHDR", ihdr),
    chunk("IDAT", zlib.deflateSync(raw, { level: 9 })),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

function main() {
  fs.mkdirSync(OUT_DIR, { recursive: true });
  for (const size of SIZES) {
    const file = path.join(OUT_DIR, `icon-${size}.png`);
    fs.writeFileSync(file, encodePng(size, renderIcon(size)));
    console.log(`wrote ${path.relative(process.cwd(), file)}`);
  }
}

if (require.main === module) {
  main();
}

module.exports = { renderIcon, encodePng };
