package vn.gov.training.enrolment.service;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.RequestScoped;
import jakarta.transaction.Transactional;

import vn.gov.training.enrolment.domain.NotificationKind;
import vn.gov.training.enrolment.domain.NotificationPreference;
import vn.gov.training.platform.audit.AuditTrail;
import vn.gov.training.platform.problem.Messages;
import vn.gov.training.platform.problem.ProblemException;
import vn.gov.training.platform.security.Caller;

/**
 * Which notifications a person gets by mail. Optional kinds can be turned off and on again; the others (money owed,
 * a report due) cannot be turned off. Read and changed by the person themself, an officer of their unit (or a unit
 * above it), admins and province managers, like the person's calendar; every change is audited (entity type
 * {@code notification-preference}, the person's id: before and after).
 */
@RequestScoped
public class NotificationPreferences {

    private static final String AUDIT_TYPE = "notification-preference";

    private final Caller caller;
    private final AccessPolicy access;
    private final AuditTrail audit;
    private final Messages messages;

    NotificationPreferences(Caller caller, AccessPolicy access, AuditTrail audit, Messages messages) {
        this.caller = caller;
        this.access = access;
        this.audit = audit;
        this.messages = messages;
    }

    /** One kind as the person has it. */
    public record Setting(NotificationKind kind, boolean optional, boolean enabled) {
    }

    public List<Setting> of(UUID personnelId) {
        requireManage(personnelId);
        return settings(personnelId);
    }

    /** Turns a kind on or off; setting what is already set changes (and audits) nothing. */
    @Transactional
    public List<Setting> set(UUID personnelId, String kindName, Boolean enabled) {
        requireManage(personnelId);
        if (enabled == null) {
            throw ProblemException.invalid(List.of(messages.fieldError("enabled", "required")));
        }
        NotificationKind kind = Arrays.stream(NotificationKind.values()).filter(k -> k.name().equals(kindName))
                .findFirst().orElseThrow(() -> ProblemException.invalid(List.of(
                        messages.fieldError("kind", "notification-kind-unknown"))));
        if (!kind.optional && !enabled) {
            throw ProblemException.invalid(List.of(messages.fieldError("enabled", "notification-kind-mandatory")));
        }
        boolean before = NotificationPreference.enabled(personnelId, kind);
        if (before != enabled) {
            NotificationPreference p = NotificationPreference.findById(new NotificationPreference.Key(personnelId,
                    kind));
            if (p == null) {
                p = new NotificationPreference();
                p.personnelId = personnelId;
                p.kind = kind;
            }
            p.enabled = enabled;
            p.changedBy = caller.name();
            p.changedAt = OffsetDateTime.now(ZoneOffset.UTC);
            p.persist();
            audit.record(AUDIT_TYPE, personnelId, "notification-preference-changed",
                    Map.of("kind", kind.name(), "enabled", before), Map.of("kind", kind.name(), "enabled", enabled));
        }
        return settings(personnelId);
    }

    private static List<Setting> settings(UUID personnelId) {
        return Arrays.stream(NotificationKind.values())
                .map(k -> new Setting(k, k.optional, NotificationPreference.enabled(personnelId, k))).toList();
    }

    private void requireManage(UUID personnelId) {
        access.requirePersonalSettings(personnelId, "notification-preferences-out-of-scope");
    }
}
