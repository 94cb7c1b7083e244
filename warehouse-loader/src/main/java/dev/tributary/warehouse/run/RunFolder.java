package dev.tributary.warehouse.run;

import dev.tributary.schemas.shredding.ShreddedLayout;
import dev.tributary.schemas.shredding.ShreddedType;
import dev.tributary.schemas.shredding.ShreddingComplete;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * One shredded run folder ({@code shredded.good/run=...}), read through the shared {@link ShreddedLayout} so the
 * loader finds exactly what the shredder wrote.
 */
public final class RunFolder {

    private final RunStorage storage;

    public RunFolder(RunStorage storage) {
        this.storage = storage;
    }

    public RunLocation location() {
        return storage.location();
    }

    public RunStorage storage() {
        return storage;
    }

    /** The shredder writes {@code shredding_complete.json} last: without it the folder may still be filling. */
    public boolean isComplete() throws IOException {
        return storage.exists(ShreddedLayout.SHREDDING_COMPLETE);
    }

    public ShreddingComplete shreddingComplete() throws IOException {
        String text;
        try (InputStream in = storage.open(ShreddedLayout.SHREDDING_COMPLETE)) {
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        try {
            return ShreddingComplete.parse(text);
        } catch (IllegalArgumentException e) {
            throw new IOException(location() + "/" + ShreddedLayout.SHREDDING_COMPLETE + ": " + e.getMessage(), e);
        }
    }

    /** The data files of atomic-events, relative to the run folder. */
    public List<String> atomicEventFiles() throws IOException {
        return partFiles(ShreddedLayout.ATOMIC_EVENTS);
    }

    public List<String> typeFiles(ShreddedType type) throws IOException {
        return partFiles(ShreddedLayout.relativeTypeFolder(type));
    }

    /** Every type that has a folder in the run, whatever shredding_complete.json says. */
    public Set<ShreddedType> typesOnDisk() throws IOException {
        Set<ShreddedType> types = new TreeSet<>((a, b) -> a.toString().compareTo(b.toString()));
        for (String file : storage.listFiles(ShreddedLayout.SHREDDED_TYPES)) {
            if (ShreddedLayout.isPartFile(file)) {
                ShreddedLayout.typeOf(file).ifPresent(types::add);
            }
        }
        return types;
    }

    private List<String> partFiles(String folder) throws IOException {
        return storage.listFiles(folder).stream().filter(ShreddedLayout::isPartFile).toList();
    }

    @Override
    public String toString() {
        return location().toString();
    }
}
