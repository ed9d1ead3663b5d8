import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Tiny SQL helper for deploy/stack: a fresh machine has the PostgreSQL server but no psql.
 * Run with the source launcher and the JDBC driver on the class path:
 *
 * <pre>
 * java -cp "$STACK_DIST/jdbc/*" deploy/tools/Sql.java URL USER PASSWORD SQL...
 *     runs each SQL statement in the database of URL and prints query results (tab separated)
 * java -cp "$STACK_DIST/jdbc/*" deploy/tools/Sql.java URL USER PASSWORD ping
 *     exits 0 when the server accepts the login
 * java -cp "$STACK_DIST/jdbc/*" deploy/tools/Sql.java URL USER PASSWORD ensure-db NAME PASSWORD [NAME PASSWORD...]
 *     for each NAME: creates role NAME (LOGIN, given password) and database NAME owned by it when missing,
 *     then CREATE EXTENSION IF NOT EXISTS for each of -Dextensions (default unaccent,pg_trgm) as USER
 * </pre>
 *
 * URL is a jdbc:postgresql URL; when it names no database ("jdbc:postgresql://host:port/") the
 * "postgres" database is used. PASSWORD "-" means: take it from the PGPASSWORD environment variable
 * (keeps it out of the process list). Existing roles keep their password. Passwords are never printed.
 */
public class Sql {

    private static final Pattern IDENTIFIER = Pattern.compile("[a-z_][a-z0-9_]{0,62}");
    private static final Pattern URL = Pattern.compile("(jdbc:postgresql://[^/?]+/)([^?]*)(\\?.*)?");

    public static void main(String[] args) {
        if (args.length < 4) {
            System.err.println("usage: Sql URL USER PASSWORD (ping | ensure-db NAME PASSWORD... | SQL...)");
            System.exit(2);
        }
        String url = args[0];
        String user = args[1];
        String password = "-".equals(args[2]) ? System.getenv("PGPASSWORD") : args[2];
        List<String> rest = Arrays.asList(args).subList(3, args.length);
        try {
            switch (rest.get(0)) {
                case "ping" -> run(url, user, password, List.of("SELECT 1"), false);
                case "ensure-db" -> ensureDatabases(url, user, password, rest.subList(1, rest.size()));
                default -> run(url, user, password, rest, true);
            }
        } catch (SQLException e) {
            System.err.println("SQL error (" + e.getSQLState() + "): " + e.getMessage());
            System.exit(1);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(2);
        }
    }

    private static void run(String url, String user, String password, List<String> statements, boolean print)
            throws SQLException {
        try (Connection c = DriverManager.getConnection(withDatabase(url, null), user, password);
                Statement st = c.createStatement()) {
            for (String sql : statements) {
                if (st.execute(sql) && print) {
                    try (ResultSet rs = st.getResultSet()) {
                        int columns = rs.getMetaData().getColumnCount();
                        while (rs.next()) {
                            StringBuilder line = new StringBuilder();
                            for (int i = 1; i <= columns; i++) {
                                line.append(i > 1 ? "\t" : "").append(rs.getString(i));
                            }
                            System.out.println(line);
                        }
                    }
                }
            }
        }
    }

    private static void ensureDatabases(String url, String user, String password, List<String> pairs)
            throws SQLException {
        if (pairs.isEmpty() || pairs.size() % 2 != 0) {
            throw new IllegalArgumentException("ensure-db needs NAME PASSWORD pairs");
        }
        List<String> extensions = Arrays.stream(System.getProperty("extensions", "unaccent,pg_trgm").split(","))
                .map(String::trim).filter(s -> !s.isEmpty()).toList();
        for (String extension : extensions) {
            identifier(extension);
        }
        try (Connection admin = DriverManager.getConnection(withDatabase(url, null), user, password)) {
            for (int i = 0; i < pairs.size(); i += 2) {
                String name = identifier(pairs.get(i));
                String rolePassword = pairs.get(i + 1);
                boolean created = false;
                if (!exists(admin, "SELECT 1 FROM pg_roles WHERE rolname = ?", name)) {
                    execute(admin, "CREATE ROLE " + name + " LOGIN PASSWORD " + literal(rolePassword));
                    created = true;
                }
                if (!exists(admin, "SELECT 1 FROM pg_database WHERE datname = ?", name)) {
                    execute(admin, "CREATE DATABASE " + name + " OWNER " + name + " ENCODING 'UTF8'");
                    created = true;
                }
                try (Connection db = DriverManager.getConnection(withDatabase(url, name), user, password)) {
                    for (String extension : extensions) {
                        execute(db, "CREATE EXTENSION IF NOT EXISTS " + extension);
                    }
                }
                System.out.println("database " + name + (created ? ": created" : ": ok"));
            }
        }
    }

    private static boolean exists(Connection c, String sql, String value) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, value);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    private static void execute(Connection c, String sql) throws SQLException {
        try (Statement st = c.createStatement()) {
            st.execute(sql);
        }
    }

    private static String identifier(String name) {
        if (!IDENTIFIER.matcher(name).matches()) {
            throw new IllegalArgumentException("not a plain lower-case SQL identifier: " + name);
        }
        return name;
    }

    private static String literal(String value) {
        return "'" + value.replace("'", "''") + "'";
    }

    /** Replaces the database of a jdbc:postgresql URL; {@code null} keeps it (or uses "postgres" when empty). */
    static String withDatabase(String url, String database) {
        var m = URL.matcher(url);
        if (!m.matches()) {
            throw new IllegalArgumentException("not a jdbc:postgresql://host:port/[db] URL: " + url);
        }
        String db = database != null ? database : (m.group(2).isEmpty() ? "postgres" : m.group(2));
        return m.group(1) + db + (m.group(3) == null ? "" : m.group(3));
    }
}
