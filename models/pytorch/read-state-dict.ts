/**
 * Tensors of a PyTorch checkpoint (`torch.save(state_dict)`), in both serializations: the legacy one
 * (pickles, then each storage's raw data) and the zip one (`<name>/data.pkl` + `<name>/data/<key>`).
 * Only the small pickles are read up front; each tensor's bytes are read when asked for, so a 553 MB
 * file is never held twice. No Python, nothing in the file is executed (see unpickle.ts).
 */
import { GradlensError } from '../../core/errors.ts';
import { fromFloat16 } from '../float16.ts';
import { PickleError, unpickle, type PickleGlobal } from './unpickle.ts';

/** Random access to the checkpoint's bytes (a file handle in Node, a Uint8Array in tests). */
export interface ByteSource {
  size: number;
  read(offset: number, length: number): Promise<Uint8Array>;
}

export interface TensorRecord {
  name: string;
  shape: number[];
  /** The values as float32, C order. */
  read(): Promise<Float32Array>;
}

const LEGACY_MAGIC = 0x1950a86a20f9469cfc6cn;
const LEGACY_PROTOCOL = 1001;

/** Bytes per element, and how to turn them into float32, of the storage types a state_dict may use. */
const STORAGES: Record<string, { bytes: number; toFloat32(raw: Uint8Array): Float32Array }> = {
  FloatStorage: { bytes: 4, toFloat32: (raw) => new Float32Array(raw.slice().buffer) },
  DoubleStorage: { bytes: 8, toFloat32: (raw) => Float32Array.from(new Float64Array(raw.slice().buffer)) },
  HalfStorage: { bytes: 2, toFloat32: (raw) => fromFloat16(new Uint16Array(raw.slice().buffer)) },
};

function invalid(message: string): GradlensError {
  return new GradlensError('model/prepare', `Not a readable PyTorch checkpoint: ${message}`);
}

interface StorageRef {
  type: string;
  key: string;
  numel: number;
}

interface TensorRef {
  storage: StorageRef;
  offset: number;
  shape: number[];
}

/** The globals a state_dict of tensors uses; anything else is refused. */
function finder(module: string, name: string): PickleGlobal {
  const g = (call?: (args: unknown[]) => unknown): PickleGlobal => ({ module, name, call });
  const full = `${module}.${name}`;
  if (full === 'collections.OrderedDict') return g(() => new Map());
  if (full === 'torch._utils._rebuild_tensor_v2') {
    return g(([storage, offset, size, stride]) => {
      const shape = (size as number[]).map(Number);
      let expected = 1;
      for (let d = shape.length - 1; d >= 0; d--) {
        if (shape[d] !== 1 && Number((stride as number[])[d]) !== expected) throw invalid('a tensor is not contiguous (saved from a view?).');
        expected *= shape[d];
      }
      return { storage: storage as StorageRef, offset: Number(offset), shape } satisfies TensorRef;
    });
  }
  if (full === 'torch._utils._rebuild_parameter') return g(([data]) => data);
  if (module === 'torch' && Object.hasOwn(STORAGES, name)) return g();
  throw invalid(`it refers to ${full}, which a state_dict of float tensors does not need.`);
}

/** The persistent id of a storage: ('storage', type, key, location, numel[, view]). */
function storageRef(id: unknown): StorageRef {
  const [tag, type, key, , numel] = id as [string, PickleGlobal, string, string, number];
  if (tag !== 'storage' || !type || !Object.hasOwn(STORAGES, type.name)) throw invalid(`an unsupported storage ${JSON.stringify(type?.name ?? tag)}.`);
  return { type: type.name, key: String(key), numel: Number(numel) };
}

/** Unpickles at `at`, reading more of the file while the pickle is cut short. */
async function pickleAt(source: ByteSource, at: number, persistentLoad: (id: unknown) => unknown = () => {
  throw invalid('a storage reference outside the state_dict.');
}): Promise<{ value: unknown; end: number }> {
  for (let length = 1 << 16; ; length *= 4) {
    const bytes = await source.read(at, Math.min(length, source.size - at));
    try {
      const { value, end } = unpickle(bytes, 0, { find: finder, persistentLoad });
      return { value, end: at + end };
    } catch (error) {
      if (!(error instanceof PickleError)) throw error;
      if (!/cut short/.test(error.message) || at + length >= source.size) throw invalid(error.message);
    }
  }
}

function records(dict: unknown, storageBytes: (ref: StorageRef) => Promise<{ offset: number; bytes: number }>, source: ByteSource): TensorRecord[] {
  if (!(dict instanceof Map) && !(dict && typeof dict === 'object')) throw invalid('it does not hold a state_dict.');
  const entries = dict instanceof Map ? [...dict.entries()] : Object.entries(dict as object);
  return entries.map(([name, value]) => {
    const tensor = value as TensorRef;
    if (!tensor?.storage || !Array.isArray(tensor.shape)) throw invalid(`"${String(name)}" is not a tensor.`);
    const kind = STORAGES[tensor.storage.type];
    const count = tensor.shape.reduce((a, b) => a * b, 1);
    if (tensor.offset + count > tensor.storage.numel) throw invalid(`"${String(name)}" reaches past its storage.`);
    return {
      name: String(name),
      shape: tensor.shape,
      async read() {
        const { offset } = await storageBytes(tensor.storage);
        const start = offset + tensor.offset * kind.bytes;
        if (start + count * kind.bytes > source.size) throw invalid(`the data of "${String(name)}" is cut short.`);
        return kind.toFloat32(await source.read(start, count * kind.bytes));
      },
    };
  });
}

