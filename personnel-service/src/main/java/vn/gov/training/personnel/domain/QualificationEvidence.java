package vn.gov.training.personnel.domain;

import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** The evidence of one qualification (the scanned diploma or certificate): a PDF or an image, kept in the database. */
@Entity
@Table(name = "qualification_evidence")
public class QualificationEvidence extends PanacheEntityBase {

    @Id
    @Column(name = "qualification_id")
    public UUID qualificationId;

    @Column(name = "person_id", nullable = false)
    public UUID personId;

    @Column(name = "file_name", nullable = false, length = 200)
    public String fileName;

    @Column(name = "content_type", nullable = false, length = 100)
    public String contentType;

    @Column(name = "size_bytes", nullable = false)
    public int sizeBytes;

    @Column(nullable = false, length = 64)
    public String sha256;

    /** The file (read with the row; lists of a person's evidence use {@link #fileNames} and never load it). */
    @Column(nullable = false)
    public byte[] content;

    @Column(name = "uploaded_at", nullable = false)
    public OffsetDateTime uploadedAt;

    @Column(name = "uploaded_by", length = 200)
    public String uploadedBy;

    /** The file names of a person's evidence, by qualification id (without reading the files). */
    public static Map<UUID, String> fileNames(UUID personId) {
        Map<UUID, String> names = new HashMap<>();
        List<Object[]> rows = getEntityManager().createQuery(
                "select e.qualificationId, e.fileName from QualificationEvidence e where e.personId = :p", Object[].class)
                .setParameter("p", personId).getResultList();
        for (Object[] row : rows) {
            names.put((UUID) row[0], (String) row[1]);
        }
        return names;
    }
}
