package cn.huiyin.shared.persistence;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.flywaydb.core.Flyway;
import org.jboss.logging.Logger;

import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduler;

/**
 * Brings the database to the current schema at start-up: creates it when allowed and missing, then runs
 * the Flyway migrations over JDBC, and only then lets the scheduled jobs run (the scheduler starts halted), so
 * that none of them meets a missing database or a half-migrated schema. This runs once on the start-up thread,
 * never on an event loop; the service itself uses only the reactive client.
 * <p>
 * The scheduler is resumed by the last start-up observer rather than right after the migrations: the jobs' first
 * runs (each compiles its queries and warms its caches) would otherwise take the CPU from the rest of start-up,
 * and none of them is needed before the service is ready.
 */
@ApplicationScoped
public class DatabaseBootstrap {

    private static final Logger LOG = Logger.getLogger(DatabaseBootstrap.class);

    @Inject
    DatabaseConfig config;

    @Inject
    Flyway flyway;

    @Inject
    ReferenceDataSeeder referenceData;

    @Inject
    Scheduler scheduler;

    @ConfigProperty(name = "quarkus.datasource.jdbc.url")
    String jdbcUrl;

    @ConfigProperty(name = "quarkus.datasource.username")
    String username;

    @ConfigProperty(name = "quarkus.datasource.password")
    Optional<String> password;

    void onStart(@Observes @Priority(1) StartupEvent event) throws SQLException {
        if (config.createFromUrl().isPresent()) {
            createIfMissing(config.createFromUrl().get(), databaseName(jdbcUrl));
        }
        if (config.cleanAtStart()) {
            flyway.clean();
        }
        flyway.migrate();
        referenceData.seed();
    }

    /** Last of all start-up observers: the schema is up to date (or the start has failed before this). */
    void resumeJobs(@Observes @Priority(Integer.MAX_VALUE) StartupEvent event) {
        scheduler.resume();
    }

    private void createIfMissing(String maintenanceUrl, String database) throws SQLException {
        try (Connection connection = DriverManager.getConnection(maintenanceUrl, username, password.orElse(""));
                PreparedStatement exists = connection.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
            exists.setString(1, database);
            try (ResultSet rows = exists.executeQuery()) {
                if (rows.next()) {
                    return;
                }
            }
            try (Statement create = connection.createStatement()) {
                create.execute("CREATE DATABASE \"" + database.replace("\"", "") + "\"");
                LOG.infof("database %s did not exist: created it (first start); the schema is migrated next", database);
            } catch (SQLException raced) {
                // another replica or test JVM created it first; 42P04 = duplicate_database
                if (!"42P04".equals(raced.getSQLState())) {
                    throw raced;
                }
            }
        }
    }

    static String databaseName(String jdbcUrl) {
        String path = jdbcUrl.substring(jdbcUrl.lastIndexOf('/') + 1);
        int query = path.indexOf('?');
        return query < 0 ? path : path.substring(0, query);
    }
}