async function readLegacy(source: ByteSource): Promise<TensorRecord[]> {
  const magic = await pickleAt(source, 0);
  if (magic.value !== LEGACY_MAGIC) throw invalid('the legacy magic number is wrong.');
  const protocol = await pickleAt(source, magic.end);
  if (protocol.value !== LEGACY_PROTOCOL) throw invalid(`legacy protocol ${String(protocol.value)}, expected ${LEGACY_PROTOCOL}.`);
  const info = await pickleAt(source, protocol.end);
  if ((info.value as { little_endian?: boolean }).little_endian === false) throw invalid('it was saved big-endian.');
  const storages = new Map<string, StorageRef>();
  const dict = await pickleAt(source, info.end, (id) => {
    const ref = storageRef(id);
    const known = storages.get(ref.key);
    if (known) return known;
    storages.set(ref.key, ref);
    return ref;
  });
  const keys = await pickleAt(source, dict.end);
  // After the key list, each storage in that order: its element count (int64), then its data.
  const offsets = new Map<string, number>();
  let at = keys.end;
  for (const key of keys.value as string[]) {
    const ref = storages.get(String(key));
    if (!ref) throw invalid(`storage ${String(key)} is listed but never used.`);
    if (at + 8 > source.size) throw invalid('the storages are cut short.');
    const header = await source.read(at, 8);
    const numel = Number(new DataView(header.buffer, header.byteOffset, 8).getBigInt64(0, true));
    if (numel !== ref.numel) throw invalid(`storage ${ref.key} holds ${numel} elements, the pickle says ${ref.numel}.`);
    offsets.set(ref.key, at + 8);
    at += 8 + numel * STORAGES[ref.type].bytes;
  }
  if (at > source.size) throw invalid('the storages are cut short.');
  return records(dict.value, async (ref) => ({ offset: offsets.get(ref.key)!, bytes: ref.numel * STORAGES[ref.type].bytes }), source);
}

interface ZipEntry {
  name: string;
  dataOffset: () => Promise<number>;
  size: number;
}

async function zipEntries(source: ByteSource): Promise<Map<string, ZipEntry>> {
  const tailLength = Math.min(source.size, 65_557);
  const tail = await source.read(source.size - tailLength, tailLength);
  const view = new DataView(tail.buffer, tail.byteOffset, tail.byteLength);
  let eocd = -1;
  for (let i = tail.length - 22; i >= 0; i--) if (view.getUint32(i, true) === 0x06054b50) { eocd = i; break; }
  if (eocd < 0) throw invalid('the zip archive has no central directory.');
  const count = view.getUint16(eocd + 10, true);
  const directorySize = view.getUint32(eocd + 12, true);
  const directoryOffset = view.getUint32(eocd + 16, true);
  if (directoryOffset === 0xffffffff || count === 0xffff) throw invalid('zip64 archives (over 4 GB) are not supported.');
  if (directoryOffset + directorySize > source.size) throw invalid('the zip archive is cut short.');
  const directory = await source.read(directoryOffset, directorySize);
  const d = new DataView(directory.buffer, directory.byteOffset, directory.byteLength);
  const entries = new Map<string, ZipEntry>();
  for (let at = 0, n = 0; n < count; n++) {
    if (at + 46 > directory.length || d.getUint32(at, true) !== 0x02014b50) throw invalid('the zip central directory is damaged.');
    const method = d.getUint16(at + 10, true);
    const size = d.getUint32(at + 24, true);
    const nameLength = d.getUint16(at + 28, true);
    const extraLength = d.getUint16(at + 30, true);
    const commentLength = d.getUint16(at + 32, true);
    const local = d.getUint32(at + 42, true);
    const name = new TextDecoder().decode(directory.subarray(at + 46, at + 46 + nameLength));
    if (method !== 0) throw invalid(`zip entry ${name} is compressed; torch.save stores entries uncompressed.`);
    entries.set(name, {
      name,
      size,
      async dataOffset() {
        const header = await source.read(local, 30);
        const h = new DataView(header.buffer, header.byteOffset, 30);
        if (h.getUint32(0, true) !== 0x04034b50) throw invalid(`zip entry ${name} has no local header.`);
        return local + 30 + h.getUint16(26, true) + h.getUint16(28, true);
      },
    });
    at += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

async function readZip(source: ByteSource): Promise<TensorRecord[]> {
  const entries = await zipEntries(source);
  const pickle = [...entries.values()].find((e) => /^[^/]+\/data\.pkl$/.test(e.name));
  if (!pickle) throw invalid('the zip archive has no data.pkl.');
  const prefix = pickle.name.slice(0, -'data.pkl'.length);
  const bytes = await source.read(await pickle.dataOffset(), pickle.size);
  let value: unknown;
  try {
    ({ value } = unpickle(bytes, 0, { find: finder, persistentLoad: storageRef }));
  } catch (error) {
    throw error instanceof PickleError ? invalid(error.message) : error;
  }
  return records(
    value,
    async (ref) => {
      const entry = entries.get(`${prefix}data/${ref.key}`);
      if (!entry) throw invalid(`storage ${ref.key} is missing from the archive.`);
      if (entry.size < ref.numel * STORAGES[ref.type].bytes) throw invalid(`storage ${ref.key} is cut short.`);
      return { offset: await entry.dataOffset(), bytes: entry.size };
    },
    source,
  );
}

/** The tensors of a checkpoint, by name, in the file's order; their data is read on demand. */
export async function readStateDict(source: ByteSource): Promise<TensorRecord[]> {
  if (source.size < 8) throw invalid('the file is too short.');
  const head = await source.read(0, 4);
  if (head[0] === 0x50 && head[1] === 0x4b && head[2] === 0x03 && head[3] === 0x04) return readZip(source);
  if (head[0] === 0x80) return readLegacy(source);
  throw invalid('it is neither a zip archive nor a legacy pickle.');
}
