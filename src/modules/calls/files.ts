/** Content sniffing of uploaded files: the declared type is not trusted, the first bytes are. */
import type { fileTypes } from './forms.ts';

type TFileType = (typeof fileTypes)[number];
const signatures: Array<[TFileType, number[]]> = [
  ['application/pdf', [0x25, 0x50, 0x44, 0x46, 0x2d]],
  ['image/png', [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]],
  ['image/jpeg', [0xff, 0xd8, 0xff]],
];

/** The type the content actually has, among those Totem accepts, or null. */
export function sniff(content: Buffer): TFileType | null {
  for (const [type, bytes] of signatures) if (bytes.every((b, i) => content[i] === b)) return type;
  return null;
}

/** A file name safe to send back in a Content-Disposition header. */
export function safeFilename(name: string): string {
  const cleaned = name.replace(/[^\p{L}\p{N}._ -]/gu, '_').slice(0, 120);
  return cleaned.trim() || 'fichier';
}
