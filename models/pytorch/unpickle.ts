/**
 * A small pickle reader, enough for PyTorch state_dicts (protocols 2–4): it builds plain values and
 * calls back for what a checkpoint needs, never executing anything a file names. `find` turns a GLOBAL
 * (module, name) into a value; `persistentLoad` resolves a persistent id (PyTorch's storage references).
 * Unknown opcodes or globals are refused with a clear error, so a hostile file cannot do more than fail.
 */
export interface PickleGlobal {
  module: string;
  name: string;
  /** Called by REDUCE / NEWOBJ with the argument tuple. */
  call?: (args: unknown[]) => unknown;
}

export interface UnpickleOptions {
  find(module: string, name: string): PickleGlobal;
  persistentLoad(id: unknown): unknown;
}

export class PickleError extends Error {}

const MARK = Symbol('mark');

/** One pickle from `bytes` at `start`; returns the value and the offset just after its STOP. */
export function unpickle(bytes: Uint8Array, start: number, options: UnpickleOptions): { value: unknown; end: number } {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const stack: unknown[] = [];
  const memo = new Map<number, unknown>();
  const text = new TextDecoder();
  let at = start;
  const need = (n: number) => {
    if (at + n > bytes.length) throw new PickleError('The pickle is cut short.');
  };
  const u8 = () => (need(1), bytes[at++]);
  const u16 = () => (need(2), (at += 2), view.getUint16(at - 2, true));
  const u32 = () => (need(4), (at += 4), view.getUint32(at - 4, true));
  const i32 = () => (need(4), (at += 4), view.getInt32(at - 4, true));
  const take = (n: number) => (need(n), (at += n), bytes.subarray(at - n, at));
  const line = () => {
    const end = bytes.indexOf(0x0a, at);
    if (end < 0) throw new PickleError('The pickle is cut short.');
    const s = text.decode(bytes.subarray(at, end));
    at = end + 1;
    return s;
  };
  const pop = () => {
    if (stack.length === 0) throw new PickleError('The pickle pops an empty stack.');
    return stack.pop();
  };
  const popMark = (): unknown[] => {
    const mark = stack.lastIndexOf(MARK);
    if (mark < 0) throw new PickleError('The pickle has no mark to pop to.');
    const items = stack.slice(mark + 1);
    stack.length = mark;
    return items;
  };
  const top = () => stack[stack.length - 1];
  const call = (fn: unknown, args: unknown[]) => {
    const g = fn as PickleGlobal;
    if (!g || typeof g.call !== 'function') throw new PickleError(`The pickle calls ${g?.module ?? '?'}.${g?.name ?? '?'}, which is not allowed.`);
    return g.call(args);
  };
  const setItems = (target: unknown, items: unknown[]) => {
    for (let i = 0; i + 1 < items.length; i += 2) {
      if (target instanceof Map) target.set(items[i], items[i + 1]);
      else (target as Record<string, unknown>)[String(items[i])] = items[i + 1];
    }
  };
  /** A little-endian two's-complement integer (LONG1 / LONG4); as a number when it fits, else a bigint. */
  const long = (n: number) => {
    const b = take(n);
    let v = 0n;
    for (let i = n - 1; i >= 0; i--) v = (v << 8n) | BigInt(b[i]);
    if (n > 0 && b[n - 1] & 0x80) v -= 1n << BigInt(8 * n);
    return v >= BigInt(Number.MIN_SAFE_INTEGER) && v <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(v) : v;
  };

  for (;;) {
    const op = u8();
    switch (op) {
      case 0x80: u8(); break; // PROTO
      case 0x95: take(8); break; // FRAME
      case 0x2e: return { value: pop(), end: at }; // STOP
      case 0x28: stack.push(MARK); break; // MARK
      case 0x4e: stack.push(null); break; // NONE
      case 0x88: stack.push(true); break; // NEWTRUE
      case 0x89: stack.push(false); break; // NEWFALSE
      case 0x4b: stack.push(u8()); break; // BININT1
      case 0x4d: stack.push(u16()); break; // BININT2
      case 0x4a: stack.push(i32()); break; // BININT
      case 0x8a: stack.push(long(u8())); break; // LONG1
      case 0x8b: stack.push(long(u32())); break; // LONG4
      case 0x47: need(8); stack.push(view.getFloat64(at, false)); at += 8; break; // BINFLOAT (big-endian)
      case 0x58: stack.push(text.decode(take(u32()))); break; // BINUNICODE
      case 0x8c: stack.push(text.decode(take(u8()))); break; // SHORT_BINUNICODE
      case 0x55: stack.push(text.decode(take(u8()))); break; // SHORT_BINSTRING
      case 0x54: stack.push(text.decode(take(u32()))); break; // BINSTRING
      case 0x43: stack.push(take(u8()).slice()); break; // SHORT_BINBYTES
      case 0x42: stack.push(take(u32()).slice()); break; // BINBYTES
      case 0x29: stack.push([]); break; // EMPTY_TUPLE
      case 0x5d: stack.push([]); break; // EMPTY_LIST
      case 0x7d: stack.push({}); break; // EMPTY_DICT
      case 0x74: stack.push(popMark()); break; // TUPLE
      case 0x85: stack.push([pop()]); break; // TUPLE1
      case 0x86: { const b = pop(); stack.push([pop(), b]); break; } // TUPLE2
      case 0x87: { const c = pop(); const b = pop(); stack.push([pop(), b, c]); break; } // TUPLE3
      case 0x6c: stack.push(popMark()); break; // LIST
      case 0x61: { const v = pop(); (top() as unknown[]).push(v); break; } // APPEND
      case 0x65: { const items = popMark(); (top() as unknown[]).push(...items); break; } // APPENDS
      case 0x64: { const d = {}; setItems(d, popMark()); stack.push(d); break; } // DICT
      case 0x73: { const v = pop(); const k = pop(); setItems(top(), [k, v]); break; } // SETITEM
      case 0x75: { const items = popMark(); setItems(top(), items); break; } // SETITEMS
      case 0x71: memo.set(u8(), top()); break; // BINPUT
      case 0x72: memo.set(u32(), top()); break; // LONG_BINPUT
      case 0x94: memo.set(memo.size, top()); break; // MEMOIZE
      case 0x68: case 0x6a: { // BINGET, LONG_BINGET
        const key = op === 0x68 ? u8() : u32();
        if (!memo.has(key)) throw new PickleError(`The pickle refers to memo ${key}, which it never stored.`);
        stack.push(memo.get(key));
        break;
      }
      case 0x63: { const module = line(); stack.push(options.find(module, line())); break; } // GLOBAL
      case 0x93: { const name = pop() as string; stack.push(options.find(pop() as string, name)); break; } // STACK_GLOBAL
      case 0x52: { const args = pop() as unknown[]; stack.push(call(pop(), args)); break; } // REDUCE
      case 0x81: { const args = pop() as unknown[]; stack.push(call(pop(), args)); break; } // NEWOBJ
      case 0x62: { // BUILD: state of an object we built; an OrderedDict's is empty, tensors' are ignored
        pop();
        break;
      }
      case 0x51: stack.push(options.persistentLoad(pop())); break; // BINPERSID
      default:
        throw new PickleError(`The pickle uses opcode 0x${op.toString(16)} at byte ${at - 1}, which this reader does not take.`);
    }
  }
}
