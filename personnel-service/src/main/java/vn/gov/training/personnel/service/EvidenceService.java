package vn.gov.training.personnel.service;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import vn.gov.training.personnel.domain.Person;
import vn.gov.training.personnel.domain.Qualification;
import vn.gov.training.personnel.domain.QualificationEvidence;
import vn.gov.training.platform.audit.AuditTrail;
import vn.gov.training.platform.problem.ProblemException;

/**
 * The evidence of a qualification: one PDF, PNG or JPEG file (told by its first bytes, not by what the caller
 * declares), at most {@code training.evidence.max-bytes}, attached by whoever may change the person's record and read
 * by whoever may read it. Attaching the same file again changes nothing; another file replaces it, audited.
 */
@ApplicationScoped
public class EvidenceService {

    public static final Map<String, String> TYPES = Map.of("application/pdf", "pdf", "image/png", "png",
            "image/jpeg", "jpg");

    private final PersonAccess access;
    private final AuditTrail audit;
    private final int maxBytes;

    EvidenceService(PersonAccess access, AuditTrail audit,
                    @ConfigProperty(name = "training.evidence.max-bytes", defaultValue = "5242880") int maxBytes) {
        this.access = access;
        this.audit = audit;
        this.maxBytes = maxBytes;
    }

    public record Attached(QualificationEvidence evidence, boolean changed) {
    }

    @Transactional
    public Attached attach(UUID personId, UUID qualificationId, String fileName, byte[] content) {
        Person p = access.writable(personId);
        Qualification q = qualification(p, qualificationId);
        if (content == null || content.length == 0) {
            throw ProblemException.invalid("evidence-empty");
        }
        if (content.length > maxBytes) {
            throw new ProblemException(413, "evidence-too-large", content.length, maxBytes);
        }
        String type = detect(content);
        if (type == null) {
            throw new ProblemException(415, "evidence-type");
        }
        String name = name(fileName, q, type);
        String digest = sha256(content);
        QualificationEvidence e = QualificationEvidence.findById(q.id);
        Map<String, Object> before = e == null ? null : snapshot(e);
        if (e != null && e.sha256.equals(digest) && e.fileName.equals(name)) {
            return new Attached(e, false);
        }
        if (e == null) {
            e = new QualificationEvidence();
            e.qualificationId = q.id;
            e.personId = p.id;
        }
        e.fileName = name;
        e.contentType = type;
        e.sizeBytes = content.length;
        e.sha256 = digest;
        e.content = content;
        e.uploadedAt = PersonnelService.now();
        e.uploadedBy = access.callerName();
        e.persist();
        audit.record(PersonnelService.AUDIT_TYPE, p.id, "qualification-evidence-attached", before, snapshot(e));
        return new Attached(e, true);
    }

    /** The evidence, for a caller who may read the person's record; 404 when there is none. */
    @Transactional
    public QualificationEvidence read(UUID personId, UUID qualificationId) {
        Person p = access.readable(personId);
        Qualification q = qualification(p, qualificationId);
        QualificationEvidence e = QualificationEvidence.findById(q.id);
        if (e == null) {
            throw ProblemException.notFound("evidence-not-found", qualificationId);
        }
        return e;
    }

    private static Qualification qualification(Person p, UUID qualificationId) {
        Qualification q = Qualification.findById(qualificationId);
        if (q == null || !q.personId.equals(p.id)) {
            throw ProblemException.notFound("qualification-not-found", qualificationId);
        }
        return q;
    }

    /** The file's type by its signature: %PDF, PNG's eight bytes, JPEG's FF D8 FF; anything else is refused. */
    static String detect(byte[] c) {
        if (c.length >= 5 && c[0] == '%' && c[1] == 'P' && c[2] == 'D' && c[3] == 'F' && c[4] == '-') {
            return "application/pdf";
        }
        if (c.length >= 8 && (c[0] & 0xff) == 0x89 && c[1] == 'P' && c[2] == 'N' && c[3] == 'G' && c[4] == 0x0d
                && c[5] == 0x0a && c[6] == 0x1a && c[7] == 0x0a) {
            return "image/png";
        }
        if (c.length >= 3 && (c[0] & 0xff) == 0xff && (c[1] & 0xff) == 0xd8 && (c[2] & 0xff) == 0xff) {
            return "image/jpeg";
        }
        return null;
    }

    /** A plain file name (no path, no control characters, at most 200 characters), else one made from the record. */
    static String name(String given, Qualification q, String type) {
        String name = given == null ? "" : given.replaceAll(".*[/\\\\]", "").replaceAll("\\p{Cntrl}", "").strip();
        if (name.isEmpty()) {
            name = "minh-chung-" + q.kind.name().toLowerCase() + "-" + q.level.toLowerCase() + "." + TYPES.get(type);
        }
        return name.length() > 200 ? name.substring(name.length() - 200) : name;
    }

    private static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, Object> snapshot(QualificationEvidence e) {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("qualificationId", e.qualificationId);
        s.put("fileName", e.fileName);
        s.put("contentType", e.contentType);
        s.put("sizeBytes", e.sizeBytes);
        s.put("sha256", e.sha256);
        return s;
    }
}
