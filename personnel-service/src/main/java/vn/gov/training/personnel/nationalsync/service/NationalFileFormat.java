package vn.gov.training.personnel.nationalsync.service;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import vn.gov.training.personnel.domain.Person;
import vn.gov.training.personnel.domain.Qualification;
import vn.gov.training.personnel.nationalsync.domain.FileSection;

/**
 * The national format, in one place: which of our fields go into which national field, the paths of the national
 * API, the body of a delivery, how the national side's answers read, and how its copy of a file compares with ours.
 * The contract is documented in docs/national-sync.md; adopting the official format changes this class (and that page)
 * only.
 */
public final class NationalFileFormat {

    /** Key of the PERSON section (a person has one). */
    public static final String PERSON_KEY = "person";

    private static final ObjectMapper JSON = new ObjectMapper();

    private NationalFileFormat() {
    }

    /**
     * A completed training turn as the enrolment events tell it (the institution's code and name are null in events
     * published before enrolment-service added them).
     */
    public record CompletedTraining(String enrolmentId, String programId, String classId, String category,
                                    String level, String institutionCode, String institutionName,
                                    String deliveryMode, String location,
                                    LocalDate startDate, LocalDate endDate, LocalDate completedOn, String grade,
                                    String credentialNumber, LocalDate credentialIssuedOn) {
    }

    /** One reason of a rejection: the national field, its code and the national side's message. */
    public record Reason(String field, String code, String message) {
    }

    public enum Outcome {
        ACCEPTED, REJECTED, FAILED
    }

    /** What an answer of the national side means: accepted (receipt), rejected (reasons) or a failure to retry. */
    public record Answer(Outcome outcome, String receipt, List<Reason> reasons, String error) {
    }

    // ------------------------------------------------------------------------------------------ our records -> sections

    /** PERSON: identity, staff category, unit, rank, title, job position, status. */
    public static String person(Person p) {
        Map<String, Object> person = new LinkedHashMap<>();
        person.put("fullName", p.fullName);
        person.put("dateOfBirth", date(p.dateOfBirth));
        person.put("gender", p.gender == null ? null : p.gender.name());
        person.put("ethnicity", p.ethnicity);
        person.put("staffCategory", p.category == null ? null : p.category.name());
        person.put("agencyCode", p.orgUnitCode);
        person.put("rank", p.rankCode);
        person.put("title", p.titleCode);
        person.put("jobPosition", p.jobPositionCode);
        person.put("managementTier", p.managementTier);
        person.put("startedServiceOn", date(p.startedServiceOn));
        person.put("status", p.status == null ? null : p.status.name());
        person.put("leftOn", date(p.leftOn));
        person.put("leftReason", p.leftReason == null ? null : p.leftReason.name());
        return section(p, "person", person);
    }

    /** LEVEL: one level with its date and evidence. */
    public static String level(Person p, Qualification q) {
        Map<String, Object> evidence = new LinkedHashMap<>();
        evidence.put("institution", q.institution);
        evidence.put("credentialNumber", q.credentialNumber);
        Map<String, Object> level = new LinkedHashMap<>();
        level.put("key", q.id.toString());
        level.put("kind", q.kind.name());
        level.put("level", q.level);
        level.put("awardedOn", date(q.awardedOn));
        level.put("evidence", evidence);
        level.put("source", q.source.name());
        return section(p, "level", level);
    }

    /** TRAINING: one completed training turn with programme, institution, dates, result and credential. */
    public static String training(Person p, CompletedTraining t) {
        Map<String, Object> credential = new LinkedHashMap<>();
        credential.put("number", t.credentialNumber());
        credential.put("issuedOn", date(t.credentialIssuedOn()));
        Map<String, Object> training = new LinkedHashMap<>();
        training.put("key", t.enrolmentId());
        training.put("programmeId", t.programId());
        training.put("classId", t.classId());
        training.put("programmeCategory", t.category());
        training.put("programmeLevel", t.level());
        training.put("institution", institution(t.institutionCode(), t.institutionName()));
        training.put("deliveryMode", t.deliveryMode());
        training.put("location", t.location());
        training.put("startDate", date(t.startDate()));
        training.put("endDate", date(t.endDate() != null ? t.endDate() : t.completedOn()));
        training.put("result", t.grade() != null ? t.grade() : "PASSED");
        training.put("credential", credential);
        return section(p, "training", training);
    }

    /** The institution of a training turn: {"code", "name"}, or null when the event did not name it. */
    private static Map<String, Object> institution(String code, String name) {
        if (code == null && name == null) {
            return null;
        }
        Map<String, Object> institution = new LinkedHashMap<>();
        institution.put("code", code);
        institution.put("name", name);
        return institution;
    }

    private static String section(Person p, String name, Map<String, Object> fields) {
        Map<String, Object> content = new LinkedHashMap<>();
        content.put("nationalId", p.nationalId);
        content.put(name, fields);
        return write(content);
    }

