package dev.assay.dsl.scan;

/** The value of one requested aggregate, readable once its scan ran. */
public final class Handle<T> {

    private final String what;
    private T value;
    private boolean set;

    Handle(String what) {
        this.what = what;
    }

    void set(T value) {
        this.value = value;
        this.set = true;
    }

    public T get() {
        if (!set) {
            throw new IllegalStateException(what + " is read before its scan ran");
        }
        return value;
    }
}
