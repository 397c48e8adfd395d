package cn.egov.kiosk.device.link;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * A tap that never blocks the link: each chunk is copied into a bounded queue (no lock taken); when
 * the queue holds {@code capacity} chunks, new ones are dropped and counted. A consumer on another
 * thread takes them with {@link #poll(Duration)} or {@link #drain()}. The first chunk kept after a
 * drop carries the count of chunks and bytes dropped before it, so that a consumer reading a
 * stateful protocol knows its picture of the stream broke there.
 */
public final class WireTapQueue implements WireTap {

    /**
     * One chunk as the link passed it; {@code droppedBefore} and {@code droppedBytesBefore} count the
     * chunks (and their bytes) dropped between the chunk kept before it and this one.
     */
    public record Chunk(Direction direction, byte[] data, Instant at, long droppedBefore, long droppedBytesBefore) {
        public Chunk {
            data = data.clone();
        }

        public Chunk(Direction direction, byte[] data, Instant at) {
            this(direction, data, at, 0, 0);
        }

        /** Whether chunks were dropped just before this one. */
        public boolean afterDrop() {
            return droppedBefore > 0;
        }

        @Override
        public byte[] data() {
            return data.clone();
        }

        public int length() {
            return data.length;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Chunk c
                    && c.direction == direction
                    && c.at.equals(at)
                    && c.droppedBefore == droppedBefore
                    && c.droppedBytesBefore == droppedBytesBefore
                    && Arrays.equals(c.data, data);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(data) * 31 + direction.hashCode();
        }

        @Override
        public String toString() {
            return "Chunk[" + direction + ", " + data.length + " bytes, " + at
                    + (droppedBefore > 0
                            ? ", after " + droppedBefore + " dropped (" + droppedBytesBefore + " bytes)"
                            : "")
                    + "]";
        }
    }

    private final int capacity;
    private final ConcurrentLinkedQueue<Chunk> queue = new ConcurrentLinkedQueue<>();
    private final AtomicInteger size = new AtomicInteger();
    private final AtomicLong dropped = new AtomicLong();
    private final AtomicLong droppedBytes = new AtomicLong();
    // dropped since the last chunk kept: handed to the next chunk kept
    private final AtomicLong unreportedChunks = new AtomicLong();
    private final AtomicLong unreportedBytes = new AtomicLong();
    private volatile Thread waiter;

    public WireTapQueue(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity " + capacity);
        }
        this.capacity = capacity;
    }

    @Override
    public void seen(Direction direction, byte[] data, int offset, int length, Instant at) {
        if (size.incrementAndGet() > capacity) {
            size.decrementAndGet();
            dropped.incrementAndGet();
            droppedBytes.addAndGet(length);
            unreportedBytes.addAndGet(length);
            unreportedChunks.incrementAndGet();
            return;
        }
        long before = unreportedChunks.getAndSet(0);
        long bytesBefore = before > 0 ? unreportedBytes.getAndSet(0) : 0;
        queue.add(new Chunk(direction, Arrays.copyOfRange(data, offset, offset + length), at, before, bytesBefore));
        Thread w = waiter;
        if (w != null) {
            LockSupport.unpark(w);
        }
    }

    /** The next chunk, waiting up to {@code timeout}; null when none came. One consumer thread. */
    public Chunk poll(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            Chunk c = take();
            if (c != null) {
                return c;
            }
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return null;
            }
            waiter = Thread.currentThread();
            try {
                if (queue.isEmpty()) {
                    LockSupport.parkNanos(this, Math.min(left, 50_000_000L));
                }
            } finally {
                waiter = null;
            }
            if (Thread.interrupted()) {
                throw new InterruptedException();
            }
        }
    }

    /** Every chunk waiting now, oldest first; never waits. */
    public List<Chunk> drain() {
        List<Chunk> out = new ArrayList<>();
        Chunk c;
        while ((c = take()) != null) {
            out.add(c);
        }
        return out;
    }

    private Chunk take() {
        Chunk c = queue.poll();
        if (c != null) {
            size.decrementAndGet();
        }
        return c;
    }

    /** Chunks dropped because the consumer fell behind. */
    public long dropped() {
        return dropped.get();
    }

    /** The bytes in the dropped chunks. */
    public long droppedBytes() {
        return droppedBytes.get();
    }
}
