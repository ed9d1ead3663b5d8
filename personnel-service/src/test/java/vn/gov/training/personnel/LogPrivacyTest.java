package vn.gov.training.personnel;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import vn.gov.training.platform.testing.RealInfrastructure;
import vn.gov.training.platform.testing.Tokens;

/**
 * A database error carries the row's values (PostgreSQL's {@code Key (national_id)=(...)}, {@code Failing row
 * contains (...)}): none of them reaches a log line, whoever logs it (Hibernate, the transaction manager, us).
 */
@QuarkusTest
@WithTestResource(RealInfrastructure.class)
class LogPrivacyTest {

    @BeforeEach
    void units() {
        TestData.ensureUnits();
    }

    /** Everything logged while it is installed, as text: message, parameters and the whole exception chain. */
    static final class Capture extends Handler {
        final List<String> lines = new CopyOnWriteArrayList<>();

        @Override
        public void publish(LogRecord record) {
            StringBuilder text = new StringBuilder(String.valueOf(record.getMessage()));
            if (record.getParameters() != null) {
                text.append(' ').append(Arrays.toString(record.getParameters()));
            }
            if (record.getThrown() != null) {
                StringWriter trace = new StringWriter();
                record.getThrown().printStackTrace(new PrintWriter(trace));
                text.append(' ').append(trace);
            }
            lines.add(record.getLoggerName() + ": " + text);
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    }

    @Test
    void aUniqueViolationInTheDatabaseLogsNoNationalIdAndNoRow() throws Exception {
        Capture capture = new Capture();
        Logger root = Logger.getLogger("");
        root.addHandler(capture);
        boolean databaseConflict = false;
        List<String> nationalIds = new ArrayList<>();
        try {
            // the service checks for the national ID first; only a race reaches the database's unique index
            for (int round = 0; round < 5 && !databaseConflict; round++) {
                Map<String, Object> body = TestData.person("Trịnh Văn Bảo Mật", "MALE", "HG.VT");
                nationalIds.add((String) body.get("nationalId"));
                databaseConflict = race(body);
            }
        } finally {
            root.removeHandler(capture);
        }
        assumeTrue(databaseConflict, "no registration reached the database's unique index in 5 rounds");
        for (String line : capture.lines) {
            for (String nationalId : nationalIds) {
                assertTrue(!line.contains(nationalId), "a log line names the national ID: " + line);
            }
            assertTrue(!line.contains("1985-04-12") && !line.contains("Failing row") && !line.contains("Key ("),
                    "a log line quotes the row: " + line);
        }
    }

    /** Six registrations of one person at once; true when one was refused by the database (duplicate-record). */
    private static boolean race(Map<String, Object> body) throws Exception {
        int callers = 6;
        ExecutorService pool = Executors.newFixedThreadPool(callers);
        CountDownLatch start = new CountDownLatch(1);
        String auth = Tokens.bearer("admin");
        try {
            List<Future<Response>> calls = new ArrayList<>();
            for (int i = 0; i < callers; i++) {
                calls.add(pool.submit(() -> {
                    start.await();
                    return given().header("Authorization", auth).contentType(ContentType.JSON).body(body)
                            .post("/api/personnel");
                }));
            }
            start.countDown();
            boolean database = false;
            for (Future<Response> call : calls) {
                Response response = call.get(60, TimeUnit.SECONDS);
                database |= response.statusCode() == 409
                        && "duplicate-record".equals(response.jsonPath().getString("code"));
            }
            return database;
        } finally {
            pool.shutdownNow();
        }
    }
}
