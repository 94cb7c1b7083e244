package dev.tributary.localstack;

/** One running component and the address clients use to reach it, printed as {@code name: address}. */
public record Endpoint(String name, String address) {

    @Override
    public String toString() {
        return name + ": " + address;
    }
}
