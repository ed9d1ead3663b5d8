package vn.gov.training.personnel;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import vn.gov.training.personnel.domain.ImportJob;
import vn.gov.training.personnel.domain.Person;
import vn.gov.training.platform.imports.ImportJobs;
import vn.gov.training.platform.testing.Poll;
import vn.gov.training.platform.testing.Postgres;
import vn.gov.training.platform.testing.RealInfrastructure;
import vn.gov.training.platform.testing.Tokens;

/**
 * Issue 19: no import stays RUNNING without a worker, and its counters are true at every moment. An import survives
 * a PostgreSQL outage in the middle (it waits and goes on); a job whose worker died is ended FAILED with the rows it
 * had committed.
 */
@QuarkusTest
@WithTestResource(RealInfrastructure.class)
class ImportRecoveryTest {

    @Inject
    ImportJobs jobs;

    @BeforeEach
    void units() {
        TestData.ensureUnits();
    }

    @Test
    void aJobWhoseWorkerDiedIsEndedFailedWithItsCommittedRowsAndALiveOneIsLeftAlone() {
        UUID orphan = job("instance-killed-long-ago", OffsetDateTime.now().minusMinutes(10), 2000);
        UUID alive = job("instance-still-beating", OffsetDateTime.now(), 500);

        // what runs at start-up, when the database returns and every 15 s
        assertTrue(jobs.sweep() >= 1);
        JsonPath failed = read(orphan);
        assertEquals(2000, failed.getInt("processedRows"));
        assertEquals("import-interrupted", failed.getString("errors[0].code"));
        assertTrue(failed.getString("errors[0].message").contains("2.000") || failed.getString("errors[0].message")
                .contains("2000"), failed.getString("errors[0].message"));
        assertEquals("FAILED", failed.getString("status"));
        assertTrue(failed.getString("finishedAt") != null);

        assertEquals(0, jobs.sweep(), "the sweep ended the orphan once and nothing else");
        assertEquals("RUNNING", read(alive).getString("status"));
        QuarkusTransaction.requiringNew().run(() -> ImportJob.deleteById(alive));
    }

    @Test
    void anImportGoesOnAfterADatabaseOutageInItsMiddleAndItsCountersAreTrue() {
        int rows = 5000;
        String[] words = {"An", "Bình", "Chi", "Dũng", "Giang", "Hòa", "Khánh", "Lan", "Minh", "Nga"};
        StringBuilder csv = new StringBuilder(ImportTest.HEADER).append('\n');
        int base = freeBlock(rows);
        for (int i = 0; i < rows; i++) {
            csv.append("093085").append(String.format("%06d", base + i)) // men born in 1985, distinct
                    .append(",Nguyễn Văn ").append(words[i / 1000 % 10]).append(' ').append(words[i / 100 % 10])
                    .append(' ').append(words[i / 10 % 10]).append(' ').append(words[i % 10]).append(",01/07/1985,")
                    .append("Nam").append(",Kinh,Công chức,HG.VT,SPECIALIST,01/09/2012,\n");
        }
        String location = given().header("Authorization", Tokens.bearer("admin")).contentType("text/csv")
                .body(csv.toString().getBytes(StandardCharsets.UTF_8)).queryParam("mode", "VALID_ROWS")
                .queryParam("fileName", "chiu-loi.csv").post("/api/personnel/imports").then().statusCode(202)
                .extract().header("Location");
        String token = Tokens.bearer("admin");

        // as soon as the first chunk is committed, the database goes away for a while
        JsonPath first = Poll.until(Duration.ofSeconds(120), () -> given().header("Authorization", token)
                .get(location).then().statusCode(200).extract().jsonPath(), job -> job.getInt("processedRows") > 0);
        assertEquals(first.getInt("processedRows"), first.getInt("created"), "counters committed with the rows");
        assertTrue(first.getInt("processedRows") < rows, "the outage comes in the middle of the import");
        Postgres.stop();
        try {
            int answered = given().header("Authorization", token).get(location).statusCode();
            assertEquals(503, answered);
        } finally {
            Postgres.start();
        }

        JsonPath done = Poll.until(Duration.ofSeconds(180), () -> given().header("Authorization", token)
                .get(location).then().extract().jsonPath(),
                // a 503 problem document while the service finds its database again is not the job's end
                job -> job.get("processedRows") != null && !"RUNNING".equals(job.getString("status")));
        assertEquals("COMPLETED", done.getString("status"), done.prettify());
        assertEquals(rows, done.getInt("processedRows"));
        assertEquals(rows, done.getInt("created"));
        assertEquals(0, done.getInt("errorRows"));
    }

    /**
     * The start of a block of national IDs 093085000000 + [start, start + size) that nobody holds yet, so that every
     * row of the import creates a person (other tests register men born in 1985 too).
     */
    private static int freeBlock(int size) {
        while (true) {
            int start = java.util.concurrent.ThreadLocalRandom.current().nextInt(990_000 - size);
            long taken = QuarkusTransaction.requiringNew().call(() -> Person.count(
                    "nationalId between ?1 and ?2", "093085" + String.format("%06d", start),
                    "093085" + String.format("%06d", start + size - 1)));
            if (taken == 0) {
                return start;
            }
        }
    }

    private static JsonPath read(UUID id) {
        return given().header("Authorization", Tokens.bearer("admin")).get("/api/personnel/imports/" + id).then()
                .statusCode(200).extract().jsonPath();
    }

    private static UUID job(String worker, OffsetDateTime heartbeat, int processed) {
        UUID id = UUID.randomUUID();
        QuarkusTransaction.requiringNew().run(() -> {
            ImportJob job = new ImportJob();
            job.id = id;
            job.fileName = "danh-sach.csv";
            job.mode = ImportJob.Mode.VALID_ROWS.name();
            job.status = ImportJob.Status.RUNNING.name();
            job.totalRows = 3000;
            job.processedRows = processed;
            job.createdCount = processed;
            job.createdBy = "admin";
            job.startedAt = heartbeat.minusMinutes(1);
            job.worker = worker;
            job.heartbeatAt = heartbeat;
            job.persist();
        });
        return id;
    }
}
