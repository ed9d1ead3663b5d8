package vn.gov.training.reporting.projection;

/** A report asked while the generation in use is of an older model and a rebuild is to replace it. */
public class OutdatedReadModelException extends RuntimeException {

    public OutdatedReadModelException(ReadModel.Generation generation) {
        super("read model " + generation.schema() + " is of model version " + generation.modelVersion() + ", not "
                + ReadModel.MODEL_VERSION, null, false, false);
    }
}
