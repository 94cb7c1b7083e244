package dev.tributary.trigger.s3;

/** What a move did, for progress lines and the run summary. */
public record MoveResult(int objects, long bytes) {

    public static final MoveResult NONE = new MoveResult(0, 0);

    public MoveResult plus(MoveResult other) {
        return new MoveResult(objects + other.objects, bytes + other.bytes);
    }
}
