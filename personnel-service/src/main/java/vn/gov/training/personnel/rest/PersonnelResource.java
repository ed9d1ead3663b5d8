package vn.gov.training.personnel.rest;

import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;

import com.fasterxml.jackson.annotation.JsonRawValue;

import io.quarkus.security.Authenticated;
import vn.gov.training.personnel.domain.Person;
import vn.gov.training.personnel.domain.PersonAssignment;
import vn.gov.training.personnel.domain.Rating;
import vn.gov.training.personnel.service.AccountService;
import vn.gov.training.personnel.service.PersonAccess;
import vn.gov.training.personnel.service.PersonFields;
import vn.gov.training.personnel.service.PersonPatch;
import vn.gov.training.personnel.service.PersonnelSearch;
import vn.gov.training.personnel.service.PersonnelService;
import vn.gov.training.personnel.service.RatingService;
import vn.gov.training.platform.audit.AuditRecord;
import vn.gov.training.platform.audit.AuditTrail;
import vn.gov.training.platform.security.Roles;
import vn.gov.training.platform.time.ProvinceTime;
import vn.gov.training.platform.web.PageResponse;

/**
 * Staff records. Everyone signed in may call the reads, which show only what the caller may see; HR roles
 * (admins, province managers, unit officers in their subtree) write. Records are never deleted.
 */
@Path("/api/personnel")
@Authenticated
public class PersonnelResource {

    private final PersonnelService personnel;
    private final PersonnelSearch search;
    private final PersonAccess access;
    private final RatingService ratings;
    private final AccountService accounts;
    private final AuditTrail audit;

    PersonnelResource(PersonnelService personnel, PersonnelSearch search, PersonAccess access, RatingService ratings,
                      AccountService accounts, AuditTrail audit) {
        this.personnel = personnel;
        this.search = search;
        this.access = access;
        this.ratings = ratings;
        this.accounts = accounts;
        this.audit = audit;
    }

    @GET
    public PageResponse<PersonView> list(@QueryParam("q") String q, @QueryParam("unit") String unit,
                                         @QueryParam("includeSubunits") @DefaultValue("false") boolean includeSubunits,
                                         @QueryParam("category") String category,
                                         @QueryParam("rankCode") String rankCode,
                                         @QueryParam("titleCode") String titleCode,
                                         @QueryParam("level") String level, @QueryParam("status") String status,
                                         @QueryParam("page") @DefaultValue("0") @Min(0) int page,
                                         @QueryParam("size") @DefaultValue("20")
                                         @Min(value = 1, message = "{field.page-size}")
                                         @Max(value = 200, message = "{field.page-size}") int size,
                                         @QueryParam("sort") String sort) {
        PageResponse<Person> found = search.search(new PersonnelSearch.Criteria(q, unit, includeSubunits, category,
                rankCode, titleCode, level, status, page, size, sort), access.visibility());
        return found.map(p -> PersonView.of(p, access.seesPersonalData(p)));
    }

    @POST
    @RolesAllowed({Roles.ADMIN, Roles.PROVINCE_MANAGER, Roles.UNIT_OFFICER})
    public Response register(@NotNull PersonFields request) {
        Person p = personnel.register(request);
        return Response.created(URI.create("/api/personnel/" + p.id)).entity(PersonView.of(p, true)).build();
    }

    @GET
    @Path("/{id}")
    public PersonView get(@PathParam("id") UUID id) {
        Person p = access.readable(id);
        return PersonView.of(p, access.seesPersonalData(p));
    }

    @PATCH
    @Path("/{id}")
    @RolesAllowed({Roles.ADMIN, Roles.PROVINCE_MANAGER, Roles.UNIT_OFFICER})
    public PersonView update(@PathParam("id") UUID id, @NotNull PersonPatch patch) {
        return PersonView.of(personnel.update(id, patch), true);
    }

    @POST
    @Path("/{id}/transfer")
    @RolesAllowed({Roles.ADMIN, Roles.PROVINCE_MANAGER, Roles.UNIT_OFFICER})
    public PersonView transfer(@PathParam("id") UUID id, @Valid @NotNull PersonnelRequests.Transfer request) {
        Person p = personnel.transfer(id, request.orgUnitCode(),
                request.effectiveOn() != null ? request.effectiveOn() : ProvinceTime.today());
        return PersonView.of(p, access.seesPersonalData(p));
    }

    @POST
    @Path("/{id}/leave")
    @RolesAllowed({Roles.ADMIN, Roles.PROVINCE_MANAGER, Roles.UNIT_OFFICER})
    public PersonView leave(@PathParam("id") UUID id, @Valid @NotNull PersonnelRequests.Leave request) {
        return PersonView.of(personnel.leave(id, request.reason(),
                request.leftOn() != null ? request.leftOn() : ProvinceTime.today()), true);
    }

    public record AssignmentView(String orgUnitCode, LocalDate validFrom, LocalDate validTo, String reason) {
    }

    /** Where the person worked when. */
    @GET
    @Path("/{id}/assignments")
    public List<AssignmentView> assignments(@PathParam("id") UUID id) {
        Person p = access.readable(id);
        return PersonAssignment.history(p.id).stream()
                .map(a -> new AssignmentView(a.orgUnitCode, a.validFrom, a.validTo, a.reason)).toList();
    }

    public record AuditView(String occurredAt, String actor, String action, @JsonRawValue String before,
                            @JsonRawValue String after) {
        static AuditView of(AuditRecord r) {
            return new AuditView(r.occurredAt.toString(), r.actor, r.action, r.before, r.after);
        }
    }

    /** The audit trail of the record (before/after of every change): for the HR roles responsible for it. */
    @GET
    @Path("/{id}/history")
    @RolesAllowed({Roles.ADMIN, Roles.PROVINCE_MANAGER, Roles.UNIT_OFFICER})
    public List<AuditView> history(@PathParam("id") UUID id) {
        Person p = access.writable(id);
        return audit.history(PersonnelService.AUDIT_TYPE, p.id).stream()
                .map(AuditView::of).toList();
    }

    public record RatingView(int year, String rating) {
    }

    @GET
    @Path("/{id}/ratings")
    public List<RatingView> ratings(@PathParam("id") UUID id) {
        Person p = access.readable(id);
        return Rating.of(p.id).stream().map(r -> new RatingView(r.year, r.rating.name())).toList();
    }

    @PUT
    @Path("/{id}/ratings/{year}")
    @RolesAllowed({Roles.ADMIN, Roles.PROVINCE_MANAGER, Roles.UNIT_OFFICER})
    public RatingView setRating(@PathParam("id") UUID id, @PathParam("year") int year,
                                @Valid @NotNull PersonnelRequests.SetRating request) {
        Rating r = ratings.set(id, year, request.rating());
        return new RatingView(r.year, r.rating.name());
    }

    @POST
    @Path("/{id}/account")
    @RolesAllowed({Roles.ADMIN, Roles.PROVINCE_MANAGER, Roles.UNIT_OFFICER})
    public Response requestAccount(@PathParam("id") UUID id, PersonnelRequests.AccountRequest request) {
        PersonnelRequests.AccountRequest body = request != null ? request
                : new PersonnelRequests.AccountRequest(null, null);
        return Response.accepted(accounts.request(id, body.username(), body.roles())).build();
    }

    @GET
    @Path("/{id}/account")
    public AccountService.AccountState account(@PathParam("id") UUID id) {
        return accounts.state(id);
    }
}
