package vn.gov.training.course.service;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import vn.gov.training.course.domain.Program;
import vn.gov.training.course.domain.ProgramVersion;
import vn.gov.training.platform.text.VietnameseText;
import vn.gov.training.platform.web.PageResponse;

/**
 * Searches the catalogue on each programme's current version. {@code q} ignores case and diacritics (folded
 * column with a trigram index); {@code targetRank} finds programmes aimed at or requiring a rank.
 */
@ApplicationScoped
public class ProgramQueries {

    public record Filter(String q, String code, String category, String level, String targetRank,
                         String targetTitle, String status, boolean includeDrafts) {
    }

    /** A programme with the content of its current version. */
    public record Entry(Program program, ProgramVersion version) {
    }

    private final EntityManager em;

    ProgramQueries(EntityManager em) {
        this.em = em;
    }

    @SuppressWarnings("unchecked")
    public PageResponse<Entry> search(Filter f, int page, int size) {
        String key = f.q() == null || f.q().isBlank() ? null : "%" + escapeLike(VietnameseText.fold(f.q())) + "%";
        NativeFilter where = new NativeFilter()
                .and("v.search_name like ?", key)
                .and("p.code = ?", f.code())
                .and("v.category = ?", f.category())
                .and("v.level = ?", f.level())
                .and("((v.target_groups -> 'rankCodes') @> jsonb_build_array(cast(? as text))"
                        + " or v.required_rank_codes @> jsonb_build_array(cast(? as text)))", f.targetRank())
                .and("(v.target_groups -> 'titleCodes') @> jsonb_build_array(cast(? as text))", f.targetTitle())
                .and("p.status = ?", f.status());
        if (!f.includeDrafts()) {
            where.and("p.status <> 'DRAFT'");
        }
        String from = "from program p join program_version v on v.program_id = p.id and v.version = p.current_version";
        long total = ((Number) where.query(em, "select count(*) " + from).getSingleResult()).longValue();
        List<Object> ids = where.query(em, "select v.id " + from, "order by v.search_name, p.code limit "
                + size + " offset " + (long) page * size).getResultList();
        if (ids.isEmpty()) {
            return new PageResponse<>(List.of(), page, size, total);
        }
        List<Long> versionIds = ids.stream().map(id -> ((Number) id).longValue()).toList();
        Map<Long, ProgramVersion> versions = ProgramVersion.<ProgramVersion>list("id in ?1", versionIds).stream()
                .collect(Collectors.toMap(v -> v.id, Function.identity()));
        List<UUID> programIds = versions.values().stream().map(v -> v.programId).toList();
        Map<UUID, Program> programs = Program.<Program>list("id in ?1", programIds).stream()
                .collect(Collectors.toMap(p -> p.id, Function.identity()));
        List<Entry> entries = versionIds.stream().map(versions::get)
                .map(v -> new Entry(programs.get(v.programId), v)).toList();
        return new PageResponse<>(entries, page, size, total);
    }

    public static String escapeLike(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
