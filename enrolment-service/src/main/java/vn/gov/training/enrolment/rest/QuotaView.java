package vn.gov.training.enrolment.rest;

import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import vn.gov.training.enrolment.domain.ClassUnitQuota;

/** A unit's seat quota in a class as the API shows it: the properties the entity had, by the same names and types. */
@Schema(name = "ClassUnitQuota")
public record QuotaView(UUID classId, String orgUnitCode, int seats) {

    public static QuotaView of(ClassUnitQuota q) {
        return new QuotaView(q.classId, q.orgUnitCode, q.seats);
    }
}
