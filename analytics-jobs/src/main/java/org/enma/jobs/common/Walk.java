package org.enma.jobs.common;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.NoSuchElementException;

/**
 * A Spark task's walk along a sorted partition that hands on what it finds as it goes: each item taken may queue some
 * output ({@link #emit}), and the end of the partition may queue a last few. Nothing is held but what the walker keeps
 * of the current item's group and the output not yet pulled.
 */
public abstract class Walk<I, O> implements Iterator<O> {
    private final Iterator<I> sorted;
    private final Deque<O> ready = new ArrayDeque<>();
    private boolean done;

    protected Walk(Iterator<I> sorted) {
        this.sorted = sorted;
    }

    /** Takes the next item of the partition. */
    protected abstract void take(I item);

    /** The partition is walked: hand on what is left, release what the walk holds. */
    protected abstract void finish();

    protected final void emit(O output) {
        ready.add(output);
    }

    @Override
    public final boolean hasNext() {
        while (ready.isEmpty() && !done) {
            if (sorted.hasNext()) {
                take(sorted.next());
            } else {
                done = true;
                finish();
            }
        }
        return !ready.isEmpty();
    }

    @Override
    public final O next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        return ready.poll();
    }
}
