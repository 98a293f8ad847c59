// A small, fast zlib encoder specialised for run-length data (what zlib calls the Z_RLE strategy): every match has
// distance 1, and one dynamic-Huffman block codes the symbols. For Sub-filtered label maps (long runs of zero bytes
// with a few literals at instance boundaries) this is several times faster than a general deflate in JavaScript,
// with output of about the size zlib's own Z_RLE gives. Used by the browser backend for bitmap2file; general images
// go through fflate.

const LEN_BASE = [
  3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 15, 17, 19, 23, 27, 31, 35, 43, 51, 59, 67, 83, 99, 115, 131, 163, 195,
  227, 258,
];
const LEN_EXTRA = [0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0];
/** Order in which code-length code lengths are written (RFC 1951 3.2.7). */
const CL_ORDER = [16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1, 15];

/** Length symbol index (0..28) of each match length 3..258. */
const LEN_SYM = /* @__PURE__ */ (() => {
  const t = new Uint8Array(259);
  for (let L = 3; L <= 258; L++) {
    let k = LEN_BASE.length - 1;
    while ((LEN_BASE[k] as number) > L) k--;
    t[L] = k;
  }
  return t;
})();

/** Huffman code lengths (<= maxBits) for the given frequencies; unused symbols get 0. */
function codeLengths(freq: ArrayLike<number>, maxBits: number): Uint8Array {
  const n = freq.length;
  const f = Array.from(freq);
  for (;;) {
    const used: number[] = [];
    for (let i = 0; i < n; i++) if ((f[i] as number) > 0) used.push(i);
    const lens = new Uint8Array(n);
    if (used.length === 1) {
      lens[used[0] as number] = 1;
      return lens;
    }
    if (used.length === 0) return lens;
    // Build the tree with two sorted queues (leaves, then merged nodes): O(n log n) for the sort only.
    const leaves = used.sort((a, b) => (f[a] as number) - (f[b] as number) || a - b);
    const weight: number[] = leaves.map((i) => f[i] as number);
    const parent: number[] = new Array(leaves.length * 2).fill(-1);
    const nodeW: number[] = [];
    let li = 0;
    let ni = 0;
    const pick = () => {
      if (li < leaves.length && (ni >= nodeW.length || (weight[li] as number) <= (nodeW[ni] as number)))
        return li++;
      return leaves.length + ni++;
    };
    while (leaves.length - li + nodeW.length - ni > 1) {
      const x = pick();
      const y = pick();
      const wx = x < leaves.length ? (weight[x] as number) : (nodeW[x - leaves.length] as number);
      const wy = y < leaves.length ? (weight[y] as number) : (nodeW[y - leaves.length] as number);
      const id = leaves.length + nodeW.length;
      nodeW.push(wx + wy);
      parent[x] = id;
      parent[y] = id;
    }
    const depth: number[] = new Array(leaves.length + nodeW.length).fill(0);
    for (let id = leaves.length + nodeW.length - 2; id >= 0; id--)
      depth[id] = (depth[parent[id] as number] as number) + 1;
    let max = 0;
    for (let k = 0; k < leaves.length; k++) {
      const d = depth[k] as number;
      lens[leaves[k] as number] = d;
      if (d > max) max = d;
    }
    if (max <= maxBits) return lens;
    // Too deep: flatten the distribution and retry (converges quickly; optimality matters little here).
    for (let i = 0; i < n; i++) if ((f[i] as number) > 0) f[i] = ((f[i] as number) >> 1) | 1;
  }
}

/** Canonical codes for the lengths, bit-reversed for deflate's LSB-first bit order. */
function canonical(lens: Uint8Array): Uint16Array {
  const count = new Uint16Array(16);
  for (const l of lens) if (l) count[l] = (count[l] as number) + 1;
  const next = new Uint16Array(16);
  let code = 0;
  for (let b = 1; b < 16; b++) {
    code = (code + (count[b - 1] as number)) << 1;
    next[b] = code;
  }
  const out = new Uint16Array(lens.length);
  for (let s = 0; s < lens.length; s++) {
    const l = lens[s] as number;
    if (!l) continue;
    const c = next[l] as number;
    next[l] = c + 1;
    let r = 0;
    for (let i = 0; i < l; i++) r = (r << 1) | ((c >> i) & 1);
    out[s] = r;
  }
  return out;
}

