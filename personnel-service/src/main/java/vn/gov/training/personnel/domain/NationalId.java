package vn.gov.training.personnel.domain;

import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The rules of the 12-digit personal identification number (Decree 137/2015/ND-CP, Circular 07/2016/TT-BCA):
 * digits 1-3 the province of birth registration (the 63 codes in force before the 2025 merger), digit 4 gender and
 * century of birth, digits 5-6 the last two digits of the year of birth, digits 7-12 a random number.
 */
public final class NationalId {

    public enum Problem { FORMAT, PROVINCE, GENDER_CENTURY, BIRTH_YEAR }

    /** Province codes of Circular 07/2016/TT-BCA, appendix I. */
    public static final Map<String, String> PROVINCES = provinces();

    private NationalId() {
    }

    /** The first rule {@code id} breaks for a person of {@code gender} born on {@code dateOfBirth}, if any. */
    public static Optional<Problem> check(String id, Gender gender, LocalDate dateOfBirth) {
        if (id == null || !id.matches("\\d{12}")) {
            return Optional.of(Problem.FORMAT);
        }
        if (!PROVINCES.containsKey(id.substring(0, 3))) {
            return Optional.of(Problem.PROVINCE);
        }
        if (gender != null && dateOfBirth != null && genderCenturyDigit(gender, dateOfBirth.getYear()) != id.charAt(3)) {
            return Optional.of(Problem.GENDER_CENTURY);
        }
        if (dateOfBirth != null && Integer.parseInt(id.substring(4, 6)) != dateOfBirth.getYear() % 100) {
            return Optional.of(Problem.BIRTH_YEAR);
        }
        return Optional.empty();
    }

    /**
     * Digit 4: 0/1 male/female born 1900-1999, 2/3 2000-2099, 4/5 2100-2199, 6/7 2200-2299; 8/9 for the 1800s as
     * our brief specifies (the circular gives 8/9 to 2300-2399; no living staff member is affected either way).
     */
    public static char genderCenturyDigit(Gender gender, int yearOfBirth) {
        int base;
        if (yearOfBirth < 1900) {
            base = 8;
        } else {
            base = Math.min(3, (yearOfBirth - 1900) / 100) * 2;
        }
        return (char) ('0' + base + (gender == Gender.FEMALE ? 1 : 0));
    }

    /** e.g. {@code 0010*****789}: enough to recognise, not enough to use. */
    public static String mask(String id) {
        if (id == null || id.length() < 8) {
            return id == null ? null : "*".repeat(id.length());
        }
        return id.substring(0, 4) + "*".repeat(id.length() - 7) + id.substring(id.length() - 3);
    }

    private static Map<String, String> provinces() {
        String[][] table = {
            {"001", "Hà Nội"}, {"002", "Hà Giang"}, {"004", "Cao Bằng"}, {"006", "Bắc Kạn"}, {"008", "Tuyên Quang"},
            {"010", "Lào Cai"}, {"011", "Điện Biên"}, {"012", "Lai Châu"}, {"014", "Sơn La"}, {"015", "Yên Bái"},
            {"017", "Hòa Bình"}, {"019", "Thái Nguyên"}, {"020", "Lạng Sơn"}, {"022", "Quảng Ninh"},
            {"024", "Bắc Giang"}, {"025", "Phú Thọ"}, {"026", "Vĩnh Phúc"}, {"027", "Bắc Ninh"}, {"030", "Hải Dương"},
            {"031", "Hải Phòng"}, {"033", "Hưng Yên"}, {"034", "Thái Bình"}, {"035", "Hà Nam"}, {"036", "Nam Định"},
            {"037", "Ninh Bình"}, {"038", "Thanh Hóa"}, {"040", "Nghệ An"}, {"042", "Hà Tĩnh"}, {"044", "Quảng Bình"},
            {"045", "Quảng Trị"}, {"046", "Thừa Thiên Huế"}, {"048", "Đà Nẵng"}, {"049", "Quảng Nam"},
            {"051", "Quảng Ngãi"}, {"052", "Bình Định"}, {"054", "Phú Yên"}, {"056", "Khánh Hòa"},
            {"058", "Ninh Thuận"}, {"060", "Bình Thuận"}, {"062", "Kon Tum"}, {"064", "Gia Lai"}, {"066", "Đắk Lắk"},
            {"067", "Đắk Nông"}, {"068", "Lâm Đồng"}, {"070", "Bình Phước"}, {"072", "Tây Ninh"},
            {"074", "Bình Dương"}, {"075", "Đồng Nai"}, {"077", "Bà Rịa - Vũng Tàu"}, {"079", "Hồ Chí Minh"},
            {"080", "Long An"}, {"082", "Tiền Giang"}, {"083", "Bến Tre"}, {"084", "Trà Vinh"}, {"086", "Vĩnh Long"},
            {"087", "Đồng Tháp"}, {"089", "An Giang"}, {"091", "Kiên Giang"}, {"092", "Cần Thơ"},
            {"093", "Hậu Giang"}, {"094", "Sóc Trăng"}, {"095", "Bạc Liêu"}, {"096", "Cà Mau"}};
        Map<String, String> map = new TreeMap<>();
        for (String[] row : table) {
            map.put(row[0], row[1]);
        }
        return Map.copyOf(map);
    }
}
