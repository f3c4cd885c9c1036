package cn.huiyin.shared.persistence;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Set;
import java.util.TreeSet;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Seeds the handling units and the dispatch catalogue from {@code reference/tianhe-catalog.json}, and the
 * work calendar from {@code reference/cn-work-calendar.csv}, on a fresh install. Rows that exist are left alone: after the first start the catalogue is data that
 * administrators edit, not something a deploy overwrites.
 */
@ApplicationScoped
public class ReferenceDataSeeder {

    public static final String CATALOGUE = "reference/tianhe-catalog.json";
    static final String CALENDAR = "reference/cn-work-calendar.csv";
    static final String ROUTING_EXAMPLES = "reference/appeals-labeled.jsonl";

    @Inject
    DataSource dataSource;

    @Inject
    ObjectMapper json;

    void seed() throws SQLException {
        JsonNode catalogue = read(CATALOGUE);
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try (PreparedStatement unit = connection.prepareStatement(
                    "INSERT INTO handling_unit (code, name, kind) VALUES (?, ?, ?) ON CONFLICT (code) DO NOTHING")) {
                for (JsonNode u : catalogue.get("units")) {
                    unit.setString(1, u.get("code").asText());
                    unit.setString(2, u.get("name").asText());
                    unit.setString(3, u.get("kind").asText());
                    unit.addBatch();
                }
                unit.executeBatch();
            }
            try (PreparedStatement category = connection.prepareStatement("""
                    INSERT INTO dispatch_category (code, name, unit_rule, urgent_hours, position)
                    VALUES (?, ?, ?, ?, ?) ON CONFLICT (code) DO NOTHING""")) {
                int position = 0;
                for (JsonNode c : catalogue.get("categories")) {
                    category.setString(1, c.get("code").asText());
                    category.setString(2, c.get("name").asText());
                    category.setString(3, c.get("unit").asText());
                    category.setObject(4, c.has("urgentHours") ? c.get("urgentHours").asInt() : null,
                            java.sql.Types.INTEGER);
                    category.setInt(5, position++);
                    category.addBatch();
                }
                category.executeBatch();
            }
            try (PreparedStatement versions = connection.prepareStatement("""
                    INSERT INTO catalogue_version (category, name, unit_rule, urgent_hours, effective_from, changed_by,
                        changed_at, reason, applied_at)
                    SELECT c.code, c.name, c.unit_rule, c.urgent_hours, '2025-01-01T00:00:00+08', 'system:seed', now(),
                        '初始派单目录', now()
                    FROM dispatch_category c
                    WHERE NOT EXISTS (SELECT 1 FROM catalogue_version v WHERE v.category = c.code)""")) {
                // the seeded lines are the first version of each category, so every line has a history
                versions.executeUpdate();
            }
            seedCalendar(connection);
            seedRoutingExamples(connection);
            connection.commit();
        }
    }

    /** The official holidays and make-up workdays shipped with the release, for years not loaded yet. */
    private void seedCalendar(Connection connection) throws SQLException {
        try (BufferedReader csv = new BufferedReader(new InputStreamReader(open(CALENDAR), StandardCharsets.UTF_8));
                PreparedStatement day = connection.prepareStatement("""
                        INSERT INTO work_calendar_day (day, kind, name) SELECT ?, ?, ?
                        WHERE NOT EXISTS (SELECT 1 FROM work_calendar_year WHERE year = ?)
                        ON CONFLICT (day) DO NOTHING""");
                PreparedStatement year = connection.prepareStatement("""
                        INSERT INTO work_calendar_year (year, source) VALUES (?, ?) ON CONFLICT (year) DO NOTHING""")) {
            Set<Integer> years = new TreeSet<>();
            String line;
            while ((line = csv.readLine()) != null) {
                if (line.isBlank() || line.startsWith("#") || line.startsWith("date,")) {
                    continue;
                }
                String[] fields = line.split(",", 3);
                LocalDate date = LocalDate.parse(fields[0].trim());
                day.setObject(1, date);
                day.setString(2, fields[1].trim());
                day.setString(3, fields[2].trim());
                day.setInt(4, date.getYear());
                day.addBatch();
                years.add(date.getYear());
            }
            day.executeBatch();
            for (int y : years) {
                year.setInt(1, y);
                year.setString(2, "shipped with the release (" + CALENDAR + ")");
                year.addBatch();
            }
            year.executeBatch();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The labelled corpus the classifier starts from, on a fresh install only. */
    private void seedRoutingExamples(Connection connection) throws SQLException {
        try (var empty = connection.createStatement().executeQuery("SELECT NOT EXISTS (SELECT 1 FROM routing_example)")) {
            empty.next();
            if (!empty.getBoolean(1)) {
                return;
            }
        }
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(open(ROUTING_EXAMPLES), StandardCharsets.UTF_8));
                PreparedStatement example = connection.prepareStatement(
                        "INSERT INTO routing_example (text, category, source) VALUES (?, ?, 'SEED')")) {
            String line;
            while ((line = lines.readLine()) != null) {
                if (line.isBlank()) {
                    continue;
                }
                JsonNode item = json.readTree(line);
                example.setString(1, item.get("text").asText());
                example.setString(2, item.get("category").asText());
                example.addBatch();
            }
            example.executeBatch();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static InputStream open(String resource) {
        InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(resource);
        if (in == null) {
            throw new IllegalStateException("missing resource " + resource);
        }
        return in;
    }

    private JsonNode read(String resource) {
        try (InputStream in = open(resource)) {
            return json.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