/** zlib stream (RFC 1950) of `data` using only literals and distance-1 matches, in one dynamic-Huffman block. */
export function deflateRle(data: Uint8Array): Uint8Array {
  const n = data.length;
  // Pass 1: tokens (literal byte v as v, match of length L as 256 + L) and symbol frequencies; Adler-32 on the way.
  let tokens = new Uint16Array(Math.max(1024, n >> 6));
  let nt = 0;
  const push = (t: number) => {
    if (nt === tokens.length) {
      const bigger = new Uint16Array(tokens.length * 2);
      bigger.set(tokens);
      tokens = bigger;
    }
    tokens[nt++] = t;
  };
  const freq = new Uint32Array(286);
  const MOD = 65521;
  let a = 1;
  let b = 0;
  const base = data.byteOffset;
  const lead = (4 - (base & 3)) & 3; // bytes before the first 4-byte aligned one
  const u32 = n >= lead + 4 ? new Uint32Array(data.buffer, base + lead, (n - lead) >> 2) : new Uint32Array(0);
  let i = 0;
  while (i < n) {
    const v = data[i] as number;
    if (i > 0 && v === data[i - 1]) {
      let j = i + 1;
      if (v === 0) {
        // Zero runs (almost all of a label map): skip four bytes at a time.
        while (j < n && ((j - lead) & 3) !== 0 && data[j] === 0) j++;
        if (j < n && data[j] === 0) {
          let w = (j - lead) >> 2;
          while (w < u32.length && u32[w] === 0) w++;
          j = lead + 4 * w;
          while (j < n && data[j] === 0) j++;
        }
      } else while (j < n && data[j] === v) j++;
      let run = j - i;
      // Adler-32 of `run` copies of v in closed form, in chunks small enough for exact float arithmetic.
      for (let left = run; left > 0; ) {
        const c = Math.min(left, 1 << 20);
        b = (b + a * c + v * ((c * (c + 1)) / 2)) % MOD;
        a = (a + v * c) % MOD;
        left -= c;
      }
      while (run >= 3) {
        const L = Math.min(run, 258);
        push(256 + L);
        freq[257 + (LEN_SYM[L] as number)] = (freq[257 + (LEN_SYM[L] as number)] as number) + 1;
        run -= L;
      }
      while (run-- > 0) {
        push(v);
        freq[v] = (freq[v] as number) + 1;
      }
      i = j;
    } else {
      push(v);
      freq[v] = (freq[v] as number) + 1;
      a = (a + v) % MOD;
      b = (b + a) % MOD;
      i++;
    }
  }
  freq[256] = 1; // end of block

  // Codes.
  const litLens = codeLengths(freq, 15);
  const litCodes = canonical(litLens);
  let hlit = 286;
  while (hlit > 257 && litLens[hlit - 1] === 0) hlit--;
  // One distance code (distance 1 = code 0), length 1.
  const all = new Uint8Array(hlit + 1);
  all.set(litLens.subarray(0, hlit));
  all[hlit] = 1;
  // Run-length code the code lengths (symbols 16/17/18).
  const clSyms: number[] = [];
  const clExtra: number[] = [];
  for (let k = 0; k < all.length; ) {
    const l = all[k] as number;
    let r = 1;
    while (k + r < all.length && all[k + r] === l) r++;
    k += r;
    if (l === 0) {
      while (r >= 11) {
        const c = Math.min(r, 138);
        clSyms.push(18);
        clExtra.push(c - 11);
        r -= c;
      }
      if (r >= 3) {
        clSyms.push(17);
        clExtra.push(r - 3);
        r = 0;
      }
    } else {
      clSyms.push(l);
      clExtra.push(0);
      r--;
      while (r >= 3) {
        const c = Math.min(r, 6);
        clSyms.push(16);
        clExtra.push(c - 3);
        r -= c;
      }
    }
    while (r-- > 0) {
      clSyms.push(l);
      clExtra.push(0);
    }
  }
  const clFreq = new Uint32Array(19);
  for (const s of clSyms) clFreq[s] = (clFreq[s] as number) + 1;
  const clLens = codeLengths(clFreq, 7);
  const clCodes = canonical(clLens);
  let hclen = 19;
  while (hclen > 4 && clLens[CL_ORDER[hclen - 1] as number] === 0) hclen--;

  // Pass 2: write.
  let out = new Uint8Array(1024 + (nt * 2 > n ? n + 64 : nt * 2));
  let pos = 0;
  let acc = 0;
  let bits = 0;
  const put = (v: number, len: number) => {
    acc |= v << bits;
    bits += len;
    while (bits >= 8) {
      if (pos >= out.length) {
        const bigger = new Uint8Array(out.length * 2);
        bigger.set(out);
        out = bigger;
      }
      out[pos++] = acc & 255;
      acc >>>= 8;
      bits -= 8;
    }
  };
  out[pos++] = 0x78;
  out[pos++] = 0x01;
  put(1, 1); // BFINAL
  put(2, 2); // BTYPE = 10, dynamic Huffman
  put(hlit - 257, 5);
  put(0, 5); // HDIST - 1
  put(hclen - 4, 4);
  for (let k = 0; k < hclen; k++) put(clLens[CL_ORDER[k] as number] as number, 3);
  for (let k = 0; k < clSyms.length; k++) {
    const s = clSyms[k] as number;
    put(clCodes[s] as number, clLens[s] as number);
    if (s === 16) put(clExtra[k] as number, 2);
    else if (s === 17) put(clExtra[k] as number, 3);
    else if (s === 18) put(clExtra[k] as number, 7);
  }
  for (let k = 0; k < nt; k++) {
    const t = tokens[k] as number;
    if (t < 256) put(litCodes[t] as number, litLens[t] as number);
    else {
      const L = t - 256;
      const sym = LEN_SYM[L] as number;
      put(litCodes[257 + sym] as number, litLens[257 + sym] as number);
      const extra = LEN_EXTRA[sym] as number;
      if (extra) put(L - (LEN_BASE[sym] as number), extra);
      put(0, 1); // distance code 0 (distance 1), 1 bit
    }
  }
  put(litCodes[256] as number, litLens[256] as number);
  if (bits > 0) put(0, 8 - bits);
  if (pos + 4 > out.length) {
    const bigger = new Uint8Array(pos + 4);
    bigger.set(out);
    out = bigger;
  }
  out[pos++] = (b >>> 8) & 255;
  out[pos++] = b & 255;
  out[pos++] = (a >>> 8) & 255;
  out[pos++] = a & 255;
  return out.subarray(0, pos);
}
