package hello;

/** What {@code hello NAME} gives. */
public record Greeting(String name) {
}
