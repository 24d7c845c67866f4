/// The version `loom --version` prints.
public enum LoomVersion {
    public static let current = "0.1.0"
}
