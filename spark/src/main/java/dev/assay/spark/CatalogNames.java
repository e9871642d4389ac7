package dev.assay.spark;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * The names of the session's tables and views, as {@code SHOW TABLES} lists them (lower-cased,
 * since Spark compares names without case), kept without asking the catalog each time. The
 * engine binds its own relations and says so here; only a statement of the user's that is not a
 * query ({@code CREATE TEMP VIEW}, {@code DROP VIEW}, {@code CREATE TABLE}) changes the catalog
 * behind the engine's back, so the names are read again after one. Tables another session adds
 * to a shared catalog show after the next such statement.
 */
final class CatalogNames {

    private final Supplier<List<String>> catalog;
    /** Bumped before and after each command of the user's: a read taken while one runs is stale. */
    private final AtomicLong commands = new AtomicLong();
    private final Set<String> names = new HashSet<>();
    private long readAt = -1;

    CatalogNames(Supplier<List<String>> catalog) {
        this.catalog = catalog;
    }

    /** Called before and after a user's statement that may change the catalog. */
    void commandRuns() {
        commands.incrementAndGet();
    }

    /** How many times a command started or ended: a view's definition may differ when it changes. */
    long commands() {
        return commands.get();
    }

    /** {@code name} was bound in the catalog by the engine (call after binding it). */
    synchronized void bound(String name) {
        names.add(key(name));
    }

    /** {@code name} was dropped from the catalog by the engine (call after dropping it). */
    synchronized void dropped(String name) {
        names.remove(key(name));
    }

    synchronized boolean contains(String name) {
        return current().contains(key(name));
    }

    /** Every name, sorted. */
    synchronized List<String> sorted() {
        List<String> all = new ArrayList<>(current());
        all.sort(String::compareTo);
        return all;
    }

    private Set<String> current() {
        long now = commands.get();
        if (readAt != now) {
            List<String> read = catalog.get();
            names.clear();
            read.forEach(n -> names.add(key(n)));
            readAt = now;
        }
        return names;
    }

    static String key(String name) {
        return name.toLowerCase(Locale.ROOT);
    }
}
