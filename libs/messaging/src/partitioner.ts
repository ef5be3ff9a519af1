// Kafka's default partitioner (murmur2 of the key), so a key lands on the same partition number
// under both adapters.
const SEED = 0x9747b28c;
const M = 0x5bd1e995;

const murmur2 = (key: string): number => {
  const data = Buffer.from(key, 'utf8');
  const length = data.length;
  let h = SEED ^ length;
  const whole = length - (length % 4);
  for (let i = 0; i < whole; i += 4) {
    let k = data[i] | (data[i + 1] << 8) | (data[i + 2] << 16) | (data[i + 3] << 24);
    k = Math.imul(k, M);
    k ^= k >>> 24;
    k = Math.imul(k, M);
    h = Math.imul(h, M) ^ k;
  }
  const rest = length % 4;
  if (rest >= 3) h ^= data[whole + 2] << 16;
  if (rest >= 2) h ^= data[whole + 1] << 8;
  if (rest >= 1) h = Math.imul(h ^ data[whole], M);
  h ^= h >>> 13;
  h = Math.imul(h, M);
  h ^= h >>> 15;
  return h;
};

/** partition = hash(key) mod N. */
export const partitionFor = (key: string, partitions: number): number =>
  (murmur2(key) & 0x7fffffff) % partitions;
