package vn.gov.training.reporting;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import vn.gov.training.platform.testing.BadInput;
import vn.gov.training.platform.testing.RealInfrastructure;
import vn.gov.training.platform.testing.Tokens;

/**
 * The bad-input suite: every write operation of this service's OpenAPI document, sent malformed requests as an
 * admin, answers a 4xx problem+json with a stable code, never a 5xx, and writes nothing.
 */
@QuarkusTest
@WithTestResource(RealInfrastructure.class)
class MalformedInputTest {

    @Inject
    DataSource dataSource;

    @Test
    void everyWriteOperationRefusesMalformedRequestsCleanlyAndWritesNothing() throws Exception {
        BadInput.of(Tokens.bearer("admin"))
                .unchanged(BadInput.tableCounts(dataSource, "report_generation", "webhook_subscription"))
                .run().assertClean();
    }
}
