/**
 * A QR code of a text (a board link), big enough to scan from a projected screen: black
 * modules on white with the four-module quiet zone the standard asks for, drawn as SVG with
 * whole pixels per module. The encoder (qrcode-generator) loads when the first code is asked
 * for, so the board's own bundle does not carry it.
 */
import { useEffect, useState } from 'react';

/** The white border around the code, in modules (ISO/IEC 18004 asks for four). */
const QUIET_ZONE = 4;
/** The side of the code in CSS pixels, roughly: whole pixels per module in between. */
const TARGET_PX = 320;
const MIN_PX = 240;

interface Encoded {
  text: string;
  /** Modules across, quiet zone included. */
  size: number;
  /** One SVG path of every dark module, in module units. */
  path: string;
}

async function encode(text: string): Promise<Encoded> {
  const { default: qrcode } = await import('qrcode-generator');
  // Level M: a link of a hundred-odd characters stays a code of about 50 modules, coarse
  // enough for a phone at the back of the room, and survives some glare on the screen.
  const qr = qrcode(0, 'M');
  qr.addData(text, 'Byte');
  qr.make();
  const count = qr.getModuleCount();
  let path = '';
  for (let row = 0; row < count; row++) {
    // Each run of dark modules in a row is one rectangle: a path a tenth as long.
    for (let col = 0; col < count; ) {
      if (!qr.isDark(row, col)) {
        col++;
        continue;
      }
      const start = col;
      while (col < count && qr.isDark(row, col)) col++;
      path += `M${start + QUIET_ZONE} ${row + QUIET_ZONE}h${col - start}v1h${start - col}z`;
    }
  }
  return { text, size: count + 2 * QUIET_ZONE, path };
}

export function QrCode({
  text,
  label,
  failedText,
}: {
  text: string;
  /** The code's accessible name: what it is a code of. */
  label: string;
  /** What shows where the encoder could not load (offline before it was ever fetched). */
  failedText: string;
}) {
  const [encoded, setEncoded] = useState<Encoded | 'failed' | null>(null);
  useEffect(() => {
    let current = true;
    encode(text).then(
      (result) => current && setEncoded(result),
      () => current && setEncoded('failed'),
    );
    return () => {
      current = false;
    };
  }, [text]);
  if (encoded === 'failed') return <p className="wk-error">{failedText}</p>;
  // Until it is drawn (and while a new text is encoded) the space is kept, so nothing jumps.
  if (encoded === null || encoded.text !== text) {
    return <div className="wk-qr wk-qr-pending" style={{ width: TARGET_PX }} aria-busy="true" />;
  }
  const scale = Math.max(Math.floor(TARGET_PX / encoded.size), Math.ceil(MIN_PX / encoded.size));
  const px = encoded.size * scale;
  return (
    <svg
      className="wk-qr"
      role="img"
      aria-label={label}
      width={px}
      height={px}
      viewBox={`0 0 ${encoded.size} ${encoded.size}`}
      shapeRendering="crispEdges"
    >
      <rect width={encoded.size} height={encoded.size} fill="#fff" />
      <path d={encoded.path} fill="#000" />
    </svg>
  );
}