    // ------------------------------------------------------------------------------------------ the national API


    public static String filePath(String nationalId) {
        return "/api/v1/files/" + URLEncoder.encode(nationalId, StandardCharsets.UTF_8);
    }

    /** The call that sends a delivery: the path of its person's file's changes, and its body. */
    public record Call(String path, String body) {
    }

    /**
     * The call of a delivery, its content read once: the body is the section's content with the envelope (id, order,
     * section, revision, date); a field of the content with an envelope's name would take the envelope's place.
     */
    public static Call call(UUID deliveryId, long sequence, int revision, FileSection section, LocalDate recordedOn,
                            String content) {
        JsonNode fields = tree(content);
        if (!(fields instanceof ObjectNode sectionContent)) {
            throw new IllegalStateException("delivery " + deliveryId + ": its content is not a JSON object");
        }
        ObjectNode body = JSON.createObjectNode();
        body.put("deliveryId", deliveryId.toString());
        body.put("sequence", sequence);
        body.put("revision", revision);
        body.put("section", section.name());
        body.put("recordedOn", date(recordedOn));
        body.setAll(sectionContent);
        String nationalId = Objects.requireNonNull(text(fields.get("nationalId")),
                () -> "delivery " + deliveryId + ": its content names no national ID");
        String path = "/api/v1/files/" + URLEncoder.encode(nationalId, StandardCharsets.UTF_8) + "/changes";
        return new Call(path, write(body));
    }

    /** 200 accepted, 422 (or another 4xx but 401, 403, 408, 429) rejected, anything else a failure to retry. */
    public static Answer answer(int status, String body) {
        if (status == 200 || status == 201 || status == 202) {
            JsonNode node = tree(body);
            return new Answer(Outcome.ACCEPTED, node == null ? null : text(node.get("receipt")), List.of(), null);
        }
        if (status >= 400 && status < 500 && status != 401 && status != 403 && status != 408 && status != 429) {
            List<Reason> reasons = new ArrayList<>();
            JsonNode node = tree(body);
            if (node != null && node.get("reasons") != null && node.get("reasons").isArray()) {
                for (JsonNode r : node.get("reasons")) {
                    reasons.add(new Reason(text(r.get("field")), text(r.get("code")), text(r.get("message"))));
                }
            }
            if (reasons.isEmpty()) {
                reasons.add(new Reason(null, "http-" + status, node != null ? text(node.get("message")) : null));
            }
            return new Answer(Outcome.REJECTED, null, reasons, null);
        }
        return new Answer(Outcome.FAILED, null, List.of(), "HTTP " + status);
    }

    // ------------------------------------------------------------------------------------------ reconciliation

    /**
     * The fields in which the national side's file ({@code theirs}, the body of GET file, null when it has none)
     * differs from what we would send now ({@code ours}: section contents). Names only, never values.
     */
    public static List<String> differences(List<String> ours, String theirs) {
        JsonNode file = theirs == null ? null : tree(theirs);
        if (file == null) {
            return List.of("file-missing");
        }
        List<String> differences = new ArrayList<>();
        for (String content : ours) {
            JsonNode section = tree(content);
            if (section.has("person")) {
                compare("person", section.get("person"), file.get("person"), differences);
            } else if (section.has("level")) {
                String key = text(section.get("level").get("key"));
                compare("levels[" + key + "]", section.get("level"), file.path("levels").get(key), differences);
            } else if (section.has("training")) {
                String key = text(section.get("training").get("key"));
                compare("trainings[" + key + "]", section.get("training"), file.path("trainings").get(key),
                        differences);
            }
        }
        return differences;
    }

    private static void compare(String name, JsonNode ours, JsonNode theirs, List<String> differences) {
        if (theirs == null || theirs.isNull()) {
            differences.add(name + ": missing");
            return;
        }
        ours.fieldNames().forEachRemaining(field -> {
            if (!Objects.equals(ours.get(field), theirs.get(field))
                    && !(ours.get(field).isNull() && theirs.get(field) == null)) {
                differences.add(name + "." + field);
            }
        });
    }

    // ------------------------------------------------------------------------------------------ helpers

    public static FileSection sectionOf(String content) {
        JsonNode node = tree(content);
        return node.has("person") ? FileSection.PERSON : node.has("level") ? FileSection.LEVEL : FileSection.TRAINING;
    }

    public static String write(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public static List<Reason> reasons(String json) {
        if (json == null) {
            return List.of();
        }
        try {
            return JSON.readValue(json, new TypeReference<List<Reason>>() {
            });
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode tree(String json) {
        try {
            return json == null || json.isBlank() ? null : JSON.readTree(json);
        } catch (IOException e) {
            return null;
        }
    }

    private static String text(JsonNode node) {
        return node == null || node.isNull() ? null : node.asText();
    }

    private static String date(LocalDate d) {
        return d == null ? null : d.toString();
    }
}
