package org.enma.jobs.read;

import java.util.Iterator;
import java.util.function.Function;

/**
 * Each element of another iterator, mapped as it is asked for: what a Spark partition's rows become without a list
 * that would hold the whole partition.
 */
public final class MappedIterator<T, R> implements Iterator<R> {
    private final Iterator<T> elements;
    private final Function<? super T, ? extends R> mapping;

    private MappedIterator(Iterator<T> elements, Function<? super T, ? extends R> mapping) {
        this.elements = elements;
        this.mapping = mapping;
    }

    public static <T, R> Iterator<R> of(Iterator<T> elements, Function<? super T, ? extends R> mapping) {
        return new MappedIterator<>(elements, mapping);
    }

    @Override
    public boolean hasNext() {
        return elements.hasNext();
    }

    @Override
    public R next() {
        return mapping.apply(elements.next());
    }
}
