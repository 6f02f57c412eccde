package io.github.workerbench.core.metrics;

/**
 * The recorder's tables of job and process-instance keys: each key once, with a tag and a time,
 * in primitive arrays, so recording a job allocates nothing.
 *
 * <p>Algorithm: the key's mixed hash picks one of {@value #STRIPES} stripes, each guarded by its
 * own monitor and holding an open-addressing table (linear probing) of keys, tags and values. A
 * stripe doubles when it is half full, under its own monitor, so a table sized for the expected
 * keys never resizes and one sized too small still takes every key. Entries are never removed.
 * Contention is a key's stripe only: threads recording different jobs rarely meet.
 *
 * <p>{@link #add} makes a set of distinct keys; {@link #pair} matches two reports of one key
 * (a creation and a completion, in either order). Exact under concurrent use: every operation on
 * a key happens under its stripe's monitor. Thread-safe.
 */
final class LongKeyTable {

  /** What {@link #pair} answers while the key's other report has not come yet. */
  static final long UNPAIRED = Long.MIN_VALUE;

  private static final int STRIPES = 64;
  private static final byte EMPTY = 0;
  private static final byte PRESENT = 1;
  private static final byte FIRST = 2;
  private static final byte SECOND = 3;
  private static final byte PAIRED = 4;

  private final Stripe[] stripes = new Stripe[STRIPES];

  /** A table sized for {@code expectedKeys} keys without resizing. */
  LongKeyTable(long expectedKeys) {
    int perStripe = (int) Math.min(1 << 26, Math.max(8, 2 * expectedKeys / STRIPES + 1));
    int capacity = Integer.highestOneBit(perStripe - 1) << 1;
    for (int i = 0; i < STRIPES; i++) {
      stripes[i] = new Stripe(capacity);
    }
  }

  /** Adds {@code key}; whether it was new. */
  boolean add(long key) {
    long hash = mix(key);
    Stripe stripe = stripes[(int) (hash >>> 58)];
    synchronized (stripe) {
      int slot = stripe.find(key, hash);
      if (stripe.tags[slot] != EMPTY) {
        return false;
      }
      stripe.insert(slot, key, PRESENT, 0);
      return true;
    }
  }

  /**
   * Reports one of a key's two kinds of event at {@code nanos}, in either order: the first report
   * of a kind is kept, a repeated one is ignored, and the call that brings the second kind makes
   * the pair, once per key.
   *
   * @param first whether this is the first kind (a creation) or the second (a completion)
   * @return when this call made the pair, the time of the other kind's report; else {@link
   *     #UNPAIRED}
   */
  long pair(long key, boolean first, long nanos) {
    long hash = mix(key);
    Stripe stripe = stripes[(int) (hash >>> 58)];
    byte kind = first ? FIRST : SECOND;
    synchronized (stripe) {
      int slot = stripe.find(key, hash);
      byte tag = stripe.tags[slot];
      if (tag == EMPTY) {
        stripe.insert(slot, key, kind, nanos);
        return UNPAIRED;
      }
      if (tag == kind || tag == PAIRED) {
        return UNPAIRED;
      }
      stripe.tags[slot] = PAIRED;
      return stripe.values[slot];
    }
  }

  /** The keys in the table; exact when no other thread adds meanwhile. */
  long size() {
    long size = 0;
    for (Stripe stripe : stripes) {
      synchronized (stripe) {
        size += stripe.size;
      }
    }
    return size;
  }

  /** Spreads the key's bits (the finalizer of SplitMix64), so sequential keys fill stripes evenly. */
  private static long mix(long key) {
    long z = key;
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }

  /** One stripe's table; guarded by its own monitor. */
  private static final class Stripe {
    private long[] keys;
    private long[] values;
    private byte[] tags;
    private int size;

    Stripe(int capacity) {
      keys = new long[capacity];
      values = new long[capacity];
      tags = new byte[capacity];
    }

    /** The slot holding {@code key}, or the empty slot where it would go. */
    int find(long key, long hash) {
      int mask = keys.length - 1;
      int slot = (int) hash & mask;
      while (tags[slot] != EMPTY && keys[slot] != key) {
        slot = (slot + 1) & mask;
      }
      return slot;
    }

    void insert(int slot, long key, byte tag, long value) {
      keys[slot] = key;
      tags[slot] = tag;
      values[slot] = value;
      if (++size * 2 > keys.length) {
        grow();
      }
    }

    private void grow() {
      long[] oldKeys = keys;
      long[] oldValues = values;
      byte[] oldTags = tags;
      keys = new long[oldKeys.length * 2];
      values = new long[oldKeys.length * 2];
      tags = new byte[oldKeys.length * 2];
      for (int i = 0; i < oldKeys.length; i++) {
        if (oldTags[i] != EMPTY) {
          int slot = find(oldKeys[i], mix(oldKeys[i]));
          keys[slot] = oldKeys[i];
          values[slot] = oldValues[i];
          tags[slot] = oldTags[i];
        }
      }
    }
  }
}
