package vn.gov.training.platform.imports;

/** What one write of an import did with its rows: created, updated (changed), or left unchanged. */
public record Written(int created, int updated, int unchanged) {

    public Written plus(Written other) {
        return new Written(created + other.created, updated + other.updated, unchanged + other.unchanged);
    }
}
