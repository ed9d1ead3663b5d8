package vn.gov.training.personnel.service;

import java.sql.PreparedStatement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.hibernate.Session;

import jakarta.enterprise.context.ApplicationScoped;

import vn.gov.training.personnel.domain.ImportJob;
import vn.gov.training.personnel.domain.Person;
import vn.gov.training.personnel.domain.Rating;
import vn.gov.training.personnel.domain.RatingValue;
import vn.gov.training.personnel.service.PersonImports.PersonRows;
import vn.gov.training.personnel.service.RatingService.NewRating;
import vn.gov.training.personnel.service.RatingService.YearRating;
import vn.gov.training.platform.audit.AuditTrail;
import vn.gov.training.platform.imports.CellError;
import vn.gov.training.platform.imports.Checked;
import vn.gov.training.platform.imports.TabularFile;
import vn.gov.training.platform.imports.Written;
import vn.gov.training.platform.problem.FieldError;

/**
 * Imports yearly ratings as a background job: each row checked like the single write ({@link RatingService#validate}),
 * a year rated the same left unchanged, a new year inserted and a changed one corrected, each audited like the single
 * write, and one {@code updated} event per person touched, dated 31 December of the latest year written.
 */
@ApplicationScoped
public class RatingImport implements PersonRecordsImport<NewRating> {

    private final PersonImports imports;
    private final RatingService ratings;
    private final AuditTrail audit;
    private final PersonnelEvents events;

    RatingImport(PersonImports imports, RatingService ratings, AuditTrail audit, PersonnelEvents events) {
        this.imports = imports;
        this.ratings = ratings;
        this.audit = audit;
        this.events = events;
    }

    @Override
    public ImportJob.Kind kind() {
        return ImportJob.Kind.RATINGS;
    }

    @Override
    public TabularFile.Columns columns() {
        return RatingImportFormat.TABLE;
    }

    @Override
    public String label() {
        return "Rating import";
    }

    @Override
    public NewRating read(TabularFile.Row row, List<CellError> errors) {
        return RatingImportFormat.rating(row, errors);
    }

    @Override
    public List<FieldError> validate(Person person, NewRating r) {
        return ratings.validate(r.year(), r.rating());
    }

    @Override
    public Object same(NewRating r) {
        return r.year();
    }

    @Override
    public String sameField() {
        return "year";
    }

    @Override
    public Checked<PersonRows<NewRating>> check(List<TabularFile.Row> rows, Set<String> scope) {
        return imports.check(this, rows, scope);
    }

    /** Sets the ratings that differ: new years inserted with one JDBC batch, changed ones updated by Hibernate's. */
    @Override
    public Written write(List<PersonRows<NewRating>> chunk, String actor) {
        Map<UUID, Person> people = imports.lock(chunk);
        Map<UUID, List<Rating>> held = Rating.ofAll(people.keySet());
        List<Rating> created = new ArrayList<>();
        List<AuditTrail.Change> changes = new ArrayList<>();
        List<PersonnelEvents.Dated> touched = new ArrayList<>();
        int updated = 0;
        int unchanged = 0;
        for (PersonRows<NewRating> rows : chunk) {
            Person p = people.get(rows.personId());
            Map<Integer, Rating> byYear = new HashMap<>();
            held.getOrDefault(p.id, List.of()).forEach(r -> byYear.put(r.year, r));
            int latest = 0;
            for (NewRating r : rows.records()) {
                Rating rating = byYear.get(r.year());
                RatingValue before = rating == null ? null : rating.rating;
                if (before == r.rating()) {
                    unchanged++;
                    continue;
                }
                if (rating == null) {
                    rating = new Rating();
                    rating.personId = p.id;
                    rating.year = r.year();
                    created.add(rating);
                } else {
                    updated++;
                }
                rating.rating = r.rating();
                changes.add(new AuditTrail.Change(PersonnelService.AUDIT_TYPE, p.id, "rating-set",
                        before == null ? null : new YearRating(r.year(), before.name()),
                        new YearRating(r.year(), r.rating().name())));
                latest = Math.max(latest, r.year());
            }
            if (latest > 0) {
                touched.add(new PersonnelEvents.Dated(p, LocalDate.of(latest, 12, 31)));
            }
        }
        insert(created);
        audit.recordAllAs(actor, changes);
        events.publishAll("updated", touched);
        return new Written(created.size(), updated, unchanged);
    }

    /** New ratings with one JDBC batch (their identity ids keep Hibernate from batching them). */
    private static void insert(List<Rating> created) {
        if (created.isEmpty()) {
            return;
        }
        Rating.getEntityManager().unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement insert = connection.prepareStatement(
                    "insert into rating (person_id, year, rating) values (?, ?, ?)")) {
                for (Rating r : created) {
                    insert.setObject(1, r.personId);
                    insert.setInt(2, r.year);
                    insert.setString(3, r.rating.name());
                    insert.addBatch();
                }
                insert.executeBatch();
            }
        });
    }
}
