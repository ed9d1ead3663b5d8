package vn.gov.training.platform.testing;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashSet;
import java.util.Set;

/**
 * Gives a module an empty database of its own per test JVM ({@code <name>_<pid>}, dropped when the JVM ends), with
 * the extensions the services use. Per-JVM names keep builds that run at the same time apart.
 */
final class TestDatabase {

    private static final Set<String> CREATED = new HashSet<>();

    private TestDatabase() {
    }

    static synchronized String fresh(Infrastructure infra, String module) {
        String name = module + "_" + ProcessHandle.current().pid();
        String url = infra.postgresUrl() + name;
        if (CREATED.add(name)) {
            Runtime.getRuntime().addShutdownHook(new Thread(() -> drop(infra, name)));
            try (Connection admin = DriverManager.getConnection(infra.postgresUrl() + "postgres",
                    infra.postgresSuperuser(), infra.postgresSuperuserPassword());
                 Statement sql = admin.createStatement()) {
                sql.execute("drop database if exists " + name + " with (force)");
                sql.execute("create database " + name);
            } catch (SQLException e) {
                throw new IllegalStateException("cannot create test database " + name, e);
            }
            try (Connection db = DriverManager.getConnection(url, infra.postgresSuperuser(),
                    infra.postgresSuperuserPassword());
                 Statement sql = db.createStatement()) {
                sql.execute("create extension if not exists unaccent");
                sql.execute("create extension if not exists pg_trgm");
            } catch (SQLException e) {
                throw new IllegalStateException("cannot prepare test database " + name, e);
            }
        }
        return url;
    }

    private static void drop(Infrastructure infra, String name) {
        try (Connection admin = DriverManager.getConnection(infra.postgresUrl() + "postgres",
                infra.postgresSuperuser(), infra.postgresSuperuserPassword());
             Statement sql = admin.createStatement()) {
            sql.execute("drop database if exists " + name + " with (force)");
        } catch (SQLException e) {
            // the stack may already be down; `deploy/stack reset` clears what is left
        }
    }
}
