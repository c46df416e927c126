// Reads just enough of a Portable Executable header to say whether a file is a 64-bit x64
// Windows binary: a Linux .node (ELF) or a 32-bit or Arm build would not load in the Windows app.
const MACHINE_AMD64 = 0x8664;
const PE32_PLUS_MAGIC = 0x20b;

export function isPe32PlusX64(bytes: Buffer): boolean {
  if (bytes.length < 0x40 || bytes.toString('latin1', 0, 2) !== 'MZ') return false;
  const peOffset = bytes.readUInt32LE(0x3c); // e_lfanew
  // Signature (4), COFF header (20), then the optional header's magic (2).
  if (peOffset + 26 > bytes.length || bytes.toString('latin1', peOffset, peOffset + 4) !== 'PE\0\0') return false;
  return bytes.readUInt16LE(peOffset + 4) === MACHINE_AMD64 && bytes.readUInt16LE(peOffset + 24) === PE32_PLUS_MAGIC;
}
